package dev.kumo.server.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Ec2DocumentsTest {
    private final MetadataLookup lookup = new MetadataLookup(new InstancePasswords());

    private String get(InstanceFacts facts, String path) {
        var reply = lookup.get(facts, path);
        assertThat(reply.status()).as(path + ": " + reply.bodyText()).isEqualTo(200);
        return reply.bodyText();
    }

    @Test
    void rootListsTheEc2Versions() {
        assertThat(get(SampleInstances.vm1(), "/").split("\n")).startsWith("1.0", "2007-01-19").endsWith("2009-04-04", "latest");
    }

    @Test
    void versionListsMetaDataAndUserData() {
        assertThat(get(SampleInstances.vm1(), "/latest")).isEqualTo("meta-data/\nuser-data");
        assertThat(get(SampleInstances.bare(), "/2009-04-04/")).isEqualTo("meta-data/");
    }

    @Test
    void metaDataListingIsSortedWithDirectoriesSlashed() {
        assertThat(get(SampleInstances.vm1(), "/2009-04-04/meta-data/").split("\n")).containsExactly("ami-id",
                "ami-launch-index", "ami-manifest-path", "block-device-mapping/", "hostname", "instance-action",
                "instance-id", "instance-type", "local-hostname", "local-ipv4", "placement/", "public-hostname",
                "public-ipv4", "public-keys/", "reservation-id", "security-groups");
        assertThat(get(SampleInstances.bare(), "/latest/meta-data/")).doesNotContain("public-keys");
    }

    @Test
    void leavesAreTheInstancesValues() {
        var vm = SampleInstances.vm1();
        assertThat(get(vm, "/latest/meta-data/instance-id")).isEqualTo("i-3f1c2a9e");
        assertThat(get(vm, "/latest/meta-data/ami-id")).isEqualTo("ami-11112222");
        assertThat(get(vm, "/latest/meta-data/hostname")).isEqualTo("vm-1-test.novalocal");
        assertThat(get(vm, "/latest/meta-data/local-hostname")).isEqualTo("vm-1-test.novalocal");
        assertThat(get(vm, "/latest/meta-data/local-ipv4")).isEqualTo("10.0.0.6");
        assertThat(get(vm, "/latest/meta-data/public-ipv4")).isEqualTo("192.168.1.51");
        assertThat(get(vm, "/latest/meta-data/instance-type")).isEqualTo("m1.tiny");
        assertThat(get(vm, "/latest/meta-data/reservation-id")).isEqualTo("r-abc12345");
        assertThat(get(vm, "/latest/meta-data/security-groups")).isEqualTo("default");
        assertThat(get(vm, "/latest/meta-data/placement/availability-zone")).isEqualTo("nova");
        assertThat(get(vm, "/latest/meta-data/ami-launch-index")).isEqualTo("0");
        assertThat(get(vm, "/latest/user-data")).isEqualTo("#!/bin/sh\necho hi\n");
        assertThat(get(SampleInstances.bare(), "/latest/meta-data/public-ipv4")).isEmpty();
    }

    @Test
    void publicKeysUseNovasOddListing() {
        var vm = SampleInstances.vm1();
        assertThat(get(vm, "/2009-04-04/meta-data/public-keys/")).isEqualTo("0=lab");
        assertThat(get(vm, "/2009-04-04/meta-data/public-keys/0/")).isEqualTo("openssh-key");
        assertThat(get(vm, "/2009-04-04/meta-data/public-keys/0/openssh-key")).isEqualTo(SampleInstances.KEY);
        assertThat(lookup.get(vm, "/2009-04-04/meta-data/public-keys/0/_name").status()).isEqualTo(404);
    }

    @Test
    void unknownVersionsAndPathsAre404() {
        assertThat(lookup.get(SampleInstances.vm1(), "/2010-01-01/meta-data/").status()).isEqualTo(404);
        assertThat(lookup.get(SampleInstances.vm1(), "/latest/meta-data/nothing").status()).isEqualTo(404);
        assertThat(lookup.get(SampleInstances.bare(), "/latest/user-data").status()).isEqualTo(404);
    }
}
