package dev.kumo.core.compute.server;

import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.flavor.Flavor;
import dev.kumo.core.compute.flavor.FlavorService;
import dev.kumo.core.compute.keypair.Keypair;
import dev.kumo.core.compute.quota.QuotaService;
import dev.kumo.core.compute.scheduler.Scheduler;
import dev.kumo.core.compute.store.ComputeStore;
import dev.kumo.core.compute.store.ServerQuery;
import dev.kumo.model.error.CloudException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Server create, read, update and delete. Create checks everything it can before the transaction (flavor,
 * image, key, networks, zone), checks quota and inserts inside it, and hands the new servers to the converger
 * after commit; the response goes out while they build.
 */
public final class ServerService {
    private final ComputeStore store;
    private final FlavorService flavors;
    private final QuotaService quotas;
    private final Scheduler scheduler;
    private final ImageCatalog images;
    private final ServerNetworks networks;
    private final NetworkPlumbing network;
    private final ServerPasswords passwords = new ServerPasswords();
    private final ServerConverger converger;
    private final Clock clock;
    private final ServerTags tags;
    private final ServerRebuilds rebuilds;
    private final ServerResizes resizes;
    private final ServerInterfaces interfaces;
    private final ServerGroups groups;
    private final TenantUsages usage;

    public ServerService(ComputeStore store, FlavorService flavors, QuotaService quotas, Scheduler scheduler,
                         ImageCatalog images, NetworkPlumbing network, ServerConverger converger, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.flavors = Objects.requireNonNull(flavors, "flavors");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.images = Objects.requireNonNull(images, "images");
        this.networks = new ServerNetworks(network);
        this.network = network;
        this.converger = Objects.requireNonNull(converger, "converger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tags = new ServerTags(store);
        this.rebuilds = new ServerRebuilds(store, images, quotas, clock);
        this.resizes = new ServerResizes(store, flavors, quotas, scheduler, clock);
        this.interfaces = new ServerInterfaces(store, network, converger, clock);
        this.groups = new ServerGroups(store, quotas, clock);
        this.usage = new TenantUsages(store, clock);
    }

    /** {@code os-server-groups}, whose members the scheduler places by the group's policy. */
    public ServerGroups groups() {
        return groups;
    }

    /** {@code os-simple-tenant-usage}. */
    public TenantUsages usage() {
        return usage;
    }

    /** {@code os-interface}: list, show, attach and detach a server's ports. */
    public ServerInterfaces interfaces() {
        return interfaces;
    }

    /** Nova's resize on the server's own host: status RESIZE, then VERIFY_RESIZE once the guest has the new sizes. */
    public void resize(ComputeCaller caller, String id, String flavorRef) {
        resizes.resize(caller, id, flavorRef);
        recordAction(caller, id, "resize");
        converger.submit(id);
    }

    /** confirmResize ({@code confirm}) or revertResize. */
    public void finishResize(ComputeCaller caller, String id, boolean confirm) {
        resizes.finish(caller, id, confirm);
        recordAction(caller, id, confirm ? "confirmResize" : "revertResize");
        converger.submit(id);
    }

    /**
     * Nova's createImage: a queued snapshot image is created now and its id returned; the converger takes the
     * snapshot and uploads it (task image_snapshot → image_pending_upload → image_uploading).
     */
    public String createImage(ComputeCaller caller, String id, String name, Map<String, String> metadata) {
        return createImage(caller, id, name, metadata, null);
    }

    /** createImage, or with {@code backup} Nova's createBackup (image_type backup, then the rotation). */
    public String createImage(ComputeCaller caller, String id, String name, Map<String, String> metadata,
                              ServerSnapshots.Backup backup) {
        String imageId = converger.snapshots().start(caller, id, name, metadata, backup);
        recordAction(caller, id, backup == null ? "createImage" : "createBackup");
        converger.submit(id);
        return imageId;
    }

    /** Nova's rebuild: the server as it now is (status REBUILD); the converger replaces its guest. */
    public Server rebuild(ComputeCaller caller, String id, Rebuild in) {
        Server s = rebuilds.start(caller, id, in);
        recordAction(caller, id, "rebuild");
        converger.submit(id);
        return s;
    }

    /** Records Nova's instance action for an action just accepted, before the converger can run a step of it. */
    private void recordAction(ComputeCaller caller, String id, String action) {
        converger.history().start(caller, id, get(caller, id).projectId(), action);
    }

    public ServerTags tags() {
        return tags;
    }

    public List<Server> create(ComputeCaller caller, ServerCreate in) {
        return create(caller, in, SchedulerHints.NONE);
    }

    /**
     * Create with scheduler hints: with {@code group} the new servers join that server group; same_host and
     * different_host are kept with each server for the scheduler.
     */
    public List<Server> create(ComputeCaller caller, ServerCreate in, SchedulerHints hints) {
        if (hints.group() != null) {
            groups.checkHint(caller, hints.group());
        }
        String projectId = caller.requireProject();
        ServerRules.checkName(in.name());
        ServerRules.checkCounts(in.minCount(), in.maxCount());
        Flavor flavor = flavor(caller, in.flavorRef());
        BootImage image = image(caller, in.imageRef());
        ServerRules.checkFits(flavor, image);
        String publicKey = in.keyName() == null ? null : key(caller, in.keyName()).publicKey();
        List<NetworkRequest> nets = networks.resolve(caller, in.networks(), in.networkMode(), in.maxCount());
        for (String group : in.securityGroups() == null ? List.<String>of() : in.securityGroups()) {
            if (!network.securityGroupExists(caller, group)) {
                throw ComputeErrors.badRequest("Security group %s not found for project %s.", group, projectId);
            }
        }
        if (in.availabilityZone() != null && !scheduler.zones().contains(in.availabilityZone())) {
            throw ComputeErrors.badRequest("The requested availability zone is not available");
        }
        List<Server> created = store.write(tx -> {
            quotas.checkMetadata(tx, projectId, in.metadata() == null ? 0 : in.metadata().size());
            int count = fitCount(tx, projectId, in, flavor);
            var servers = new ArrayList<Server>();
            String reservation = "r-" + UUID.randomUUID().toString().substring(0, 8);
            for (int i = 0; i < count; i++) {
                Server s = newServer(caller, in, flavor, image, publicKey, nets, reservation, i, count);
                tx.servers().insert(s);
                converger.history().start(tx, caller, s.id(), s.projectId(), "create");
                servers.add(s);
            }
            if (hints.group() != null) {
                groups.join(tx, hints.group(), servers);
            }
            if (hints.hasHostHints()) {
                servers.forEach(s -> tx.hints().save(s.id(), hints));
            }
            return servers;
        });
        created.forEach(s -> converger.submit(s.id()));
        return created;
    }

    /** As many as max_count that quota allows, but at least min_count (else 403 naming the quota). */
    private int fitCount(dev.kumo.core.compute.store.ComputeTx tx, String projectId, ServerCreate in, Flavor flavor) {
        for (int count = in.maxCount(); count > in.minCount(); count--) {
            try {
                quotas.checkServers(tx, projectId, count, flavor.vcpus(), flavor.ramMb());
                return count;
            } catch (CloudException e) {
                // fewer may fit
            }
        }
        quotas.checkServers(tx, projectId, in.minCount(), flavor.vcpus(), flavor.ramMb());
        return in.minCount();
    }

    private Server newServer(ComputeCaller caller, ServerCreate in, Flavor flavor, BootImage image, String publicKey,
                             List<NetworkRequest> nets, String reservation, int index, int count) {
        Instant now = clock.instant();
        String name = count > 1 ? in.name() + "-" + (index + 1) : in.name();
        return new Server(UUID.randomUUID().toString(), caller.projectId(), caller.userId(), name, in.description(),
                flavor, image.id(), in.keyName(), publicKey, VmState.BUILDING, TaskState.SCHEDULING, 0, null,
                in.availabilityZone(), false, in.metadata(), in.securityGroups(), nets, in.networkMode(), List.of(),
                in.userData(), in.configDrive(), in.blockDeviceMappings(), null, reservation, index, now, now, null,
                in.access(), null);
    }

    private Flavor flavor(ComputeCaller caller, String ref) {
        try {
            return flavors.get(caller, ref);
        } catch (CloudException e) {
            throw ComputeErrors.badRequest("Flavor %s could not be found.", ref);
        }
    }

    private BootImage image(ComputeCaller caller, String ref) {
        if (ref == null || ref.isBlank()) {
            throw ComputeErrors.badRequest("Invalid imageRef provided: an image is required (volumes are not supported yet).");
        }
        BootImage image = images.find(caller, ref)
                .orElseThrow(() -> ComputeErrors.badRequest("Image %s could not be found.", ref));
        if (!image.active()) {
            throw ComputeErrors.badRequest("Image %s is not active.", ref);
        }
        return image;
    }

    private Keypair key(ComputeCaller caller, String name) {
        return store.read(tx -> tx.keypairs().find(caller.userId(), name))
                .orElseThrow(() -> ComputeErrors.badRequest("Invalid key_name provided: keypair %s not found for user %s.",
                        name, caller.userId()));
    }

    /** The passwords guests posted to the metadata service (the metadata service stores them here). */
    public ServerPasswords passwords() {
        return passwords;
    }

    /** {@code os-server-password}: what the guest posted, empty when nothing; the caller must own the server. */
    public String password(ComputeCaller caller, String id) {
        return passwords.get(get(caller, id).id());
    }

    public void clearPassword(ComputeCaller caller, String id) {
        passwords.clear(get(caller, id).id());
    }

    /** The floating IPs of the servers' ports, by port id, for their {@code addresses}. */
    public Map<String, List<String>> floatingIps(List<Server> servers) {
        var ports = servers.stream().flatMap(s -> s.nics().stream()).map(Nic::portId).toList();
        return network.floatingIps(ports);
    }

    public Server get(ComputeCaller caller, String id) {
        return store.read(tx -> tx.servers().find(id)).filter(s -> caller.owns(s.projectId()))
                .orElseThrow(() -> ComputeErrors.notFound("Instance %s could not be found.", id));
    }

    public List<Server> list(ComputeCaller caller, ServerListRequest in) {
        boolean allProjects = in.allTenants() && caller.admin();
        String project = allProjects ? in.projectId() : Objects.requireNonNullElse(caller.projectId(), "");
        if (!caller.admin() && (in.host() != null)) {
            throw ComputeErrors.forbidden("Only administrators can filter servers by host.");
        }
        Predicate<Server> matches = matcher(in);
        boolean filtered = in.name() != null || in.ip() != null || in.ip6() != null || in.reservationId() != null;
        var query = new ServerQuery(project, in.vmState(), in.imageId(), in.flavorId(), in.host(), in.changesSince(),
                in.marker(), filtered ? 0 : in.limit());
        var found = store.read(tx -> tx.servers().list(query));
        if (!filtered) {
            return found;
        }
        var matching = found.stream().filter(matches).toList();
        return in.limit() > 0 && matching.size() > in.limit() ? matching.subList(0, in.limit()) : matching;
    }

    /** The filters SQL does not apply: name, fixed IPv4 ({@code ip}) or IPv6 ({@code ip6}) addresses, reservation. */
    private static Predicate<Server> matcher(ServerListRequest in) {
        Pattern name = pattern("name", in.name());
        Pattern ip = pattern("ip", in.ip());
        Pattern ip6 = pattern("ip6", in.ip6());
        return s -> (name == null || name.matcher(s.name()).find())
                && (in.reservationId() == null || in.reservationId().equals(s.reservationId()))
                && (ip == null || anyAddress(s, false, ip)) && (ip6 == null || anyAddress(s, true, ip6));
    }

    private static boolean anyAddress(Server s, boolean v6, Pattern p) {
        return s.nics().stream().flatMap(n -> n.fixedIps().stream())
                .anyMatch(a -> a.contains(":") == v6 && p.matcher(a).find());
    }

    private static Pattern pattern(String filter, String regex) {
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw ComputeErrors.badRequest("Invalid regular expression for %s: %s", filter, regex);
        }
    }

    /** Renames, re-describes (when {@code descriptionGiven}) and sets the non-null access addresses. */
    public Server update(ComputeCaller caller, String id, String name, String description, boolean descriptionGiven,
                         AccessAddresses access) {
        if (name != null) {
            ServerRules.checkName(name);
        }
        return store.write(tx -> {
            Server s = tx.servers().find(id).filter(x -> caller.owns(x.projectId()))
                    .orElseThrow(() -> ComputeErrors.notFound("Instance %s could not be found.", id));
            Server updated = s.withDetails(name == null ? s.name() : name, descriptionGiven ? description : s.description(),
                    s.locked(), s.metadata(), clock.instant()).withAccess(access, clock.instant());
            tx.servers().update(updated);
            return updated;
        });
    }

    public Map<String, String> setMetadata(ComputeCaller caller, String id, Map<String, String> metadata, boolean replace) {
        return store.write(tx -> {
            Server s = tx.servers().find(id).filter(x -> caller.owns(x.projectId()))
                    .orElseThrow(() -> ComputeErrors.notFound("Instance %s could not be found.", id));
            var merged = new java.util.LinkedHashMap<>(replace ? Map.<String, String>of() : s.metadata());
            merged.putAll(metadata);
            quotas.checkMetadata(tx, s.projectId(), merged.size());
            tx.servers().update(s.withDetails(s.name(), s.description(), s.locked(), merged, clock.instant()));
            return Map.copyOf(merged);
        });
    }

    /**
     * Nova's addSecurityGroup/removeSecurityGroup: the group must exist in the caller's project (404) and be
     * absent (add) or present (remove) on the server (400); the server's ports follow.
     */
    public void changeSecurityGroup(ComputeCaller caller, String id, String group, boolean add) {
        if (!network.securityGroupExists(caller, group)) {
            throw ComputeErrors.notFound("Security group %s not found for project %s.", group, caller.projectId());
        }
        Server updated = store.write(tx -> {
            Server s = tx.servers().find(id).filter(x -> caller.owns(x.projectId()))
                    .orElseThrow(() -> ComputeErrors.notFound("Instance %s could not be found.", id));
            boolean has = s.securityGroups().contains(group);
            if (add == has) {
                throw ComputeErrors.badRequest(add ? "Security group %s is already associated with the instance %s"
                        : "Security group %s not associated with the instance %s", group, id);
            }
            var groups = new ArrayList<>(s.securityGroups());
            if (add) {
                groups.add(group);
            } else {
                groups.remove(group);
            }
            Server changed = s.withSecurityGroups(groups, clock.instant());
            tx.servers().update(changed);
            return changed;
        });
        network.setSecurityGroups(updated, updated.securityGroups());
    }

    public void delete(ComputeCaller caller, String id) {
        store.write(tx -> {
            Server s = tx.servers().find(id).filter(x -> caller.owns(x.projectId()))
                    .orElseThrow(() -> ComputeErrors.notFound("Instance %s could not be found.", id));
            if (s.locked() && !caller.admin()) {
                throw ComputeErrors.conflict("Instance %s is locked", id);
            }
            tx.servers().update(s.withState(s.vmState(), TaskState.DELETING, s.powerState(), clock.instant()));
            converger.history().start(tx, caller, id, s.projectId(), "delete");
            return null;
        });
        converger.submit(id);
    }
}
