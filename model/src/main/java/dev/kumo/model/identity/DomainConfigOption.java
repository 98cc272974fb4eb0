package dev.kumo.model.identity;

/**
 * One option of a domain's specific identity configuration ({@code /v3/domains/{id}/config}), e.g. group
 * {@code ldap}, option {@code url}. {@code value} is a JSON value (string, number, boolean, list). Sensitive
 * options (the LDAP password) are stored but never shown; {@link #toString()} hides their value.
 */
public record DomainConfigOption(String domainId, String group, String option, Object value, boolean sensitive) {
    @Override
    public String toString() {
        return "DomainConfigOption[" + domainId + " " + group + "." + option + "="
                + (sensitive ? "<hidden>" : value) + "]";
    }
}
