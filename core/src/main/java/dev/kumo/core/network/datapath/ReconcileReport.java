package dev.kumo.core.network.datapath;

import java.time.Duration;

/** What a full reconciliation did: objects re-ensured, leftovers swept, and how long it took. */
public record ReconcileReport(int networks, int ports, int swept, Duration took) {}
