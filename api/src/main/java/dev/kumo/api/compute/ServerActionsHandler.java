package dev.kumo.api.compute;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.http.Json;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.action.ActionService;
import dev.kumo.core.compute.action.ServerAction;
import dev.kumo.core.compute.server.ServerService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** {@code POST /servers/{id}/action}: the body's one key names the action; 202 while it runs. */
final class ServerActionsHandler {
    private static final Map<String, ServerAction> ASYNC = Map.of("os-stop", ServerAction.STOP,
            "os-start", ServerAction.START, "pause", ServerAction.PAUSE, "unpause", ServerAction.UNPAUSE,
            "suspend", ServerAction.SUSPEND, "resume", ServerAction.RESUME);

    private final ActionService actions;
    private final ServerService servers;
    private final ComputeCallers callers;
    private final ServerImageActions imageActions;
    private final dev.kumo.core.compute.console.RemoteConsoles consoles;

    ServerActionsHandler(ActionService actions, ServerService servers, dev.kumo.core.compute.console.RemoteConsoles consoles,
                         ComputeCallers callers) {
        this.consoles = consoles;
        this.actions = actions;
        this.servers = servers;
        this.callers = callers;
        this.imageActions = new ServerImageActions(servers);
    }

    void register(RoutesConfig routes) {
        routes.post(ServersHandler.SERVERS + "/{id}/action", this::action);
    }

    private void action(Context ctx) {
        var body = Json.body(ctx);
        if (body.size() != 1) {
            throw ComputeErrors.badRequest("There is no such action: %s", body.size() == 0 ? "" : body.fieldNames().next());
        }
        String name = body.fieldNames().next();
        JsonNode arg = body.get(name);
        var caller = callers.require(ctx);
        String id = ctx.pathParam("id");
        ServerAction async = ASYNC.get(name);
        if (async != null) {
            actions.run(caller, id, async);
            ctx.status(202);
            return;
        }
        switch (name) {
            case "reboot" -> {
                String type = arg.path("type").asText("");
                if (!type.equalsIgnoreCase("SOFT") && !type.equalsIgnoreCase("HARD")) {
                    throw ComputeErrors.badRequest("Invalid input for field/attribute type. Value: %s. '%s' is not one of ['HARD', 'Hard', 'hard', 'SOFT', 'Soft', 'soft']", type, type);
                }
                actions.run(caller, id, type.equalsIgnoreCase("HARD") ? ServerAction.HARD_REBOOT : ServerAction.REBOOT);
                ctx.status(202);
            }
            case "lock", "unlock" -> {
                actions.lock(caller, id, name.equals("lock"));
                ctx.status(202);
            }
            case "os-resetState" -> {
                actions.resetState(caller, id, arg.path("state").asText(null));
                ctx.status(202);
            }
            case "os-getConsoleOutput" -> console(ctx, caller, id, arg);
            case "os-getSerialConsole" -> RemoteConsolesHandler.legacy(ctx, consoles, caller, id, arg);
            case "createImage" -> imageActions.createImage(ctx, caller, id, arg);
            case "createBackup" -> imageActions.createBackup(ctx, caller, id, arg);
            case "rebuild" -> imageActions.rebuild(ctx, caller, id, arg);
            case "resize" -> {
                String flavor = arg instanceof com.fasterxml.jackson.databind.node.ObjectNode o ? NovaBody.text(o, "flavorRef") : null;
                if (flavor == null || flavor.isBlank()) {
                    throw ComputeErrors.badRequest("Invalid input for field/attribute resize. Value: %s. 'flavorRef' is a required property", arg);
                }
                servers.resize(caller, id, flavor.substring(flavor.lastIndexOf('/') + 1));
                ctx.status(202);
            }
            case "confirmResize" -> {
                servers.finishResize(caller, id, true);
                ctx.status(204); // Nova answers confirmResize with 204, revertResize with 202
            }
            case "revertResize" -> {
                servers.finishResize(caller, id, false);
                ctx.status(202);
            }
            case "addSecurityGroup", "removeSecurityGroup" -> {
                String group = arg.path("name").asText("");
                if (group.isBlank()) {
                    throw ComputeErrors.badRequest("Invalid input for field/attribute name. Value: %s. A security group name is required", arg);
                }
                servers.changeSecurityGroup(caller, id, group.trim(), name.equals("addSecurityGroup"));
                ctx.status(202);
            }
            case "restore" -> actions.requireSoftDeleted(caller, id, "restore");
            case "forceDelete" -> actions.requireSoftDeleted(caller, id, "force_delete");
            default -> {
                actions.requireVisible(caller, id); // Nova: an unknown server is a 404 whatever the action
                throw ComputeErrors.badRequest("There is no such action: %s", name);
            }
        }
    }

    private void console(Context ctx, dev.kumo.core.compute.ComputeCaller caller, String id, JsonNode arg) {
        JsonNode length = arg.get("length");
        int lines = 0;
        if (length != null && !length.isNull()) {
            if (!length.canConvertToInt() && !(length.isTextual() && length.asText().matches("-?\\d+"))) {
                throw ComputeErrors.badRequest("Invalid input for field/attribute length. Value: %s. %s is not of type 'integer', 'string'", length, length);
            }
            lines = length.isTextual() ? Integer.parseInt(length.asText()) : length.asInt();
            if (lines < -1) {
                throw ComputeErrors.badRequest("Invalid input for field/attribute length. Value: %d. %d is less than the minimum of -1", lines, lines);
            }
        }
        Json.write(ctx, 200, Json.object().put("output", actions.consoleOutput(caller, id, lines)));
    }
}
