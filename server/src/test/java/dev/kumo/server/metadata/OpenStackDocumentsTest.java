package dev.kumo.server.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.http.Json;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenStackDocumentsTest {
    private final MetadataLookup lookup = new MetadataLookup(new InstancePasswords());

    private static JsonNode json(MetadataReply reply) throws Exception {
        assertThat(reply.status()).as(reply.bodyText()).isEqualTo(200);
        return Json.MAPPER.readTree(reply.body());
    }

    @Test
    void versionListEndsWithLatest() {
        var reply = lookup.get(SampleInstances.vm1(), "/openstack");
        assertThat(reply.bodyText().split("\n")).containsExactly("2012-08-10", "2013-04-04", "2013-10-17", "2015-10-15",
                "2016-06-30", "2016-10-06", "2017-02-22", "2018-08-27", "2020-10-14", "latest");
        assertThat(lookup.get(SampleInstances.vm1(), "/openstack/").bodyText()).isEqualTo(reply.bodyText());
    }

    @Test
    void metaDataJsonCarriesIdentityKeysAndMeta() throws Exception {
        JsonNode md = json(lookup.get(SampleInstances.vm1(), "/openstack/latest/meta_data.json"));
        assertThat(md.get("uuid").asText()).isEqualTo(SampleInstances.UUID);
        assertThat(md.get("name").asText()).isEqualTo("VM 1_test");
        assertThat(md.get("hostname").asText()).isEqualTo("vm-1-test.novalocal");
        assertThat(md.at("/public_keys/lab").asText()).isEqualTo(SampleInstances.KEY);
        assertThat(md.at("/keys/0/name").asText()).isEqualTo("lab");
        assertThat(md.at("/keys/0/type").asText()).isEqualTo("ssh");
        assertThat(md.at("/keys/0/data").asText()).isEqualTo(SampleInstances.KEY);
        assertThat(md.get("launch_index").asInt()).isZero();
        assertThat(md.get("availability_zone").asText()).isEqualTo("nova");
        assertThat(md.get("project_id").asText()).isEqualTo("proj-1");
        assertThat(md.at("/meta/role").asText()).isEqualTo("web");
        assertThat(md.get("devices").isArray()).isTrue();
        assertThat(Base64.getDecoder().decode(md.get("random_seed").asText())).hasSize(512);
    }

    @Test
    void olderVersionsLackWhatLaterOnesAdded() throws Exception {
        JsonNode folsom = json(lookup.get(SampleInstances.vm1(), "/openstack/2012-08-10/meta_data.json"));
        assertThat(folsom.has("random_seed")).isFalse();
        assertThat(folsom.has("project_id")).isFalse();
        assertThat(folsom.has("devices")).isFalse();
        assertThat(lookup.get(SampleInstances.vm1(), "/openstack/2012-08-10/network_data.json").status()).isEqualTo(404);
        assertThat(lookup.get(SampleInstances.vm1(), "/openstack/2015-10-15/vendor_data2.json").status()).isEqualTo(404);
        assertThat(lookup.get(SampleInstances.vm1(), "/openstack/2099-01-01/meta_data.json").status()).isEqualTo(404);
    }

    @Test
    void versionDirectoryListsItsDocuments() {
        assertThat(lookup.get(SampleInstances.vm1(), "/openstack/latest").bodyText().split("\n")).containsExactly(
                "meta_data.json", "user_data", "password", "vendor_data.json", "network_data.json", "vendor_data2.json");
        assertThat(lookup.get(SampleInstances.bare(), "/openstack/2018-08-27/").bodyText().split("\n"))
                .doesNotContain("user_data");
    }

    @Test
    void userDataIsServedDecodedAnd404WhenAbsent() {
        assertThat(lookup.get(SampleInstances.vm1(), "/openstack/latest/user_data").bodyText()).isEqualTo("#!/bin/sh\necho hi\n");
        assertThat(lookup.get(SampleInstances.bare(), "/openstack/latest/user_data").status()).isEqualTo(404);
    }

    @Test
    void vendorDataIsEmptyObjects() {
        assertThat(lookup.get(SampleInstances.vm1(), "/openstack/latest/vendor_data.json").bodyText()).isEqualTo("{}");
        assertThat(lookup.get(SampleInstances.vm1(), "/openstack/latest/vendor_data2.json").bodyText()).isEqualTo("{}");
    }

    @Test
    void passwordIsEmptyUntilPostedOnceThenConflicts() {
        var facts = SampleInstances.vm1();
        assertThat(lookup.get(facts, "/openstack/latest/password").status()).isEqualTo(200);
        assertThat(lookup.get(facts, "/openstack/latest/password").body()).isEmpty();
        assertThat(lookup.post(facts, "/openstack/latest/password", "secret".getBytes()).status()).isEqualTo(200);
        assertThat(lookup.get(facts, "/openstack/latest/password").bodyText()).isEqualTo("secret");
        assertThat(lookup.post(facts, "/openstack/latest/password", "other".getBytes()).status()).isEqualTo(409);
        assertThat(lookup.post(SampleInstances.bare(), "/openstack/latest/password", new byte[300]).status()).isEqualTo(400);
    }

    @Test
    void staticNetworkDataGivesAddressMaskRoutesAndDns() throws Exception {
        JsonNode nd = json(lookup.get(SampleInstances.vm1(), "/openstack/latest/network_data.json"));
        JsonNode link = nd.at("/links/0");
        assertThat(link.get("id").asText()).isEqualTo("tap8d2e4f6a-1b");
        assertThat(link.get("vif_id").asText()).isEqualTo(SampleInstances.PORT);
        assertThat(link.get("ethernet_mac_address").asText()).isEqualTo("fa:16:3e:00:00:06");
        assertThat(link.get("mtu").asInt()).isEqualTo(1450);
        assertThat(link.get("type").asText()).isEqualTo("bridge");
        JsonNode net = nd.at("/networks/0");
        assertThat(net.get("id").asText()).isEqualTo("network0");
        assertThat(net.get("type").asText()).isEqualTo("ipv4");
        assertThat(net.get("link").asText()).isEqualTo("tap8d2e4f6a-1b");
        assertThat(net.get("ip_address").asText()).isEqualTo("10.0.0.6");
        assertThat(net.get("netmask").asText()).isEqualTo("255.255.255.0");
        assertThat(net.get("network_id").asText()).isEqualTo("net-1");
        assertThat(net.at("/routes/0/network").asText()).isEqualTo("0.0.0.0");
        assertThat(net.at("/routes/0/gateway").asText()).isEqualTo("10.0.0.1");
        assertThat(net.at("/routes/1/network").asText()).isEqualTo("172.16.0.0");
        assertThat(net.at("/routes/1/netmask").asText()).isEqualTo("255.255.0.0");
        assertThat(net.at("/routes/1/gateway").asText()).isEqualTo("10.0.0.254");
        assertThat(nd.at("/services/0/type").asText()).isEqualTo("dns");
        assertThat(nd.at("/services/0/address").asText()).isEqualTo("10.0.0.2");
    }

    @Test
    void subnetWithDhcpServerIsDescribedAsDhcp() throws Exception {
        JsonNode net = json(lookup.get(SampleInstances.bare(), "/openstack/latest/network_data.json")).at("/networks/0");
        assertThat(net.get("type").asText()).isEqualTo("ipv4_dhcp");
        assertThat(net.has("ip_address")).isFalse();
        assertThat(net.get("network_id").asText()).isEqualTo("net-2");
    }

    @Test
    void unknownPathsAre404() {
        for (String path : List.of("/openstack/latest/nothing", "/openstack/latest/meta_data.json/x", "/openstack/foo")) {
            assertThat(lookup.get(SampleInstances.vm1(), path).status()).as(path).isEqualTo(404);
        }
    }
}
