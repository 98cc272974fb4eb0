package dev.kumo.api.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.server.InterfaceAttachment;
import dev.kumo.core.compute.server.ServerInterfaces;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code /servers/{id}/os-interface}: list, show, attach (200 with the attachment), detach (202). */
final class ServerInterfacesHandler {
    private static final String INTERFACES = ServersHandler.SERVERS + "/{id}/os-interface";

    private final ServerInterfaces interfaces;
    private final ComputeCallers callers;

    ServerInterfacesHandler(ServerInterfaces interfaces, ComputeCallers callers) {
        this.interfaces = interfaces;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get(INTERFACES, this::list);
        routes.post(INTERFACES, this::attach);
        routes.get(INTERFACES + "/{port}", this::show);
        routes.delete(INTERFACES + "/{port}", this::detach);
    }

    private void list(Context ctx) {
        var body = Json.object();
        var array = body.putArray("interfaceAttachments");
        boolean tags = Microversion.of(ctx).atLeast(2, 70);
        interfaces.list(callers.require(ctx), ctx.pathParam("id")).forEach(a -> array.add(view(a, tags)));
        Json.write(ctx, 200, body);
    }

    private void show(Context ctx) {
        var a = interfaces.get(callers.require(ctx), ctx.pathParam("id"), ctx.pathParam("port"));
        write(ctx, a);
    }

    private void attach(Context ctx) {
        var caller = callers.require(ctx);
        JsonNode in = Json.body(ctx).get("interfaceAttachment");
        if (in == null || !in.isObject()) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute interfaceAttachment. 'interfaceAttachment' is a required object");
        }
        String fixedIp = null;
        JsonNode ips = in.get("fixed_ips");
        if (ips != null && !ips.isNull()) {
            if (!ips.isArray() || ips.size() != 1 || !ips.get(0).path("ip_address").isTextual()) {
                throw ComputeErrors.badRequest("Invalid input for field/attribute fixed_ips: one {\"ip_address\": ...} is allowed");
            }
            fixedIp = ips.get(0).get("ip_address").asText();
        }
        var request = new ServerInterfaces.Request(text(in, "port_id"), text(in, "net_id"), fixedIp);
        write(ctx, interfaces.attach(caller, ctx.pathParam("id"), request));
    }

    private void detach(Context ctx) {
        interfaces.detach(callers.require(ctx), ctx.pathParam("id"), ctx.pathParam("port"));
        ctx.status(202);
    }

    private static String text(JsonNode in, String field) {
        JsonNode v = in.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute %s. Value: %s. is not a 'uuid'", field, v);
        }
        return v.asText();
    }

    private static void write(Context ctx, InterfaceAttachment a) {
        var body = Json.object();
        body.set("interfaceAttachment", view(a, Microversion.of(ctx).atLeast(2, 70)));
        Json.write(ctx, 200, body);
    }

    private static ObjectNode view(InterfaceAttachment a, boolean tags) {
        var o = Json.object();
        o.put("port_state", a.portState());
        var ips = o.putArray("fixed_ips");
        a.fixedIps().forEach(ip -> ips.addObject().put("subnet_id", ip.subnetId()).put("ip_address", ip.ipAddress()));
        o.put("port_id", a.portId());
        o.put("net_id", a.networkId());
        o.put("mac_addr", a.macAddress());
        if (tags) {
            o.putNull("tag");
        }
        return o;
    }
}
