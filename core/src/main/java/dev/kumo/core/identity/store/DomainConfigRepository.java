package dev.kumo.core.identity.store;

import dev.kumo.model.identity.DomainConfigOption;
import java.util.List;

/**
 * Domain-specific identity configuration, one row per (domain, group, option); it goes when its domain is
 * deleted.
 */
public interface DomainConfigRepository {
    /** Every option of the domain, sensitive ones included, ordered by group then option. */
    List<DomainConfigOption> options(String domainId);

    /** Inserts each option, replacing one of the same domain, group and option. */
    void put(List<DomainConfigOption> options);

    /**
     * Deletes the domain's options: all when {@code group} is null, else that group's, else that one option.
     * @return how many were deleted
     */
    int delete(String domainId, String group, String option);
}
