package dev.kumo.driver.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MetadataProxyConfigTest {
    @Test
    void setsTheTrustedHeadersAfterRemovingTheClientsCopies() {
        String text = new MetadataProxyConfig("0.0.0.0", 9697, MetadataProxyConfig.ROUTER_HEADER, "r1",
                Path.of("/s/run/metadata.sock"), Path.of("/s/network/metadata/r1/haproxy.pid")).text();
        assertThat(text).contains("bind 0.0.0.0:9697", "server metadata /s/run/metadata.sock",
                "pidfile /s/network/metadata/r1/haproxy.pid", "daemon");
        int deleteForwarded = text.indexOf("http-request del-header X-Forwarded-For");
        int deleteRouter = text.indexOf("http-request del-header X-Neutron-Router-ID");
        int deleteNetwork = text.indexOf("http-request del-header X-Neutron-Network-ID");
        int setForwarded = text.indexOf("http-request set-header X-Forwarded-For %[src]");
        int setRouter = text.indexOf("http-request set-header X-Neutron-Router-ID r1");
        assertThat(deleteForwarded).isPositive().isLessThan(setForwarded);
        assertThat(deleteRouter).isPositive().isLessThan(setRouter);
        assertThat(deleteNetwork).isPositive().isLessThan(setRouter);
        assertThat(text).doesNotContain("option forwardfor");
    }

    @Test
    void dhcpNamespaceProxyNamesTheNetwork() {
        String text = new MetadataProxyConfig("169.254.169.254", 80, MetadataProxyConfig.NETWORK_HEADER, "net-1",
                Path.of("/m.sock"), Path.of("/p")).text();
        assertThat(text).contains("bind 169.254.169.254:80", "http-request set-header X-Neutron-Network-ID net-1")
                .doesNotContain("set-header X-Neutron-Router-ID");
    }
}
