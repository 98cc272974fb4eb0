package dev.kumo.core.compute.server;

/** Nova's vm_state: where a server is at rest, and the API {@code status} it shows when no task runs. */
public enum VmState {
    BUILDING("building", "BUILD"), ACTIVE("active", "ACTIVE"), STOPPED("stopped", "SHUTOFF"),
    PAUSED("paused", "PAUSED"), RESIZED("resized", "VERIFY_RESIZE"), SUSPENDED("suspended", "SUSPENDED"), ERROR("error", "ERROR"),
    DELETED("deleted", "DELETED");

    private final String wire;
    private final String status;

    VmState(String wire, String status) {
        this.wire = wire;
        this.status = status;
    }

    public String wire() {
        return wire;
    }

    public String status() {
        return status;
    }

    public static VmState fromWire(String value) {
        for (VmState s : values()) {
            if (s.wire.equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown vm_state " + value);
    }
}
