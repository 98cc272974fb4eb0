package dev.kumo.api.compute;

import dev.kumo.core.compute.server.NovaHostname;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.Links;
import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.flavor.Flavor;
import dev.kumo.core.compute.server.Nic;
import dev.kumo.core.compute.server.Server;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Servers as Nova shows them, by microversion and by whether the caller is an admin. */
final class ServerViews {
    /** Nova shows {@code progress} only in these statuses. */
    private static final Set<String> PROGRESS_STATUSES = Set.of("ACTIVE", "BUILD", "REBUILD", "RESIZE", "VERIFY_RESIZE");
    /** What PUT /servers/{id} returns before 2.75 (from 2.75 it is the full show view). */
    private static final Set<String> UPDATE_FIELDS = Set.of("id", "name", "status", "image", "flavor", "fault",
            "user_id", "tenant_id", "created", "updated", "progress", "metadata", "links", "addresses", "hostId",
            "OS-DCF:diskConfig", "accessIPv4", "accessIPv6", "locked", "description", "tags",
            "trusted_image_certificates", "server_groups", "locked_reason");
    private ServerViews() {}

    static ObjectNode summary(Context ctx, Server s) {
        var o = Json.object().put("id", s.id()).put("name", s.name());
        FlavorViews.links(ctx, o, "servers", s.id());
        return o;
    }

    static ObjectNode detail(Context ctx, ComputeCaller caller, Server s, Map<String, List<String>> floating) {
        Microversion v = Microversion.of(ctx);
        var o = Json.object().put("id", s.id()).put("name", s.name()).put("status", s.status())
                .put("tenant_id", s.projectId()).put("user_id", s.userId());
        var md = o.putObject("metadata");
        s.metadata().forEach(md::put);
        o.put("hostId", hostId(s)).put("created", NovaBody.time(s.createdAt())).put("updated", NovaBody.time(s.updatedAt()));
        image(ctx, o, s);
        flavor(ctx, o, v, s.flavor());
        addresses(o, s, floating);
        o.put("accessIPv4", Objects.requireNonNullElse(s.access().ipv4(), ""))
                .put("accessIPv6", Objects.requireNonNullElse(s.access().ipv6(), ""));
        FlavorViews.links(ctx, o, "servers", s.id());
        if (PROGRESS_STATUSES.contains(s.status())) {
            o.put("progress", 0);
        }
        o.put("OS-DCF:diskConfig", "MANUAL")
                .put("OS-EXT-AZ:availability_zone", s.availabilityZone() == null ? "" : s.availabilityZone())
                .put("config_drive", s.configDrive() ? "True" : "").put("key_name", s.keyName())
                .put("OS-SRV-USG:launched_at", launched(s)).putNull("OS-SRV-USG:terminated_at");
        if (!s.nics().isEmpty() && !s.securityGroups().isEmpty()) {
            // Nova leaves the key out when the server's ports have no groups
            var groups = o.putArray("security_groups");
            s.securityGroups().forEach(g -> groups.addObject().put("name", g));
        }
        o.put("OS-EXT-STS:task_state", s.taskState() == null ? null : s.taskState().wire())
                .put("OS-EXT-STS:vm_state", s.vmState().wire()).put("OS-EXT-STS:power_state", s.powerState());
        o.putArray("os-extended-volumes:volumes_attached");
        if (caller.admin()) {
            admin(o, v, s);
        }
        if (s.fault() != null) {
            o.putObject("fault").put("code", s.fault().code()).put("created", NovaBody.time(s.fault().created()))
                    .put("message", s.fault().message());
        }
        versioned(o, v, s);
        return o;
    }

    /** GET /servers/{id}: the detail view plus, from 2.71, the server's groups (filled in by the handler). */
    static ObjectNode show(Context ctx, ComputeCaller caller, Server s, Map<String, List<String>> floating) {
        var o = detail(ctx, caller, s, floating);
        if (Microversion.of(ctx).atLeast(2, 71)) {
            o.putArray("server_groups");
        }
        return o;
    }

    /** PUT /servers/{id}'s answer: before 2.75 a reduced view without the extended attributes. */
    static ObjectNode updated(Context ctx, ComputeCaller caller, Server s, Map<String, List<String>> floating) {
        var o = show(ctx, caller, s, floating);
        if (!Microversion.of(ctx).atLeast(2, 75)) {
            o.retain(UPDATE_FIELDS);
        }
        return o;
    }

    private static void versioned(ObjectNode o, Microversion v, Server s) {
        if (v.atLeast(2, 9)) {
            o.put("locked", s.locked());
        }
        if (v.atLeast(2, 16)) {
            o.put("host_status", s.host() == null ? "" : "UP");
        }
        if (v.atLeast(2, 19)) {
            o.put("description", s.description());
        }
        if (v.atLeast(2, 26)) {
            o.putArray("tags");
        }
        if (v.atLeast(2, 63)) {
            o.putNull("trusted_image_certificates");
        }
        if (v.atLeast(2, 73)) {
            o.putNull("locked_reason");
        }
    }

    private static String launched(Server s) {
        return s.launchedAt() == null ? null
                : NovaBody.time(s.launchedAt()).replace("Z", ".000000");
    }

    private static void admin(ObjectNode o, Microversion v, Server s) {
        o.put("OS-EXT-SRV-ATTR:host", s.host()).put("OS-EXT-SRV-ATTR:hypervisor_hostname", s.host())
                .put("OS-EXT-SRV-ATTR:instance_name", "instance-" + s.id().substring(0, 8));
        if (v.atLeast(2, 3)) {
            o.put("OS-EXT-SRV-ATTR:reservation_id", s.reservationId())
                    .put("OS-EXT-SRV-ATTR:launch_index", s.launchIndex())
                    .put("OS-EXT-SRV-ATTR:hostname", NovaHostname.of(s.name(), s.id()))
                    .put("OS-EXT-SRV-ATTR:kernel_id", "").put("OS-EXT-SRV-ATTR:ramdisk_id", "")
                    .put("OS-EXT-SRV-ATTR:root_device_name", "/dev/vda").put("OS-EXT-SRV-ATTR:user_data", s.userData());
        }
    }

    private static void image(Context ctx, ObjectNode o, Server s) {
        if (s.imageId() == null) {
            o.put("image", "");
            return;
        }
        var image = o.putObject("image").put("id", s.imageId());
        image.putArray("links").addObject().put("rel", "bookmark")
                .put("href", Links.base(ctx) + ComputeApi.PREFIX + "/images/" + s.imageId());
    }

    private static void flavor(Context ctx, ObjectNode o, Microversion v, Flavor f) {
        var flavor = o.putObject("flavor");
        if (!v.atLeast(2, 47)) {
            flavor.put("id", f.id());
            flavor.putArray("links").addObject().put("rel", "bookmark")
                    .put("href", Links.base(ctx) + ComputeApi.PREFIX + "/flavors/" + f.id());
            return;
        }
        flavor.put("vcpus", f.vcpus()).put("ram", f.ramMb()).put("disk", f.diskGb()).put("ephemeral", f.ephemeralGb())
                .put("swap", f.swapMb()).put("original_name", f.name());
        var specs = flavor.putObject("extra_specs");
        f.extraSpecs().forEach(specs::put);
    }

    /** Each network's fixed addresses, then the floating ones associated with the server's ports on it. */
    static void addresses(ObjectNode o, Server s, Map<String, List<String>> floating) {
        var addresses = o.putObject("addresses");
        for (Nic nic : s.nics()) {
            String network = nic.networkName() == null || nic.networkName().isEmpty() ? nic.networkId() : nic.networkName();
            var list = addresses.has(network) ? (com.fasterxml.jackson.databind.node.ArrayNode) addresses.get(network)
                    : addresses.putArray(network);
            for (String ip : nic.fixedIps()) {
                list.addObject().put("version", ip.contains(":") ? 6 : 4).put("addr", ip)
                        .put("OS-EXT-IPS:type", "fixed").put("OS-EXT-IPS-MAC:mac_addr", nic.macAddress());
            }
            for (String ip : floating.getOrDefault(nic.portId(), List.of())) {
                list.addObject().put("version", 4).put("addr", ip)
                        .put("OS-EXT-IPS:type", "floating").put("OS-EXT-IPS-MAC:mac_addr", nic.macAddress());
            }
        }
    }

    /** Nova's hostId: a per-project hash of the host, so projects cannot compare placements. */
    private static String hostId(Server s) {
        return HostIds.of(s.projectId(), s.host());
    }
}
