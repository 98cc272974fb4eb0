package dev.kumo.api.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.server.NetworkRequest;
import dev.kumo.core.compute.server.ServerCreate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Parses {@code POST /servers} the way Nova's schema does, with its messages. */
final class ServerRequests {
    private ServerRequests() {}

    static ServerCreate create(ObjectNode b, Microversion v) {
        String userData = NovaBody.text(b, "user_data");
        if (userData != null) {
            try {
                Base64.getMimeDecoder().decode(userData);
            } catch (IllegalArgumentException e) {
                throw ComputeErrors.badRequest("Invalid input for field/attribute user_data. Value: %s. '%s' is not a 'base64'", userData, userData);
            }
        }
        JsonNode nets = b.get("networks");
        String mode = nets != null && nets.isTextual() ? nets.asText() : null;
        if (mode != null && !mode.equals("auto") && !mode.equals("none")) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute networks. Value: %s. '%s' is not one of ['auto', 'none']", mode, mode);
        }
        if (nets == null && v.atLeast(2, 37)) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute server. Value: %s. 'networks' is a required property", b);
        }
        JsonNode bdm = b.get("block_device_mapping_v2");
        return new ServerCreate(NovaBody.text(b, "name"), NovaBody.text(b, "description"), NovaBody.text(b, "imageRef"),
                NovaBody.text(b, "flavorRef"), NovaBody.text(b, "key_name"), groups(b.get("security_groups")),
                mode != null || nets == null ? null : networks(nets), mode, userData, metadata(b),
                NovaBody.text(b, "availability_zone"), b.path("config_drive").asBoolean(false),
                NovaBody.integer(b, "min_count", 1), NovaBody.integer(b, "max_count", NovaBody.integer(b, "min_count", 1)),
                bdm == null ? null : bdm.toString(), NovaBody.text(b, "adminPass"), AccessIps.parse(b));
    }

    /** Nova's metadata schema: keys of 1 to 255 characters, values of at most 255. */
    static java.util.Map<String, String> metadata(ObjectNode b) {
        var md = NovaBody.stringMap(b, "metadata");
        md.forEach((k, val) -> {
            if (k.isEmpty() || k.length() > 255 || val.length() > 255) {
                String bad = k.isEmpty() || k.length() > 255 ? k : val;
                throw ComputeErrors.badRequest("Invalid input for field/attribute metadata. Value: %s. '%s' is %s",
                        b.get("metadata"), bad, bad.isEmpty() ? "too short" : "too long");
            }
        });
        return md;
    }

    private static List<String> groups(JsonNode node) {
        var out = new ArrayList<String>();
        if (node == null || node.isNull()) {
            out.add("default");
            return out;
        }
        if (!node.isArray()) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute security_groups. Value: %s. %s is not of type 'array'", node, node);
        }
        node.forEach(g -> out.add(g.path("name").asText("default")));
        return out;
    }

    private static List<NetworkRequest> networks(JsonNode node) {
        if (!node.isArray()) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute networks. Value: %s. %s is not of type 'array'", node, node);
        }
        var out = new ArrayList<NetworkRequest>();
        for (JsonNode n : node) {
            String uuid = n.path("uuid").asText(null);
            String port = n.path("port").asText(null);
            String ip = n.path("fixed_ip").asText(null);
            if (uuid == null && port == null) {
                throw ComputeErrors.badRequest("Bad networks format: network uuid is not in proper format (%s)", n);
            }
            out.add(new NetworkRequest(uuid, port, ip));
        }
        return out;
    }
}
