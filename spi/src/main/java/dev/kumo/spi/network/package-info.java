/**
 * The contract between the network service and the data path: {@link dev.kumo.spi.network.NetworkDriver}
 * and the records it takes and returns. The network service keeps the desired state in the database and
 * calls the driver after each commit and when it reconciles; the driver makes the host match it (Linux
 * bridges, namespaces and dnsmasq in the real driver; a record of what would be done in the fake one).
 */
package dev.kumo.spi.network;
