package dev.kumo.api.network;

import dev.kumo.core.network.ipavailability.NetworkIpAvailability;
import dev.kumo.core.network.ipavailability.SubnetIpAvailability;
import dev.kumo.core.network.query.PageRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /v2.0/network-ip-availabilities}: total and used addresses per network and subnet, for admins. */
final class IpAvailabilityHandler {
    private static final String BASE = NetworkApi.V2 + "/network-ip-availabilities";

    private final NetworkServices services;
    private final NetworkCallers callers;

    IpAvailabilityHandler(NetworkServices services, NetworkCallers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get(BASE, this::list);
        routes.get(BASE + "/{id}", this::show);
    }

    private void list(Context ctx) {
        var list = services.ipAvailability().list(callers.require(ctx), ctx.queryParamMap());
        Responses.writeList(ctx, "network_ip_availabilities", list, IpAvailabilityHandler::write,
                NetworkIpAvailability::networkId, PageRequest.ALL);
    }

    private void show(Context ctx) {
        var one = services.ipAvailability().show(callers.require(ctx), ctx.pathParam("id"));
        Responses.writeOne(ctx, 200, "network_ip_availability", one, IpAvailabilityHandler::write);
    }

    private static void write(ViewWriter w, NetworkIpAvailability n) {
        w.string("network_id", n.networkId()).string("network_name", n.networkName())
                .string("tenant_id", n.projectId()).string("project_id", n.projectId())
                .json("total_ips", n.totalIps()).number("used_ips", n.usedIps())
                .json("subnet_ip_availability", n.subnets().stream().map(IpAvailabilityHandler::subnet).toList());
    }

    private static Map<String, Object> subnet(SubnetIpAvailability s) {
        var out = new LinkedHashMap<String, Object>();
        out.put("subnet_id", s.subnetId());
        out.put("subnet_name", s.subnetName());
        out.put("cidr", s.cidr());
        out.put("ip_version", s.ipVersion());
        out.put("total_ips", s.totalIps());
        out.put("used_ips", s.usedIps());
        return out;
    }
}
