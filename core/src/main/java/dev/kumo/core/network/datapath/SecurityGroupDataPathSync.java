package dev.kumo.core.network.datapath;

import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.securitygroup.SecurityGroupAttribute;
import dev.kumo.core.network.store.NetworkStore;
import dev.kumo.model.network.SecurityGroup;
import dev.kumo.spi.network.NetworkDriver;
import dev.kumo.spi.network.SecurityGroupSpec;
import dev.kumo.spi.network.SecurityRuleSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Postcommit for security groups: gives the driver the group's current rules (or removes the group), under
 * the group's lock, after every change of the group or one of its rules. A failure is logged; the next change
 * of the group re-applies all of it.
 */
public final class SecurityGroupDataPathSync {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityGroupDataPathSync.class);

    private final NetworkStore store;
    private final NetworkDriver driver;
    private final StripedLocks locks = new StripedLocks(64);

    public SecurityGroupDataPathSync(NetworkStore store, NetworkDriver driver) {
        this.store = Objects.requireNonNull(store, "store");
        this.driver = Objects.requireNonNull(driver, "driver");
    }

    public void syncSecurityGroup(String groupId) {
        boolean done = locks.withLock(groupId, DataPathSync.LOCK_WAIT, () -> {
            Optional<SecurityGroup> desired = store.read(tx -> tx.securityGroups().find(groupId, Viewer.ALL));
            try {
                if (desired.isEmpty()) {
                    driver.deleteSecurityGroup(groupId);
                } else {
                    driver.ensureSecurityGroup(spec(desired.get()));
                }
            } catch (RuntimeException e) {
                LOG.warn("security group {}: {}; the next change retries", groupId, e.getMessage());
            }
        });
        if (!done) {
            LOG.warn("security group {}: another data path change kept it busy", groupId);
        }
    }

    /** Re-applies every group (at start and periodically); returns how many. */
    public int reconcileAll() {
        List<String> ids = store.read(tx -> tx.securityGroups()
                .list(ListQuery.<SecurityGroupAttribute>all(), Viewer.ALL).stream().map(SecurityGroup::id).toList());
        ids.forEach(this::syncSecurityGroup);
        return ids.size();
    }

    private static SecurityGroupSpec spec(SecurityGroup g) {
        return new SecurityGroupSpec(g.id(), g.stateful(), g.rules().stream().map(r -> new SecurityRuleSpec(r.id(),
                r.direction(), r.ethertype(), r.protocol(), r.portRangeMin(), r.portRangeMax(), r.remoteIpPrefix(),
                r.remoteGroupId())).toList());
    }
}
