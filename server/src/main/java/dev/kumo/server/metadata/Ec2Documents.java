package dev.kumo.server.metadata;

import static dev.kumo.server.metadata.Ec2Versions.atLeast;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The EC2-format metadata of one instance as Nova builds it ({@code get_ec2_metadata}): a tree of maps, lists and
 * strings per version, listed the way Nova prints it ({@code ec2_md_print}): sorted names, sub-directories with a
 * trailing {@code /}, and the public key directory under its odd name {@code 0=<key name>}.
 */
public final class Ec2Documents {
    /** The key under which a directory carries the name it is listed as (Nova's {@code _name}). */
    static final String LISTED_NAME = "_name";

    private Ec2Documents() {}

    /** {@code {"meta-data": {...}, "user-data": bytes}} for a resolved version. */
    public static Map<String, Object> tree(InstanceFacts facts, String version) {
        var data = new LinkedHashMap<String, Object>();
        data.put("meta-data", metaData(facts, version));
        if (facts.userData() != null) {
            data.put("user-data", facts.userData());
        }
        return data;
    }

    static Map<String, Object> metaData(InstanceFacts facts, String version) {
        String fixed = facts.fixedIpv4() == null ? "" : facts.fixedIpv4();
        var md = new LinkedHashMap<String, Object>();
        md.put("ami-id", facts.ec2ImageId());
        md.put("ami-launch-index", facts.launchIndex());
        md.put("ami-manifest-path", "FIXME");
        md.put("instance-id", facts.ec2InstanceId());
        md.put("hostname", facts.hostname());
        md.put("local-ipv4", fixed);
        md.put("reservation-id", facts.reservationId() == null ? "" : facts.reservationId());
        md.put("security-groups", facts.securityGroups());
        if (facts.keyName() != null && facts.publicKey() != null) {
            var key = new LinkedHashMap<String, Object>();
            key.put(LISTED_NAME, "0=" + facts.keyName());
            key.put("openssh-key", facts.publicKey());
            md.put("public-keys", Map.of("0", key));
        }
        if (atLeast(version, "2007-01-19")) {
            md.put("local-hostname", facts.hostname());
            md.put("public-hostname", facts.hostname());
            md.put("public-ipv4", facts.floatingIpv4() == null ? "" : facts.floatingIpv4());
        }
        if (atLeast(version, "2007-08-29")) {
            md.put("instance-type", facts.flavorName() == null ? "" : facts.flavorName());
        }
        if (atLeast(version, "2007-12-15")) {
            md.put("block-device-mapping", Map.of("ami", "vda", "root", "/dev/vda"));
        }
        if (atLeast(version, "2008-02-01")) {
            md.put("placement", Map.of("availability-zone", facts.availabilityZone()));
        }
        if (atLeast(version, "2008-09-01")) {
            md.put("instance-action", "none");
        }
        return md;
    }

    /** Nova's rendering of a node: a directory as its sorted entries, a list one item a line, a leaf as is. */
    public static byte[] print(Object node) {
        if (node instanceof byte[] bytes) {
            return bytes;
        }
        String text;
        if (node instanceof Map<?, ?> map) {
            text = map.keySet().stream().map(String::valueOf).filter(k -> !k.equals(LISTED_NAME)).sorted()
                    .map(k -> entry(k, map.get(k))).collect(Collectors.joining("\n"));
        } else if (node instanceof List<?> list) {
            text = list.stream().map(String::valueOf).collect(Collectors.joining("\n"));
        } else {
            text = String.valueOf(node);
        }
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String entry(String key, Object value) {
        if (value instanceof Map<?, ?> child) {
            return child.containsKey(LISTED_NAME) ? String.valueOf(child.get(LISTED_NAME)) : key + "/";
        }
        return key;
    }

    /** The meta-data tree as the config drive's {@code meta-data.json} holds it: without the listing names. */
    public static Map<String, Object> withoutListedNames(Map<String, Object> metaData) {
        var copy = new LinkedHashMap<String, Object>();
        metaData.forEach((k, v) -> {
            if (v instanceof Map<?, ?> child && !k.equals(LISTED_NAME)) {
                @SuppressWarnings("unchecked")
                var typed = (Map<String, Object>) child;
                copy.put(k, withoutListedNames(typed));
            } else if (!k.equals(LISTED_NAME)) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
