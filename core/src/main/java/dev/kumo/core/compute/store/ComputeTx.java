package dev.kumo.core.compute.store;

/** One transaction's view of the compute tables, by concern. */
public interface ComputeTx {
    FlavorRepository flavors();

    KeypairRepository keypairs();

    ServerRepository servers();

    HostRepository hosts();

    QuotaRepository quotas();

    ServerTagRepository tags();

    ServerGroupRepository serverGroups();

    TerminatedServerRepository terminated();

    SchedulerHintRepository hints();

    InstanceActionRepository actions();
}
