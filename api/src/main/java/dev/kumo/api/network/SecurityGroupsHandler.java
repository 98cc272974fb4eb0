package dev.kumo.api.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.securitygroup.SecurityGroupAttribute;
import dev.kumo.core.network.securitygroup.SecurityGroupRequest;
import dev.kumo.core.network.securitygroup.SecurityGroupRuleAttribute;
import dev.kumo.core.network.securitygroup.SecurityGroupRuleRequest;
import dev.kumo.model.network.SecurityGroup;
import dev.kumo.model.network.SecurityGroupRule;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;

/** {@code /v2.0/security-groups} and {@code /v2.0/security-group-rules}. */
final class SecurityGroupsHandler {
    private static final String GROUPS = NetworkApi.V2 + "/security-groups";
    private static final String RULES = NetworkApi.V2 + "/security-group-rules";
    private static final Set<String> CREATE = Set.of("name", "description", "project_id", "tenant_id", "stateful", "tags");
    private static final Set<String> UPDATE = Set.of("name", "description", "stateful");
    private static final Set<String> READ_ONLY = Set.of("id", "security_group_rules", "created_at", "updated_at",
            "revision_number");
    private static final Set<String> RULE_CREATE = Set.of("security_group_id", "direction", "ethertype", "protocol",
            "port_range_min", "port_range_max", "remote_ip_prefix", "remote_group_id", "description", "project_id",
            "tenant_id");
    private static final Set<String> RULE_READ_ONLY = Set.of("id", "created_at", "updated_at", "revision_number",
            "remote_address_group_id", "normalized_cidr");

    private final NetworkServices services;
    private final NetworkCallers callers;

    SecurityGroupsHandler(NetworkServices services, NetworkCallers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.post(GROUPS, this::create);
        routes.get(GROUPS, this::list);
        routes.get(GROUPS + "/{id}", this::get);
        routes.put(GROUPS + "/{id}", this::update);
        routes.delete(GROUPS + "/{id}", this::delete);
        routes.post(RULES, this::createRule);
        routes.get(RULES, this::listRules);
        routes.get(RULES + "/{id}", this::getRule);
        routes.delete(RULES + "/{id}", this::deleteRule);
    }

    private void create(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        NeutronBody b = NeutronBody.checked(NeutronBody.single(Json.body(ctx), "security_group"), CREATE, READ_ONLY, true);
        SecurityGroup created = services.securityGroups().create(caller, request(b));
        Responses.writeOne(ctx, 201, "security_group", created, SecurityGroupViews::write);
    }

    private void list(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        var query = ListParams.parse(ctx, SecurityGroupAttribute::fromApiName, Map.of(), caller.admin());
        Responses.writeList(ctx, "security_groups", services.securityGroups().list(caller, query),
                SecurityGroupViews::write, SecurityGroup::id, query.page());
    }

    private void get(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        Responses.writeOne(ctx, 200, "security_group", services.securityGroups().get(caller, ctx.pathParam("id")),
                SecurityGroupViews::write);
    }

    private void update(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        NeutronBody b = NeutronBody.checked(NeutronBody.single(Json.body(ctx), "security_group"), UPDATE,
                NetworksHandler.union(READ_ONLY, Set.of("project_id", "tenant_id", "tags")), false);
        Responses.writeOne(ctx, 200, "security_group", services.securityGroups().update(caller, ctx.pathParam("id"),
                request(b)), SecurityGroupViews::write);
    }

    private void delete(Context ctx) {
        services.securityGroups().delete(callers.require(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    private void createRule(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        ObjectNode node = NeutronBody.single(Json.body(ctx), "security_group_rule");
        NeutronBody b = NeutronBody.checked(node, RULE_CREATE, RULE_READ_ONLY, true);
        var in = new SecurityGroupRuleRequest(b.string("security_group_id"), b.string("direction"),
                b.nullableString("ethertype"), protocol(node, b), b.integer("port_range_min"), b.integer("port_range_max"),
                b.nullableString("remote_ip_prefix"), b.nullableString("remote_group_id"), b.string("description"),
                b.project());
        SecurityGroupRule created = services.securityGroupRules().create(caller, in);
        Responses.writeOne(ctx, 201, "security_group_rule", created, SecurityGroupViews::writeRule);
    }

    /** A protocol may come as a name or as a JSON number. */
    private static String protocol(ObjectNode node, NeutronBody b) {
        JsonNode v = node.get("protocol");
        return v != null && v.isIntegralNumber() ? v.asText() : b.nullableString("protocol");
    }

    private void listRules(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        var query = ListParams.parse(ctx, SecurityGroupRuleAttribute::fromApiName, Map.of(), caller.admin());
        Responses.writeList(ctx, "security_group_rules", services.securityGroupRules().list(caller, query),
                SecurityGroupViews::writeRule, SecurityGroupRule::id, query.page());
    }

    private void getRule(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        Responses.writeOne(ctx, 200, "security_group_rule", services.securityGroupRules().get(caller,
                ctx.pathParam("id")), SecurityGroupViews::writeRule);
    }

    private void deleteRule(Context ctx) {
        services.securityGroupRules().delete(callers.require(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    private static SecurityGroupRequest request(NeutronBody b) {
        return new SecurityGroupRequest(b.string("name"), b.string("description"), b.project(), b.bool("stateful"),
                b.strings("tags"));
    }
}
