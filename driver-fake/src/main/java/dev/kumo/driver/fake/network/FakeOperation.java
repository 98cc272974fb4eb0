package dev.kumo.driver.fake.network;

/** The driver calls that change the data path, for the journal and for injecting failures. */
public enum FakeOperation {
    ENSURE_NETWORK("plumb network"),
    DELETE_NETWORK("remove network"),
    ENSURE_PORT("plug port"),
    DELETE_PORT("unplug port"),
    ENSURE_ROUTER("plumb router"),
    DELETE_ROUTER("remove router"),
    ENSURE_FLOATING_IP("set up floating IP"),
    DELETE_FLOATING_IP("remove floating IP"),
    ENSURE_SECURITY_GROUP("apply security group"),
    DELETE_SECURITY_GROUP("remove security group");

    private final String action;

    FakeOperation(String action) {
        this.action = action;
    }

    /** How the failure message names the action: "Failed to plug port ...". */
    public String action() {
        return action;
    }
}
