package dev.kumo.dataplane;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a guest's metadata as files at the paths the guest asks for: the OpenStack format
 * ({@code openstack/latest/meta_data.json}, {@code user_data}; also the config drive layout) and
 * the EC2 format ({@code 2009-04-04/meta-data/...}, {@code 2009-04-04/user-data}).
 */
final class MetadataFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MetadataFiles() {}

    static void writeOpenStack(Path root, GuestIdentity guest) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("uuid", guest.uuid());
        meta.put("name", guest.name());
        meta.put("hostname", guest.hostname());
        meta.put("launch_index", 0);
        meta.put("availability_zone", "nova");
        meta.put("project_id", "6f70656e737461636b20697320636f6f");
        // Nova stores keys with a trailing newline; the guest must cope.
        meta.put("public_keys", Map.of(guest.keyName(), guest.publicKey() + "\n"));
        meta.put("keys", List.of(Map.of("name", guest.keyName(), "type", "ssh", "data", guest.publicKey() + "\n")));
        meta.put("meta", Map.of());
        meta.put("devices", List.of());
        Path latest = root.resolve("openstack/latest");
        try {
            Files.createDirectories(latest);
            Files.writeString(latest.resolve("meta_data.json"), JSON.writeValueAsString(meta));
            Files.writeString(latest.resolve("user_data"), guest.userData());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeEc2(Path root, GuestIdentity guest) {
        Path meta = root.resolve("2009-04-04/meta-data");
        try {
            Files.createDirectories(meta.resolve("public-keys/0"));
            Files.createDirectories(meta.resolve("placement"));
            Files.writeString(meta.resolve("instance-id"), guest.ec2InstanceId());
            Files.writeString(meta.resolve("hostname"), guest.hostname());
            Files.writeString(meta.resolve("ami-launch-index"), "0");
            Files.writeString(meta.resolve("placement/availability-zone"), "nova");
            // python's http.server lists a directory as HTML, so the key listing is a file named "index.html"
            Files.writeString(meta.resolve("public-keys/index.html"), "0=" + guest.keyName());
            Files.writeString(meta.resolve("public-keys/0/openssh-key"), guest.publicKey() + "\n");
            Files.writeString(root.resolve("2009-04-04/user-data"), guest.userData());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
