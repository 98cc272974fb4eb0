package dev.kumo.model.network;

/** Neutron's {@code status} of networks and ports: what the data path reports, not what was asked for. */
public enum ResourceStatus {
    ACTIVE, DOWN, BUILD, ERROR
}
