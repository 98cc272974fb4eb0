package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.Links;
import dev.kumo.core.identity.IdentitySnapshot;
import dev.kumo.core.identity.catalog.EndpointUrls;
import dev.kumo.core.identity.token.Token;
import dev.kumo.model.identity.Domain;
import dev.kumo.model.identity.Endpoint;
import dev.kumo.model.identity.Service;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** JSON pieces several identity resources share: links, references, extra attributes, the catalog. */
final class IdentityViews {
    private IdentityViews() {}

    static String url(Context ctx, String path) {
        return Links.base(ctx) + IdentityApi.V3 + path;
    }

    static ObjectNode selfLink(Context ctx, String path) {
        return Json.object().put("self", url(ctx, path));
    }

    /** A collection response: {@code {"<key>": [...], "links": {"self", "previous", "next"}}}. */
    static <T> ObjectNode collection(Context ctx, String key, List<T> items, Function<T, ObjectNode> view) {
        var body = Json.object();
        ArrayNode array = body.putArray(key);
        items.forEach(i -> array.add(view.apply(i)));
        String query = ctx.queryString();
        body.putObject("links").put("self", Links.base(ctx) + ctx.path() + (query == null ? "" : "?" + query))
                .putNull("previous").putNull("next");
        return body;
    }

    static ObjectNode domainRef(IdentitySnapshot s, String domainId) {
        var ref = Json.object().put("id", domainId);
        ref.put("name", s.domain(domainId).map(Domain::name).orElse(null));
        return ref;
    }

    /** Keystone stores unknown attributes and returns them at the top level of the resource. */
    static void putExtra(ObjectNode node, Map<String, Object> extra) {
        extra.forEach((k, v) -> {
            if (!node.has(k)) {
                node.set(k, Json.MAPPER.valueToTree(v));
            }
        });
    }

    /**
     * The catalog as a token shows it: enabled services with their enabled endpoints, URL substitutions
     * filled in for this token (an endpoint needing a value the token lacks is left out, as in Keystone).
     */
    static ArrayNode catalog(IdentitySnapshot s, Token t) {
        String projectId = t.projectId();
        String userId = t.userId();
        ArrayNode catalog = Json.array();
        for (Service service : s.services().values()) {
            if (!service.enabled()) {
                continue;
            }
            ObjectNode entry = catalog.addObject();
            ArrayNode endpoints = entry.putArray("endpoints");
            for (Endpoint e : s.endpoints().values()) {
                if (e.enabled() && e.serviceId().equals(service.id())) {
                    EndpointUrls.render(e.url(), projectId, userId).ifPresent(url -> endpoints.addObject()
                            .put("id", e.id()).put("interface", e.iface()).put("region", e.regionId())
                            .put("region_id", e.regionId()).put("url", url));
                }
            }
            entry.put("id", service.id()).put("type", service.type()).put("name", service.name());
        }
        return catalog;
    }
}
