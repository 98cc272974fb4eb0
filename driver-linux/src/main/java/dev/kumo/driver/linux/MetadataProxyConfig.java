package dev.kumo.driver.linux;

import java.nio.file.Path;

/**
 * The haproxy configuration of one metadata proxy: it listens in a router or DHCP namespace and forwards to
 * kumo's metadata service over a unix socket (a TCP listener in the root namespace is not reachable from
 * there), setting the headers the service trusts to find the instance. Client-sent copies of those headers
 * are removed, so that a guest cannot impersonate another.
 *
 * @param ownerHeader {@code X-Neutron-Router-ID} or {@code X-Neutron-Network-ID}
 */
record MetadataProxyConfig(String bindAddress, int bindPort, String ownerHeader, String ownerId, Path socket,
                           Path pidfile) {
    static final String ROUTER_HEADER = "X-Neutron-Router-ID";
    static final String NETWORK_HEADER = "X-Neutron-Network-ID";

    String text() {
        return """
                global
                    daemon
                    maxconn 1024
                    pidfile %s

                defaults
                    mode http
                    timeout connect 5s
                    timeout client 30s
                    timeout server 30s
                    timeout http-request 30s

                listen metadata
                    bind %s:%d
                    http-request del-header X-Forwarded-For
                    http-request del-header %s
                    http-request del-header %s
                    http-request set-header X-Forwarded-For %%[src]
                    http-request set-header %s %s
                    server metadata %s
                """.formatted(pidfile, bindAddress, bindPort, ROUTER_HEADER, NETWORK_HEADER, ownerHeader, ownerId,
                socket);
    }
}
