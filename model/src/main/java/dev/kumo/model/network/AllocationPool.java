package dev.kumo.model.network;

import java.util.Objects;

/** An inclusive range of addresses IPAM hands out from, in canonical text form. */
public record AllocationPool(String start, String end) {
    public AllocationPool {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** As Neutron writes a pool in its messages: {@code 10.0.0.2-10.0.0.254}. */
    @Override
    public String toString() {
        return start + "-" + end;
    }
}
