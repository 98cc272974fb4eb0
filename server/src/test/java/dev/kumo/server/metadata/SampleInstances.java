package dev.kumo.server.metadata;

import dev.kumo.model.network.HostRoute;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Instances with known facts for the document tests. */
final class SampleInstances {
    static final String UUID = "3f1c2a9e-5b7d-4e11-9a0c-123456789abc";
    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOt+test lab@kumo";
    static final String PORT = "8d2e4f6a-1b3c-4d5e-8f90-abcdefabcdef";

    private SampleInstances() {}

    /** vm1 on 10.0.0.0/24 (static: no DHCP port), key "lab", user data, floating IP 192.168.1.51. */
    static InstanceFacts vm1() {
        var subnet = new VifSubnet(4, "10.0.0.0/24", "10.0.0.6", "10.0.0.1", List.of("10.0.0.2"),
                List.of(new HostRoute("172.16.0.0/16", "10.0.0.254")), null);
        var vif = new Vif(PORT, "fa:16:3e:00:00:06", 1450, "net-1", "bridge", List.of(subnet));
        return new InstanceFacts(UUID, "VM 1_test", "vm-1-test.novalocal", "proj-1", "nova", 0, "r-abc12345", "lab",
                "ssh", KEY, Map.of("role", "web"), "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8), "m1.tiny",
                "11112222-3333-4444-5555-666677778888", List.of("default"), "10.0.0.6", "192.168.1.51", List.of(vif));
    }

    /** An instance without key, user data, floating IP or metadata, on a DHCP-served subnet. */
    static InstanceFacts bare() {
        var subnet = new VifSubnet(4, "10.1.0.0/24", "10.1.0.5", "10.1.0.1", List.of(), List.of(), "10.1.0.2");
        var vif = new Vif(PORT, "fa:16:3e:00:00:07", 1450, "net-2", "bridge", List.of(subnet));
        return new InstanceFacts(UUID, "bare", "bare.novalocal", "proj-1", "nova", 0, "r-1", null, null, null, Map.of(),
                null, "m1.tiny", null, List.of("default"), "10.1.0.5", null, List.of(vif));
    }
}
