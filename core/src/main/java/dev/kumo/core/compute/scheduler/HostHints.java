package dev.kumo.core.compute.scheduler;

import java.util.Objects;
import java.util.Set;

/**
 * Nova's SameHostFilter and DifferentHostFilter: with {@code same_host}, only hosts running one of the named
 * servers pass; with {@code different_host}, only hosts running none of them. Given as the hosts those servers
 * are on; {@code sameRequested} tells "no same_host hint" from "a hint whose servers run nowhere" (nothing fits).
 */
final class HostHints {
    static final HostHints NONE = new HostHints(false, Set.of(), Set.of());

    private final boolean sameRequested;
    private final Set<String> sameHosts;
    private final Set<String> differentHosts;

    HostHints(boolean sameRequested, Set<String> sameHosts, Set<String> differentHosts) {
        this.sameRequested = sameRequested;
        this.sameHosts = Set.copyOf(Objects.requireNonNull(sameHosts, "sameHosts"));
        this.differentHosts = Set.copyOf(Objects.requireNonNull(differentHosts, "differentHosts"));
    }

    /** Why the hints keep the server off {@code host}, or null. */
    String rejection(String host) {
        if (sameRequested && !sameHosts.contains(host)) {
            return "same_host: none of the named servers runs here";
        }
        if (differentHosts.contains(host)) {
            return "different_host: one of the named servers runs here";
        }
        return null;
    }
}
