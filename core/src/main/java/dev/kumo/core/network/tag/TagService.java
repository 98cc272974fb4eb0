package dev.kumo.core.network.tag;

import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.NetworkPolicy;
import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.store.NetworkStore;
import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.model.network.StandardAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** The {@code /tags} sub-resource of every tagged kind ({@link TaggedKind}). Every change is a new revision. */
public final class TagService {
    private final NetworkStore store;
    private final Clock clock;

    public TagService(NetworkStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A tagged resource as loaded in a transaction: its owner, its attributes, and how to store new ones. */
    private record Tagged(String projectId, StandardAttributes standard, Consumer<StandardAttributes> store) {}

    public List<String> list(NetworkCaller caller, TaggedKind kind, String id) {
        return store.read(tx -> load(tx, caller, kind, id).standard().tags());
    }

    /** 204 when the resource has the tag; 404 TagNotFound otherwise. */
    public void check(NetworkCaller caller, TaggedKind kind, String id, String tag) {
        if (!list(caller, kind, id).contains(tag)) {
            throw tagNotFound(kind, id, tag);
        }
    }

    public List<String> replace(NetworkCaller caller, TaggedKind kind, String id, List<String> tags) {
        List<String> valid = Tags.valid(tags);
        return change(caller, kind, id, "update_" + kind.collection() + "_tags", current -> valid);
    }

    public void add(NetworkCaller caller, TaggedKind kind, String id, String tag) {
        Tags.valid(tag);
        change(caller, kind, id, "create_" + kind.collection() + "_tags", current -> {
            List<String> tags = new ArrayList<>(current);
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
            return tags;
        });
    }

    public void remove(NetworkCaller caller, TaggedKind kind, String id, String tag) {
        change(caller, kind, id, "delete_" + kind.collection() + "_tags", current -> {
            if (!current.contains(tag)) {
                throw tagNotFound(kind, id, tag);
            }
            return current.stream().filter(t -> !t.equals(tag)).toList();
        });
    }

    public void clear(NetworkCaller caller, TaggedKind kind, String id) {
        change(caller, kind, id, "delete_" + kind.collection() + "_tags", current -> List.of());
    }

    private List<String> change(NetworkCaller caller, TaggedKind kind, String id, String rule,
                                UnaryOperator<List<String>> edit) {
        return store.write(tx -> {
            Tagged tagged = load(tx, caller, kind, id);
            NetworkPolicy.requireOwner(caller, tagged.projectId(), rule);
            List<String> tags = edit.apply(tagged.standard().tags());
            if (!tags.equals(tagged.standard().tags())) {
                tagged.store().accept(tagged.standard().withTags(tags).revised(clock.instant()));
            }
            return List.copyOf(new TreeSet<>(tags));
        });
    }

    private static Tagged load(NetworkTx tx, NetworkCaller caller, TaggedKind kind, String id) {
        Viewer viewer = caller.viewer();
        return switch (kind) {
            case NETWORKS -> tx.networks().find(id, viewer)
                    .map(n -> new Tagged(n.projectId(), n.standard(), s -> tx.networks().update(n.withStandard(s))))
                    .orElseThrow(() -> NeutronErrors.networkNotFound(id));
            case SUBNETS -> tx.subnets().find(id, viewer)
                    .map(n -> new Tagged(n.projectId(), n.standard(), s -> tx.subnets().update(n.withStandard(s))))
                    .orElseThrow(() -> NeutronErrors.subnetNotFound(id));
            case PORTS -> tx.ports().find(id, viewer)
                    .map(n -> new Tagged(n.projectId(), n.standard(), s -> tx.ports().update(n.withStandard(s))))
                    .orElseThrow(() -> NeutronErrors.portNotFound(id));
            case SUBNETPOOLS -> tx.subnetPools().find(id, viewer)
                    .map(n -> new Tagged(n.projectId(), n.standard(), s -> tx.subnetPools().update(n.withStandard(s))))
                    .orElseThrow(() -> NeutronErrors.subnetPoolNotFound(id));
            case ROUTERS -> tx.routers().find(id, viewer)
                    .map(n -> new Tagged(n.projectId(), n.standard(), s -> tx.routers().update(n.withStandard(s))))
                    .orElseThrow(() -> NeutronErrors.routerNotFound(id));
            case FLOATINGIPS -> tx.floatingIps().find(id, viewer)
                    .map(n -> new Tagged(n.projectId(), n.standard(), s -> tx.floatingIps().update(n.withStandard(s))))
                    .orElseThrow(() -> NeutronErrors.floatingIpNotFound(id));
            case SECURITY_GROUPS -> tx.securityGroups().find(id, viewer)
                    .map(n -> new Tagged(n.projectId(), n.standard(), s -> tx.securityGroups().update(n.withStandard(s))))
                    .orElseThrow(() -> NeutronErrors.securityGroupNotFound(id));
        };
    }

    private static RuntimeException tagNotFound(TaggedKind kind, String id, String tag) {
        return NeutronErrors.notFound("TagNotFound", "Tag %s could not be found for %s %s.", tag, kind.singular(), id);
    }
}
