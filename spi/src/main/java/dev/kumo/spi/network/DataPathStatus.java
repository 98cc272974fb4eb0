package dev.kumo.spi.network;

/** What the data path says about a network or port; the service copies it into the resource's {@code status}. */
public enum DataPathStatus {
    /** Plumbed and passing traffic. */
    ACTIVE,
    /** Known but not passing traffic: administratively down, or (for a port) not bound to a host. */
    DOWN,
    /** Being plumbed; a later ensure call reports the outcome. */
    BUILD,
    /** Could not be plumbed; the reason says why. */
    ERROR
}
