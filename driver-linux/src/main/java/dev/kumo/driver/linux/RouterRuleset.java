package dev.kumo.driver.linux;

import dev.kumo.spi.network.DeviceNames;
import dev.kumo.spi.network.FloatingIpSpec;
import dev.kumo.spi.network.RouterLeg;
import dev.kumo.spi.network.RouterSpec;
import java.util.List;

/**
 * The nftables table of one router namespace, whole: the metadata redirect on every {@code qr-} leg, DNAT
 * of each floating IP (prerouting, and output for traffic the router itself makes), and on the {@code qg-}
 * leg SNAT of each floating IP's fixed address before the SNAT of the attached subnets (the first match
 * wins). Applied in one {@code nft -f -} transaction that replaces the table, so it is idempotent.
 */
record RouterRuleset(RouterSpec router, List<FloatingIpSpec> floatingIps) {
    static final String TABLE = "kumo-router";
    static final int METADATA_PORT = 9697;

    String text() {
        StringBuilder nft = new StringBuilder();
        nft.append("table ip ").append(TABLE).append(" {}\n");
        nft.append("delete table ip ").append(TABLE).append('\n');
        nft.append("table ip ").append(TABLE).append(" {\n");
        nft.append("  chain prerouting {\n    type nat hook prerouting priority dstnat; policy accept;\n");
        for (RouterLeg leg : router.interfaces()) {
            nft.append("    iifname \"").append(DeviceNames.routerInterface(leg.portId()))
                    .append("\" ip daddr 169.254.169.254 tcp dport 80 redirect to :").append(METADATA_PORT).append('\n');
        }
        dnat(nft);
        nft.append("  }\n");
        nft.append("  chain output {\n    type nat hook output priority -100; policy accept;\n");
        dnat(nft);
        nft.append("  }\n");
        nft.append("  chain postrouting {\n    type nat hook postrouting priority srcnat; policy accept;\n");
        if (router.gateway() != null) {
            snat(nft);
        }
        nft.append("  }\n}\n");
        return nft.toString();
    }

    private void dnat(StringBuilder nft) {
        for (FloatingIpSpec fip : floatingIps) {
            nft.append("    ip daddr ").append(fip.floatingIpAddress()).append(" dnat to ").append(fip.fixedIpAddress())
                    .append('\n');
        }
    }

    private void snat(StringBuilder nft) {
        String qg = "oifname \"" + DeviceNames.routerGateway(router.gateway().portId()) + "\"";
        for (FloatingIpSpec fip : floatingIps) {
            nft.append("    ").append(qg).append(" ip saddr ").append(fip.fixedIpAddress()).append(" snat to ")
                    .append(fip.floatingIpAddress()).append('\n');
        }
        String gatewayAddress = gatewayAddress(router);
        if (!router.enableSnat() || gatewayAddress == null) {
            return;
        }
        if (!floatingIps.isEmpty()) {
            // hairpin (with SNAT on, as in Neutron): a guest reaching a floating IP of its own network gets
            // the reply through the router
            String name = "\"" + DeviceNames.routerGateway(router.gateway().portId()) + "\"";
            nft.append("    iifname != ").append(name).append(" oifname != ").append(name)
                    .append(" ct status dnat snat to ").append(gatewayAddress).append('\n');
        }
        for (RouterLeg leg : router.interfaces()) {
            for (String cidr : leg.addresses()) {
                if (Ipv4Cidr.isIpv4(cidr)) {
                    nft.append("    ").append(qg).append(" ip saddr ").append(Ipv4Cidr.parse(cidr)).append(" snat to ")
                            .append(gatewayAddress).append('\n');
                }
            }
        }
    }

    /** The first IPv4 address of the gateway leg, without its prefix length. */
    static String gatewayAddress(RouterSpec router) {
        if (router.gateway() == null) {
            return null;
        }
        return router.gateway().addresses().stream().filter(Ipv4Cidr::isIpv4).map(c -> c.split("/")[0]).findFirst()
                .orElse(null);
    }
}
