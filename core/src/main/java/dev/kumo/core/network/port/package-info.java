/**
 * Ports: their MAC (generated under {@code fa:16:3e}, unique on the network), fixed IPs (from IPAM), port
 * security with security groups and allowed address pairs, host binding, and the data path status.
 */
package dev.kumo.core.network.port;
