package dev.kumo.core.identity.domainconfig;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options a domain may set, with the defaults {@code GET /v3/domains/config/default} reports: Keystone's
 * whitelist (only options that shape a domain's identity driver; stated one by one so that no new option becomes
 * settable by accident) and its defaults from keystone.conf. Sensitive options are accepted and stored, never
 * shown, and have no readable default.
 */
final class DomainConfigOptions {
    static final String IDENTITY = "identity";
    static final String LDAP = "ldap";
    /** Read-only, answered from kumo's settings rather than stored per domain. */
    static final String SECURITY_COMPLIANCE = "security_compliance";
    static final List<String> SECURITY_COMPLIANCE_OPTIONS = List.of("password_regex", "password_regex_description");

    private static final Map<String, Map<String, Object>> DEFAULTS = buildDefaults();
    private static final Map<String, Set<String>> SENSITIVE = Map.of(IDENTITY, Set.of(), LDAP, Set.of("password"));

    private DomainConfigOptions() {}

    static boolean isGroup(String group) {
        return DEFAULTS.containsKey(group);
    }

    static boolean isWhitelisted(String group, String option) {
        return DEFAULTS.containsKey(group) && DEFAULTS.get(group).containsKey(option);
    }

    static boolean isSensitive(String group, String option) {
        return SENSITIVE.getOrDefault(group, Set.of()).contains(option);
    }

    /** Group to (option to default value), in Keystone's order; values may be null (unset). */
    static Map<String, Map<String, Object>> defaults() {
        return DEFAULTS;
    }

    private static Map<String, Map<String, Object>> buildDefaults() {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("driver", "sql");
        identity.put("list_limit", null);
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        all.put(IDENTITY, Collections.unmodifiableMap(identity));
        all.put(LDAP, Collections.unmodifiableMap(ldap()));
        return Collections.unmodifiableMap(all);
    }

    private static Map<String, Object> ldap() {
        Map<String, Object> ldap = new LinkedHashMap<>();
        Object[] pairs = {
            "url", "ldap://localhost", "user", null, "suffix", "cn=example,cn=com", "query_scope", "one",
            "page_size", 0, "alias_dereferencing", "default", "debug_level", null, "chase_referrals", null,
            "user_tree_dn", null, "user_filter", null, "user_objectclass", "inetOrgPerson",
            "user_id_attribute", "cn", "user_name_attribute", "sn", "user_mail_attribute", "mail",
            "user_description_attribute", "description", "user_pass_attribute", "userPassword",
            "user_enabled_attribute", "enabled", "user_enabled_invert", false, "user_enabled_mask", 0,
            "user_enabled_default", "True", "user_attribute_ignore", List.of("default_project_id"),
            "user_default_project_id_attribute", null, "user_enabled_emulation", false,
            "user_enabled_emulation_dn", null, "user_enabled_emulation_use_group_config", false,
            "user_additional_attribute_mapping", List.of(), "group_tree_dn", null, "group_filter", null,
            "group_objectclass", "groupOfNames", "group_id_attribute", "cn", "group_name_attribute", "ou",
            "group_members_are_ids", false, "group_member_attribute", "member",
            "group_desc_attribute", "description", "group_attribute_ignore", List.of(),
            "group_additional_attribute_mapping", List.of(), "tls_cacertfile", null, "tls_cacertdir", null,
            "use_tls", false, "tls_req_cert", "demand", "use_pool", true, "pool_size", 10, "pool_retry_max", 3,
            "pool_retry_delay", 0.1, "pool_connection_timeout", -1, "pool_connection_lifetime", 600,
            "use_auth_pool", true, "auth_pool_size", 100, "auth_pool_connection_lifetime", 60,
        };
        for (int i = 0; i < pairs.length; i += 2) {
            ldap.put((String) pairs[i], pairs[i + 1]);
        }
        return ldap;
    }

    /** For messages: the groups a domain may configure. */
    static String groups() {
        return String.join(", ", Arrays.asList(IDENTITY, LDAP));
    }
}
