package dev.kumo.api.compute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.core.compute.host.Hypervisor;
import dev.kumo.core.compute.server.Server;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Hypervisors as Nova shows them: integer ids before 2.53, UUIDs from 2.53 (kumo derives stable ones from the
 * host name, as the host is the compute node's identity here); cpu_info a JSON string before 2.28, an object
 * from 2.28.
 */
final class HypervisorViews {
    private HypervisorViews() {}

    static String id(Microversion v, Hypervisor h) {
        return v.atLeast(2, 53) ? uuid("hypervisor", h.capabilities().host()) : Integer.toString(h.service().id());
    }

    static String serviceId(Microversion v, String host, int id) {
        return v.atLeast(2, 53) ? uuid("service", host) : Integer.toString(id);
    }

    private static String uuid(String kind, String host) {
        return UUID.nameUUIDFromBytes(("kumo-" + kind + ":" + host).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static ObjectNode summary(Microversion v, Hypervisor h) {
        var o = Json.object();
        putId(o, "id", id(v, h), v);
        return o.put("hypervisor_hostname", h.capabilities().host()).put("state", h.up() ? "up" : "down")
                .put("status", h.service().disabled() ? "disabled" : "enabled");
    }

    static ObjectNode detail(Microversion v, Hypervisor h) {
        var o = summary(v, h);
        var c = h.capabilities();
        var used = h.used();
        o.put("vcpus", c.vcpus()).put("memory_mb", c.memoryMb()).put("local_gb", c.diskGb())
                .put("vcpus_used", used.vcpus()).put("memory_mb_used", h.ramUsedMb())
                .put("local_gb_used", used.diskGb()).put("hypervisor_type", c.hypervisorType())
                .put("hypervisor_version", 1000).put("free_ram_mb", c.memoryMb() - h.ramUsedMb())
                .put("free_disk_gb", c.diskGb() - used.diskGb()).put("current_workload", 0)
                .put("running_vms", used.instances()).put("disk_available_least", c.diskGb() - used.diskGb())
                .put("host_ip", "127.0.0.1");
        var cpu = Json.object().put("arch", "x86_64").put("vendor", "kumo").put("model", c.hypervisorType());
        cpu.putObject("topology").put("sockets", 1).put("cores", c.vcpus()).put("threads", 1);
        cpu.putArray("features");
        if (v.atLeast(2, 28)) {
            o.set("cpu_info", cpu);
        } else {
            o.put("cpu_info", cpu.toString());
        }
        var service = o.putObject("service").put("host", c.host());
        putId(service, "id", serviceId(v, c.host(), h.service().id()), v);
        service.put("disabled_reason", h.service().disabledReason());
        return o;
    }

    /** Nova's {@code servers} list of a hypervisor: present only when there are some. */
    static void servers(ObjectNode o, List<Server> servers) {
        if (!servers.isEmpty()) {
            var array = o.putArray("servers");
            servers.forEach(s -> array.addObject().put("uuid", s.id()).put("name", s.name()));
        }
    }

    private static void putId(ObjectNode o, String field, String id, Microversion v) {
        if (v.atLeast(2, 53)) {
            o.put(field, id);
        } else {
            o.put(field, Integer.parseInt(id));
        }
    }
}
