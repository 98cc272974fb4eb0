package dev.kumo.server.metadata;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the metadata documents say about one instance, gathered once per request (or per config drive) from
 * the compute and network services.
 *
 * @param hostname    Nova's hostname: the sanitised server name plus the DHCP domain
 * @param keyName     null when the server was booted without a key pair
 * @param userData    the decoded user data, or null when there is none
 * @param fixedIpv4   the first IPv4 address of the first port, or null
 * @param floatingIpv4 the floating IP associated with that address, or null
 */
public record InstanceFacts(String uuid, String name, String hostname, String projectId, String availabilityZone,
                            int launchIndex, String reservationId, String keyName, String keyType, String publicKey,
                            Map<String, String> meta, byte[] userData, String flavorName, String imageId,
                            List<String> securityGroups, String fixedIpv4, String floatingIpv4, List<Vif> vifs) {
    public InstanceFacts {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(availabilityZone, "availabilityZone");
        meta = Map.copyOf(meta);
        securityGroups = List.copyOf(securityGroups);
        vifs = List.copyOf(vifs);
    }

    /** Nova's EC2 instance id: {@code i-%08x} of a number stable for the instance (here its uuid's first 32 bits). */
    public String ec2InstanceId() {
        return "i-" + hex8(uuid);
    }

    /** Nova's EC2 image id, {@code ami-%08x}, derived from the image id the same way. */
    public String ec2ImageId() {
        return imageId == null ? "ami-00000000" : "ami-" + hex8(imageId);
    }

    private static String hex8(String id) {
        String hex = id.replace("-", "").toLowerCase();
        return hex.length() >= 8 ? hex.substring(0, 8) : "%8s".formatted(hex).replace(' ', '0');
    }
}
