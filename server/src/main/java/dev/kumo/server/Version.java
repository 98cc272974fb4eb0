package dev.kumo.server;

/** kumo's own version, printed by {@code kumo status} and the root document. */
public final class Version {
    public static final String VERSION = "0.1.0";

    private Version() {}
}
