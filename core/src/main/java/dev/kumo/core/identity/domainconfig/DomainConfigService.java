package dev.kumo.core.identity.domainconfig;

import static dev.kumo.core.identity.domainconfig.DomainConfigOptions.SECURITY_COMPLIANCE;

import dev.kumo.core.identity.IdentityState;
import dev.kumo.core.identity.credential.CredentialCipher;
import dev.kumo.core.identity.policy.Policy;
import dev.kumo.core.identity.store.IdentityTx;
import dev.kumo.core.identity.token.Token;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.Domain;
import dev.kumo.model.identity.DomainConfigOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /v3/domains/{domain_id}/config}, with Keystone's rules: admins write, readers read; only whitelisted
 * groups and options are accepted (anything else is a 403 "Invalid domain specific configuration"); a PUT
 * replaces the whole configuration, a PATCH merges into it, and a PATCH or DELETE of one group or option needs
 * it to exist. Sensitive options (the LDAP password) are sealed like credential blobs and never shown. A config
 * is addressed as a whole (group and option null), as one group, or as one option of a group.
 */
public final class DomainConfigService {
    private final IdentityState state;
    private final CredentialCipher cipher;

    public DomainConfigService(IdentityState state, CredentialCipher cipher) {
        this.state = Objects.requireNonNull(state, "state");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /** Replaces the domain's configuration with {@code config} (group to option to value). */
    public ReplacedConfig replace(Token caller, String domainId, Map<String, Object> config) {
        Policy.requireAdmin(caller, "identity:create_domain_config");
        List<DomainConfigOption> options = DomainConfigRules.options(domainId, config);
        return state.store().write(tx -> {
            requireDomain(domainId);
            boolean created = tx.domainConfigs().options(domainId).isEmpty();
            tx.domainConfigs().delete(domainId, null, null);
            tx.domainConfigs().put(sealed(options));
            return new ReplacedConfig(shown(tx.domainConfigs().options(domainId), null, null), created);
        });
    }

    /** The shown configuration, one group of it ({@code {group: {...}}}) or one option ({@code {option: value}}). */
    public Map<String, Object> get(Token caller, String domainId, String group, String option) {
        if (SECURITY_COMPLIANCE.equals(group)) {
            return securityCompliance(caller, domainId, option);
        }
        Policy.requireReader(caller, "identity:get_domain_config");
        requireDomain(domainId);
        DomainConfigRules.requireSupported(group, option);
        Map<String, Object> shown = shown(state.store().read(tx -> tx.domainConfigs().options(domainId)), group, option);
        if (shown.isEmpty()) {
            throw DomainConfigRules.notFound(domainId, group, option);
        }
        return shown;
    }

    /**
     * Merges {@code config} into the domain's configuration and returns all of it. With a group, {@code config}
     * must hold just that group; with an option, just that option's value ({@code {option: value}}).
     */
    public Map<String, Object> update(Token caller, String domainId, String group, String option,
                                      Map<String, Object> config) {
        Policy.requireAdmin(caller, "identity:update_domain_config");
        Map<String, Object> asGroups = option == null ? config : Map.of(group, config);
        List<DomainConfigOption> options = DomainConfigRules.options(domainId, asGroups);
        DomainConfigRules.requireOnly(group, option, asGroups);
        return state.store().write(tx -> {
            requireDomain(domainId);
            requireExisting(tx, domainId, group, option);
            tx.domainConfigs().put(sealed(options));
            Map<String, Object> shown = shown(tx.domainConfigs().options(domainId), null, null);
            if (shown.isEmpty()) {
                throw DomainConfigRules.notFound(domainId, null, null);
            }
            return shown;
        });
    }

    public void delete(Token caller, String domainId, String group, String option) {
        Policy.requireAdmin(caller, "identity:delete_domain_config");
        DomainConfigRules.requireSupported(group, option);
        state.store().write(tx -> {
            requireDomain(domainId);
            if (group != null) {
                requireExisting(tx, domainId, group, option);
            }
            tx.domainConfigs().delete(domainId, group, option);
            return null;
        });
    }

    /** Keystone's defaults for every domain: all of them, one group's, or one option's. */
    public Map<String, Object> defaults(Token caller, String group, String option) {
        Policy.requireReader(caller, "identity:get_domain_config_default");
        DomainConfigRules.requireSupported(group, option);
        if (option != null && !DomainConfigOptions.isWhitelisted(group, option)) {
            throw DomainConfigRules.invalid("Reading the default for option %s in group %s is not supported", option, group);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        DomainConfigOptions.defaults().forEach((g, opts) -> {
            if (group == null || group.equals(g)) {
                result.put(g, opts);
            }
        });
        if (option != null) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put(option, DomainConfigOptions.defaults().get(group).get(option));
            return one;
        }
        return result;
    }

    /** Anyone may read the password rules, of the default domain only; kumo sets none, so both are null. */
    private Map<String, Object> securityCompliance(Token caller, String domainId, String option) {
        Objects.requireNonNull(caller, "caller");
        requireDomain(domainId);
        if (!Domain.DEFAULT_ID.equals(domainId)) {
            throw DomainConfigRules.invalid("Reading security compliance information for any domain other than the "
                    + "default domain is not allowed or supported");
        }
        if (option != null && !DomainConfigOptions.SECURITY_COMPLIANCE_OPTIONS.contains(option)) {
            throw DomainConfigRules.invalid("Reading security compliance values other than password_regex and "
                    + "password_regex_description is not allowed");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        DomainConfigOptions.SECURITY_COMPLIANCE_OPTIONS.stream().filter(o -> option == null || o.equals(option))
                .forEach(o -> values.put(o, null));
        if (option != null) {
            return values;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(SECURITY_COMPLIANCE, values);
        return result;
    }

    private void requireDomain(String domainId) {
        if (state.current().domain(domainId).isEmpty()) {
            throw CloudError.notFound("DomainNotFound", "Could not find domain: %s.", domainId);
        }
    }

    /** The group (and option) must already be configured, sensitive options included. */
    private static void requireExisting(IdentityTx tx, String domainId, String group, String option) {
        if (group == null) {
            return;
        }
        boolean exists = tx.domainConfigs().options(domainId).stream()
                .anyMatch(o -> o.group().equals(group) && (option == null || o.option().equals(option)));
        if (!exists) {
            throw DomainConfigRules.notFound(domainId, group, option);
        }
    }

    /** Whitelisted options as nested maps, narrowed to a group or to one option ({@code {option: value}}). */
    private static Map<String, Object> shown(List<DomainConfigOption> options, String group, String option) {
        Map<String, Object> config = new LinkedHashMap<>();
        for (DomainConfigOption o : options) {
            if (o.sensitive() || (group != null && !group.equals(o.group()))
                    || (option != null && !option.equals(o.option()))) {
                continue;
            }
            if (option != null) {
                config.put(o.option(), o.value());
            } else {
                @SuppressWarnings("unchecked")
                var groupMap = (Map<String, Object>) config.computeIfAbsent(o.group(), g -> new LinkedHashMap<String, Object>());
                groupMap.put(o.option(), o.value());
            }
        }
        return config;
    }

    /** Sensitive values replaced by their sealed form, bound to domain, group and option. */
    private List<DomainConfigOption> sealed(List<DomainConfigOption> options) {
        List<DomainConfigOption> out = new ArrayList<>();
        for (DomainConfigOption o : options) {
            if (!o.sensitive()) {
                out.add(o);
                continue;
            }
            String row = o.domainId() + "/" + o.group() + "/" + o.option();
            Map<String, Object> sealedValue = new LinkedHashMap<>();
            sealedValue.put("sealed", cipher.seal(row, (String) o.value()));
            sealedValue.put("key_hash", cipher.keyHash());
            out.add(new DomainConfigOption(o.domainId(), o.group(), o.option(), sealedValue, true));
        }
        return out;
    }
}
