package dev.kumo.core.identity.domainconfig;

import dev.kumo.model.error.CloudError;
import dev.kumo.model.error.CloudException;
import dev.kumo.model.identity.DomainConfigOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Keystone's checks of a domain configuration request, with its messages and status codes. */
final class DomainConfigRules {
    private DomainConfigRules() {}

    /** Keystone answers a configuration it does not accept with 403, not 400. */
    static CloudException invalid(String format, Object... args) {
        return new CloudError.Forbidden("InvalidDomainConfig",
                "Invalid domain specific configuration: " + String.format(format, args) + ".").exception();
    }

    static CloudException notFound(String domainId, String group, String option) {
        String what = option != null ? "option " + option + " in group " + group
                : group != null ? "group " + group : "any options";
        return CloudError.notFound("DomainConfigNotFound", "Could not find %s in domain configuration for domain %s.",
                what, domainId);
    }

    /** A group (and option), when given, must be one a domain may configure. */
    static void requireSupported(String group, String option) {
        if (group == null) {
            return;
        }
        if (!DomainConfigOptions.isGroup(group)) {
            throw invalid("Group %s is not supported for domain specific configurations; the groups are %s",
                    group, DomainConfigOptions.groups());
        }
        if (option != null && !DomainConfigOptions.isWhitelisted(group, option)
                && !DomainConfigOptions.isSensitive(group, option)) {
            throw invalid("Option %s in group %s is not supported for domain specific configurations", option, group);
        }
    }

    /** The options of a request body ({@code {group: {option: value}}}), each checked. */
    static List<DomainConfigOption> options(String domainId, Map<String, Object> config) {
        if (config == null || config.isEmpty()) {
            throw invalid("No options specified");
        }
        List<DomainConfigOption> options = new ArrayList<>();
        config.forEach((group, value) -> {
            if (!(value instanceof Map<?, ?> groupOptions) || groupOptions.isEmpty()) {
                throw invalid("The value of group %s specified in the config should be a dictionary of options", group);
            }
            groupOptions.forEach((option, optionValue) -> {
                requireSupported(group, (String) option);
                boolean sensitive = DomainConfigOptions.isSensitive(group, (String) option);
                if (sensitive && !(optionValue instanceof String)) {
                    throw CloudError.badRequest("Invalid input for field '%s': the %s option %s must be a string.",
                            option, group, option);
                }
                options.add(new DomainConfigOption(domainId, group, (String) option, optionValue, sensitive));
            });
        });
        return options;
    }

    /** Updating one group (or option) through its own path: the body must hold that and nothing else. */
    static void requireOnly(String group, String option, Map<String, Object> config) {
        if (group == null) {
            return;
        }
        if (config.size() != 1 || !config.containsKey(group)) {
            throw invalid("Trying to update group %s, so that, and only that, group must be specified in the config",
                    group);
        }
        if (option != null && (((Map<?, ?>) config.get(group)).size() != 1
                || !((Map<?, ?>) config.get(group)).containsKey(option))) {
            throw invalid("Trying to update option %s in group %s, so that, and only that, option must be specified "
                    + "in the config", option, group);
        }
    }
}
