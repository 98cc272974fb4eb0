package dev.kumo.store.compute;

import dev.kumo.core.compute.store.ComputeTx;
import dev.kumo.core.compute.store.FlavorRepository;
import dev.kumo.core.compute.store.HostRepository;
import dev.kumo.core.compute.store.InstanceActionRepository;
import dev.kumo.core.compute.store.KeypairRepository;
import dev.kumo.core.compute.store.QuotaRepository;
import dev.kumo.core.compute.store.ServerRepository;
import dev.kumo.core.compute.store.SchedulerHintRepository;
import dev.kumo.core.compute.store.ServerGroupRepository;
import dev.kumo.core.compute.store.ServerTagRepository;
import dev.kumo.core.compute.store.TerminatedServerRepository;
import org.jdbi.v3.core.Handle;

/** The repositories of one transaction, all on its handle. */
final class SqlComputeTx implements ComputeTx {
    private final Handle handle;

    SqlComputeTx(Handle handle) {
        this.handle = handle;
    }

    @Override
    public FlavorRepository flavors() {
        return new SqlFlavorRepository(handle);
    }

    @Override
    public KeypairRepository keypairs() {
        return new SqlKeypairRepository(handle);
    }

    @Override
    public ServerRepository servers() {
        return new SqlServerRepository(handle);
    }

    @Override
    public HostRepository hosts() {
        return new SqlHostRepository(handle);
    }

    @Override
    public QuotaRepository quotas() {
        return new SqlQuotaRepository(handle);
    }

    @Override
    public ServerTagRepository tags() {
        return new SqlServerTagRepository(handle);
    }

    @Override
    public ServerGroupRepository serverGroups() {
        return new SqlServerGroupRepository(handle);
    }

    @Override
    public TerminatedServerRepository terminated() {
        return new SqlTerminatedServerRepository(handle);
    }

    @Override
    public SchedulerHintRepository hints() {
        return new SqlSchedulerHintRepository(handle);
    }

    @Override
    public InstanceActionRepository actions() {
        return new SqlInstanceActionRepository(handle);
    }
}
