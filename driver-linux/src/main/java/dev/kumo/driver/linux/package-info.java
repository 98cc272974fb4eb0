/**
 * The Linux data path behind {@link dev.kumo.spi.network.NetworkDriver}, Neutron linuxbridge style: a bridge
 * per network in the root namespace, {@code qdhcp-} namespaces running dnsmasq, {@code qrouter-} namespaces
 * with nftables NAT, haproxy metadata proxies, and nftables security groups. Every host object is named after
 * its owner's id, every ruleset is generated whole in Java and applied atomically with {@code nft -f -}.
 */
package dev.kumo.driver.linux;
