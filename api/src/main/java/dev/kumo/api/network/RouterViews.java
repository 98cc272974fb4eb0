package dev.kumo.api.network;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.api.http.Json;
import dev.kumo.core.network.router.RouterInterface;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.Router;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A router as Neutron renders it; {@code external_fixed_ips} are the addresses of its gateway port. */
final class RouterViews {
    private RouterViews() {}

    static void write(ViewWriter w, Router r, Map<String, Port> gatewayPorts, boolean admin) {
        w.string("id", r.id()).string("name", r.name()).string("tenant_id", r.projectId())
                .string("project_id", r.projectId()).bool("admin_state_up", r.adminStateUp())
                .string("status", r.status().name()).map("external_gateway_info", gateway(r, gatewayPorts.get(
                        r.gateway() == null ? "" : r.gateway().portId())))
                .objects("routes", r.routes().stream()
                        .map(h -> SubnetViews.orderedPair("destination", h.destination(), "nexthop", h.nexthop())).toList())
                .strings("availability_zone_hints", List.of()).strings("availability_zones", List.of("nova"));
        if (admin) {
            w.bool("distributed", r.distributed()).bool("ha", r.ha());
        }
        NetworkViews.standard(w, r.standard());
    }

    private static Map<String, Object> gateway(Router r, Port port) {
        if (r.gateway() == null) {
            return null;
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("network_id", r.gateway().networkId());
        out.put("enable_snat", r.gateway().enableSnat());
        out.put("external_fixed_ips", port == null ? List.of() : port.fixedIps().stream()
                .map(ip -> SubnetViews.orderedPair("subnet_id", ip.subnetId(), "ip_address", ip.ipAddress())).toList());
        return out;
    }

    /** The bare object add/remove_router_interface answer with (no "router" wrapper). */
    static void writeInterface(Context ctx, RouterInterface i) {
        var bytes = new ByteArrayOutputStream(512);
        ViewWriter.io(() -> {
            try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
                g.writeStartObject();
                interfaceAttributes(new ViewWriter(g, List.of()), i);
                g.writeEndObject();
            }
        });
        ctx.status(200).contentType("application/json").result(bytes.toByteArray());
    }

    private static void interfaceAttributes(ViewWriter w, RouterInterface i) {
        w.string("id", i.routerId()).string("tenant_id", i.projectId()).string("project_id", i.projectId())
                .string("port_id", i.portId()).string("network_id", i.networkId()).string("subnet_id", i.subnetId())
                .strings("subnet_ids", i.subnetIds());
    }
}
