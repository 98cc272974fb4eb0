package dev.kumo.api.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.ipam.FixedIpRequest;
import dev.kumo.core.network.port.AddressPairRequest;
import dev.kumo.core.network.port.PortAttribute;
import dev.kumo.core.network.port.PortRequest;
import dev.kumo.core.network.query.Filter;
import dev.kumo.model.network.Port;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** {@code /v2.0/ports}. */
final class PortsHandler {
    private static final String BASE = NetworkApi.V2 + "/ports";
    private static final Set<String> CREATE = Set.of("network_id", "name", "description", "project_id", "tenant_id",
            "admin_state_up", "mac_address", "fixed_ips", "device_id", "device_owner", "security_groups",
            "allowed_address_pairs", "port_security_enabled", "binding:host_id", "binding:vnic_type", "binding:profile",
            "dns_name", "tags");
    private static final Set<String> UPDATE = Set.of("name", "description", "admin_state_up", "mac_address", "fixed_ips",
            "device_id", "device_owner", "security_groups", "allowed_address_pairs", "port_security_enabled",
            "binding:host_id", "binding:vnic_type", "binding:profile", "dns_name");
    private static final Set<String> READ_ONLY = Set.of("id", "status", "binding:vif_type", "binding:vif_details",
            "dns_assignment", "created_at", "updated_at", "revision_number");
    private static final Set<String> CREATE_ONLY = Set.of("network_id", "project_id", "tenant_id", "tags");
    /** {@code ?fixed_ips=ip_address=10.0.0.5}: the part before '=' says which. */
    private static final Map<String, Function<String, Optional<Filter<PortAttribute>>>> SPECIAL = Map.of(
            "fixed_ips", PortsHandler::fixedIpFilter,
            "security_groups", v -> Optional.of(new Filter<>(PortAttribute.SECURITY_GROUP, List.of(v))));

    private final NetworkServices services;
    private final NetworkCallers callers;

    PortsHandler(NetworkServices services, NetworkCallers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.post(BASE, this::create);
        routes.get(BASE, this::list);
        routes.get(BASE + "/{id}", this::get);
        routes.put(BASE + "/{id}", this::update);
        routes.delete(BASE + "/{id}", this::delete);
    }

    private void create(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        ObjectNode body = Json.body(ctx);
        List<PortRequest> requests = NeutronBody.creates(body, "port", "ports").stream()
                .map(node -> request(NeutronBody.checked(node, CREATE, READ_ONLY, true))).toList();
        List<Port> created = services.ports().createAll(caller, requests);
        Responses.writeCreated(ctx, body.has("ports"), "port", "ports", created, (w, p) -> view(w, caller, p));
    }

    private void list(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        var query = ListParams.parse(ctx, PortAttribute::fromApiName, SPECIAL, caller.admin());
        Responses.writeList(ctx, "ports", services.ports().list(caller, query), (w, p) -> view(w, caller, p), Port::id,
                query.page());
    }

    private void get(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        Responses.writeOne(ctx, 200, "port", services.ports().get(caller, ctx.pathParam("id")), (w, p) -> view(w, caller, p));
    }

    private void update(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        ObjectNode node = NeutronBody.single(Json.body(ctx), "port");
        PortRequest in = request(NeutronBody.checked(node, UPDATE, NetworksHandler.union(READ_ONLY, CREATE_ONLY), false));
        Responses.writeOne(ctx, 200, "port", services.ports().update(caller, ctx.pathParam("id"), in),
                (w, p) -> view(w, caller, p));
    }

    private void delete(Context ctx) {
        services.ports().delete(callers.require(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    private static PortRequest request(NeutronBody b) {
        List<FixedIpRequest> fixedIps = b.objects("fixed_ips", Set.of("subnet_id", "ip_address")) == null ? null
                : b.objects("fixed_ips", Set.of("subnet_id", "ip_address")).stream().map(PortsHandler::fixedIp).toList();
        List<AddressPairRequest> pairs = b.objects("allowed_address_pairs", Set.of("ip_address", "mac_address")) == null
                ? null : b.objects("allowed_address_pairs", Set.of("ip_address", "mac_address")).stream()
                .map(PortsHandler::pair).toList();
        return new PortRequest(b.string("network_id"), b.string("name"), b.string("description"), b.project(),
                b.bool("admin_state_up"), b.string("mac_address"), fixedIps, b.string("device_id"),
                b.string("device_owner"), b.strings("security_groups"), pairs, b.bool("port_security_enabled"),
                b.stringOrEmpty("binding:host_id"), b.string("binding:vnic_type"), b.map("binding:profile"),
                b.stringOrEmpty("dns_name"), b.strings("tags"));
    }

    private static FixedIpRequest fixedIp(ObjectNode entry) {
        String subnet = text(entry, "subnet_id");
        String ip = text(entry, "ip_address");
        if (subnet == null && ip == null) {
            throw NeutronErrors.invalidAttribute("fixed_ips", "each entry needs a subnet_id or an ip_address");
        }
        return new FixedIpRequest(subnet, ip);
    }

    private static AddressPairRequest pair(ObjectNode entry) {
        String ip = text(entry, "ip_address");
        if (ip == null) {
            throw NeutronErrors.invalidAttribute("allowed_address_pairs", "AllowedAddressPair must contain ip_address");
        }
        return new AddressPairRequest(ip, text(entry, "mac_address"));
    }

    private static String text(ObjectNode entry, String key) {
        var v = entry.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw NeutronErrors.invalidAttribute(key, "'" + v + "' is not a valid string");
        }
        return v.asText();
    }

    private static Optional<Filter<PortAttribute>> fixedIpFilter(String value) {
        int eq = value.indexOf('=');
        if (eq < 0) {
            return Optional.empty();
        }
        String key = value.substring(0, eq);
        String match = value.substring(eq + 1);
        PortAttribute attribute = switch (key) {
            case "ip_address" -> PortAttribute.FIXED_IP_ADDRESS;
            case "subnet_id" -> PortAttribute.FIXED_IP_SUBNET;
            case "ip_address_substr" -> PortAttribute.FIXED_IP_SUBSTRING;
            default -> null;
        };
        return attribute == null || match.isEmpty() ? Optional.empty()
                : Optional.of(new Filter<>(attribute, List.of(match)));
    }

    private void view(ViewWriter w, NetworkCaller caller, Port p) {
        PortViews.write(w, p, caller.admin(), services.settings().dnsDomain());
    }
}
