package dev.kumo.core.network.subnetpool;

import dev.kumo.core.network.ip.Cidr;
import dev.kumo.core.network.ip.IpAddress;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A set of addresses held as disjoint, maximal CIDRs (netaddr's IPSet, which Neutron's subnet allocator uses):
 * a pool's prefixes, what is left of them after its subnets, and the blocks carved from them. Immutable.
 */
public final class PrefixSpace {
    private static final Comparator<Cidr> BY_ADDRESS = Comparator.comparing(Cidr::first)
            .thenComparingInt(Cidr::prefixLength);

    private final List<Cidr> blocks;

    private PrefixSpace(List<Cidr> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** The union of {@code cidrs}, compacted: contained blocks dropped, adjacent halves merged. */
    public static PrefixSpace of(List<Cidr> cidrs) {
        List<Cidr> sorted = cidrs.stream().sorted(BY_ADDRESS).toList();
        Deque<Cidr> merged = new ArrayDeque<>();
        for (Cidr c : sorted) {
            if (!merged.isEmpty() && merged.peekLast().version() == c.version() && merged.peekLast().contains(c.first())) {
                continue;
            }
            merged.addLast(c);
            while (merged.size() >= 2) {
                Cidr last = merged.pollLast();
                Optional<Cidr> parent = parentOfSiblings(merged.peekLast(), last);
                if (parent.isEmpty()) {
                    merged.addLast(last);
                    break;
                }
                merged.pollLast();
                merged.addLast(parent.get());
            }
        }
        return new PrefixSpace(new ArrayList<>(merged));
    }

    /** The blocks, by address. */
    public List<Cidr> blocks() {
        return blocks;
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** What is in this space and not in {@code other}. */
    public PrefixSpace minus(PrefixSpace other) {
        List<Cidr> left = new ArrayList<>(blocks);
        for (Cidr taken : other.blocks) {
            List<Cidr> next = new ArrayList<>();
            left.forEach(block -> subtract(block, taken, next));
            left = next;
        }
        return of(left);
    }

    /**
     * The first block of {@code prefixLength} in the smallest free block that can hold it (Neutron's order:
     * longest free prefixes first, then by address, which keeps large blocks whole).
     */
    public Optional<Cidr> firstFit(int prefixLength) {
        return blocks.stream()
                .sorted(Comparator.comparingInt(Cidr::prefixLength).reversed().thenComparing(Cidr::first))
                .filter(b -> b.prefixLength() <= prefixLength)
                .findFirst().map(b -> new Cidr(b.first(), prefixLength));
    }

    /** Whether {@code cidr} lies wholly inside one block. */
    public boolean covers(Cidr cidr) {
        return blocks.stream().anyMatch(b -> b.prefixLength() <= cidr.prefixLength() && b.contains(cidr.first()));
    }

    /** How many /{@code unitLength} blocks {@code cidr} spans (the unit of a pool's quota: /32 or /64). */
    public static BigInteger units(Cidr cidr, int unitLength) {
        return BigInteger.ONE.shiftLeft(Math.max(0, unitLength - cidr.prefixLength()));
    }

    private static void subtract(Cidr block, Cidr taken, List<Cidr> out) {
        if (!block.overlaps(taken)) {
            out.add(block);
        } else if (taken.prefixLength() > block.prefixLength()) {
            Cidr low = new Cidr(block.first(), block.prefixLength() + 1);
            Cidr high = new Cidr(IpAddress.of(block.version(), low.last().value().add(BigInteger.ONE)),
                    block.prefixLength() + 1);
            subtract(low, taken, out);
            subtract(high, taken, out);
        }
        // else taken covers block: nothing of it is left
    }

    private static Optional<Cidr> parentOfSiblings(Cidr a, Cidr b) {
        if (a.version() != b.version() || a.prefixLength() != b.prefixLength() || a.prefixLength() == 0) {
            return Optional.empty();
        }
        Cidr parent = new Cidr(a.first(), a.prefixLength() - 1);
        return parent.first().equals(a.first()) && parent.contains(b.first()) && !a.first().equals(b.first())
                ? Optional.of(parent) : Optional.empty();
    }

    @Override
    public String toString() {
        return blocks.toString();
    }
}
