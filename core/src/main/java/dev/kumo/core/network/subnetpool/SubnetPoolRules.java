package dev.kumo.core.network.subnetpool;

import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.ip.Cidr;
import java.util.ArrayList;
import java.util.List;

/** Neutron's subnet pool validations (its SubnetPoolReader and SubnetPoolHelper), with Neutron's wording. */
public final class SubnetPoolRules {
    private SubnetPoolRules() {}

    /** The prefix lengths of a pool, checked against each other and the IP version. */
    public record Bounds(int min, int max, int defaultLength) {}

    /** Parses, checks one IP version and compacts the prefixes. */
    public static PrefixSpace prefixes(List<String> texts) {
        if (texts == null || texts.isEmpty()) {
            throw NeutronErrors.typed(400, "EmptySubnetPoolPrefixList", "Empty subnet pool prefix list.");
        }
        List<Cidr> cidrs = new ArrayList<>();
        for (String text : texts) {
            Cidr cidr = Cidr.tryParse(text).orElseThrow(() ->
                    NeutronErrors.invalidAttribute("prefixes", "'" + text + "' is not a valid IP subnet"));
            if (!cidrs.isEmpty() && cidrs.getFirst().version() != cidr.version()) {
                throw NeutronErrors.typed(400, "PrefixVersionMismatch", "Cannot mix IPv4 and IPv6 prefixes in a subnet pool.");
            }
            cidrs.add(cidr);
        }
        return PrefixSpace.of(cidrs);
    }

    /**
     * Neutron's defaults (min 8 for IPv4, 64 for IPv6; max the address width; default = min) and checks, in its
     * order: min &lt;= max, max &lt;= width, min &lt;= default &lt;= max.
     */
    public static Bounds bounds(int ipVersion, Integer min, Integer max, Integer defaultLength) {
        nonNegative("min_prefixlen", min);
        nonNegative("max_prefixlen", max);
        nonNegative("default_prefixlen", defaultLength);
        int width = ipVersion == 4 ? 32 : 128;
        int lo = min != null ? min : (ipVersion == 4 ? 8 : 64);
        int hi = max != null ? max : width;
        int dflt = defaultLength != null ? defaultLength : lo;
        if (lo > hi) {
            throw illegalBounds("min_prefixlen", lo, "max_prefixlen", hi);
        }
        if (hi > width) {
            throw illegalBounds("max_prefixlen", hi, "ip_version_max", width);
        }
        if (dflt < lo) {
            throw illegalBounds("default_prefixlen", dflt, "min_prefixlen", lo);
        }
        if (dflt > hi) {
            throw illegalBounds("default_prefixlen", dflt, "max_prefixlen", hi);
        }
        return new Bounds(lo, hi, dflt);
    }

    public static Integer quota(Integer quota) {
        nonNegative("default_quota", quota);
        return quota;
    }

    /** Address scopes are not implemented: only "none" is a valid one. */
    public static String addressScope(String id) {
        if (id != null) {
            throw NeutronErrors.notFound("AddressScopeNotFound", "Address scope %s could not be found.", id);
        }
        return null;
    }

    /** A subnet's prefix length must lie within the pool's bounds. */
    public static void requireWithin(Bounds bounds, int prefixLength) {
        if (prefixLength > bounds.max()) {
            throw NeutronErrors.typed(400, "MaxPrefixSubnetAllocationError", "Unable to allocate subnet with prefix length %d, maximum allowed prefix "
                    + "is %d.", prefixLength, bounds.max());
        }
        if (prefixLength < bounds.min()) {
            throw NeutronErrors.typed(400, "MinPrefixSubnetAllocationError", "Unable to allocate subnet with prefix length %d, minimum allowed prefix "
                    + "is %d.", prefixLength, bounds.min());
        }
    }

    private static void nonNegative(String attribute, Integer value) {
        if (value != null && value < 0) {
            throw NeutronErrors.invalidAttribute(attribute, "'" + value + "' should be non-negative");
        }
    }

    private static RuntimeException illegalBounds(String type, int length, String baseType, int baseLength) {
        return NeutronErrors.typed(400, "IllegalSubnetPoolPrefixBounds", "Illegal prefix bounds: %s=%d, %s=%d.", type, length, baseType, baseLength);
    }
}
