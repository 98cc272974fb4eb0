package dev.kumo.core.compute.quota;

import dev.kumo.core.compute.ComputeErrors;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The quota names Nova knows, their built-in defaults, and which microversions stopped showing which. */
public final class QuotaNames {
    /** Proxied to Neutron in Nova; shown before 2.36 (quota sets) and 2.50 (quota classes). */
    public static final Set<String> NETWORK = Set.of("floating_ips", "fixed_ips", "security_groups",
            "security_group_rules");
    /** Dropped by 2.57 (personality files went away). */
    public static final Set<String> INJECTED_FILES = Set.of("injected_files", "injected_file_content_bytes",
            "injected_file_path_bytes");
    /** Quota classes show these only from 2.50. */
    public static final Set<String> SERVER_GROUPS = Set.of("server_groups", "server_group_members");

    private QuotaNames() {}

    static Map<String, Integer> defaults() {
        var d = new LinkedHashMap<String, Integer>();
        d.put("instances", 10);
        d.put("cores", 20);
        d.put("ram", 51200);
        d.put("key_pairs", 100);
        d.put("metadata_items", 128);
        d.put("server_groups", 10);
        d.put("server_group_members", 10);
        d.put("injected_files", 5);
        d.put("injected_file_content_bytes", 10240);
        d.put("injected_file_path_bytes", 255);
        d.put("floating_ips", 10);
        d.put("fixed_ips", -1);
        d.put("security_groups", 10);
        d.put("security_group_rules", 20);
        return Collections.unmodifiableMap(d);
    }

    /** 400 for a name Nova does not know or a limit below -1, in Nova's words. */
    static void check(Map<String, Integer> changes) {
        for (var e : changes.entrySet()) {
            if (!QuotaService.DEFAULTS.containsKey(e.getKey())) {
                throw ComputeErrors.badRequest("Bad key(s) %s in quota_set", e.getKey());
            }
            if (e.getValue() < -1) {
                throw ComputeErrors.badRequest("Quota limit %d for %s must be -1 or greater.", e.getValue(), e.getKey());
            }
        }
    }
}
