package dev.kumo.server.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.http.Json;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigDriveFilesTest {
    @Test
    void laysOutTheFilesAsNovasConfigDrive() {
        Map<String, byte[]> files = ConfigDriveFiles.of(SampleInstances.vm1());
        assertThat(files).containsKeys("ec2/2009-04-04/meta-data.json", "ec2/latest/meta-data.json",
                "ec2/latest/user-data", "openstack/2012-08-10/meta_data.json", "openstack/latest/meta_data.json",
                "openstack/latest/user_data", "openstack/latest/vendor_data.json", "openstack/latest/vendor_data2.json",
                "openstack/latest/network_data.json", "openstack/2018-08-27/network_data.json");
        assertThat(files).doesNotContainKeys("openstack/2012-08-10/vendor_data.json", "openstack/2013-10-17/network_data.json",
                "ec2/1.0/meta-data.json", "openstack/latest/password");
        assertThat(new String(files.get("openstack/latest/user_data"))).isEqualTo("#!/bin/sh\necho hi\n");
    }

    @Test
    void ec2MetaDataJsonHasTheKeyWithoutNovasListingName() throws Exception {
        var md = Json.MAPPER.readTree(ConfigDriveFiles.of(SampleInstances.vm1()).get("ec2/latest/meta-data.json"));
        assertThat(md.at("/public-keys/0/openssh-key").asText()).isEqualTo(SampleInstances.KEY);
        assertThat(md.at("/public-keys/0").has("_name")).isFalse();
        assertThat(md.get("instance-id").asText()).isEqualTo("i-3f1c2a9e");
        assertThat(md.at("/placement/availability-zone").asText()).isEqualTo("nova");
    }

    @Test
    void noUserDataNoUserDataFilesAndUnknownInstanceNoFiles() {
        Map<String, byte[]> files = ConfigDriveFiles.of(SampleInstances.bare());
        assertThat(files.keySet()).noneMatch(p -> p.endsWith("user_data") || p.endsWith("user-data"));
        assertThat(new ConfigDriveFiles(id -> Optional.empty()).files("nope")).isEmpty();
    }
}
