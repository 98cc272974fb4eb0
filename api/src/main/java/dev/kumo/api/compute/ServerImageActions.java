package dev.kumo.api.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.Links;
import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.server.Rebuild;
import dev.kumo.core.compute.server.Server;
import dev.kumo.core.compute.server.ServerService;
import dev.kumo.core.compute.server.ServerSnapshots;
import io.javalin.http.Context;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/** The actions that change a server's image: {@code createImage} (snapshot) and {@code rebuild}. */
final class ServerImageActions {
    private static final Set<String> REBUILD_FIELDS = Set.of("imageRef", "name", "metadata", "adminPass",
            "preserve_ephemeral", "OS-DCF:diskConfig", "accessIPv4", "accessIPv6", "personality", "description",
            "key_name", "user_data", "trusted_image_certificates", "hostname");

    private final ServerService servers;

    ServerImageActions(ServerService servers) {
        this.servers = servers;
    }

    /** 202; before 2.45 the image's URL in Location, from 2.45 {@code {"image_id": ...}} in the body. */
    void createImage(Context ctx, ComputeCaller caller, String id, JsonNode arg) {
        if (!(arg instanceof ObjectNode o)) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute createImage. Value: %s. %s is not of type 'object'", arg, arg);
        }
        String name = NovaBody.text(o, "name");
        if (name == null) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute createImage. Value: %s. 'name' is a required property", o);
        }
        if (name.isBlank() || name.length() > 255 || !name.equals(name.strip())) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute name. Value: %s. '%s' does not match the name pattern (1 to 255 characters, no leading or trailing whitespace)", name, name);
        }
        answerImage(ctx, servers.createImage(caller, id, name, ServerRequests.metadata(o)));
    }

    /** createBackup: createImage with Nova's backup_type and rotation (older backups of the type are deleted). */
    void createBackup(Context ctx, ComputeCaller caller, String id, JsonNode arg) {
        if (!(arg instanceof ObjectNode o)) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute createBackup. Value: %s. %s is not of type 'object'", arg, arg);
        }
        for (String required : new String[] {"name", "backup_type", "rotation"}) {
            if (!o.hasNonNull(required)) {
                throw ComputeErrors.badRequest("Invalid input for field/attribute createBackup. Value: %s. '%s' is a required property", o, required);
            }
        }
        int rotation = NovaBody.integer(o, "rotation", 0);
        if (rotation < 0) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute rotation. Value: %d. %d is less than the minimum of 0", rotation, rotation);
        }
        var backup = new ServerSnapshots.Backup(NovaBody.text(o, "backup_type"), rotation);
        String imageId = servers.createImage(caller, id, NovaBody.text(o, "name"), ServerRequests.metadata(o), backup);
        answerImage(ctx, imageId);
    }

    private static void answerImage(Context ctx, String imageId) {
        if (Microversion.of(ctx).atLeast(2, 45)) {
            Json.write(ctx, 202, Json.object().put("image_id", imageId));
            return;
        }
        ctx.header("Location", Links.base(ctx) + "/image/v2/images/" + imageId);
        ctx.status(202);
    }

    /** 202 with the server as it is now (status REBUILD) and its adminPass. */
    void rebuild(Context ctx, ComputeCaller caller, String id, JsonNode arg) {
        if (!(arg instanceof ObjectNode o)) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute rebuild. Value: %s. %s is not of type 'object'", arg, arg);
        }
        Microversion v = Microversion.of(ctx);
        o.fieldNames().forEachRemaining(f -> {
            if (!REBUILD_FIELDS.contains(f) || (f.equals("description") && !v.atLeast(2, 19))
                    || (f.equals("key_name") && !v.atLeast(2, 54)) || (f.equals("user_data") && !v.atLeast(2, 57))) {
                throw ComputeErrors.badRequest("Invalid input for field/attribute rebuild. Value: %s. Additional properties are not allowed ('%s' was unexpected)", o, f);
            }
        });
        String image = NovaBody.text(o, "imageRef");
        if (image == null || image.isBlank()) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute rebuild. Value: %s. 'imageRef' is a required property", o);
        }
        String userData = NovaBody.text(o, "user_data");
        if (userData != null) {
            try {
                Base64.getMimeDecoder().decode(userData);
            } catch (IllegalArgumentException e) {
                throw ComputeErrors.badRequest("Invalid input for field/attribute user_data. Value: %s. '%s' is not a 'base64'", userData, userData);
            }
        }
        JsonNode preserve = o.get("preserve_ephemeral");
        if (preserve != null && !preserve.isBoolean()) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute preserve_ephemeral. Value: %s. %s is not of type 'boolean'", preserve, preserve);
        }
        String adminPass = NovaBody.text(o, "adminPass");
        var in = new Rebuild(image.substring(image.lastIndexOf('/') + 1), NovaBody.text(o, "name"),
                o.has("metadata") ? ServerRequests.metadata(o) : null, o.has("description"), NovaBody.text(o, "description"),
                o.has("key_name"), NovaBody.text(o, "key_name"), null, o.has("user_data"), userData, adminPass);
        Server s = servers.rebuild(caller, id, in);
        var body = Json.object();
        ObjectNode server = ServerViews.updated(ctx, caller, s, servers.floatingIps(List.of(s)));
        if (!v.atLeast(2, 75)) { // Nova's rebuild view before 2.75 has plain addresses (extend_address=False)
            server.path("addresses").forEach(network -> network.forEach(address ->
                    ((ObjectNode) address).remove(List.of("OS-EXT-IPS-MAC:mac_addr", "OS-EXT-IPS:type"))));
        }
        if (server.has("tags")) {
            var tags = server.putArray("tags");
            servers.tags().of(List.of(s.id())).getOrDefault(s.id(), List.of()).forEach(tags::add);
        }
        if (v.atLeast(2, 54) && !server.has("key_name")) {
            server.put("key_name", s.keyName());
        }
        if (v.atLeast(2, 57)) {
            server.put("user_data", s.userData());
        }
        server.put("adminPass", adminPass != null ? adminPass : AdminPasswords.generate());
        body.set("server", server);
        Json.write(ctx, 202, body);
    }

}
