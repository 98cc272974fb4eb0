/**
 * The network service (Neutron v2.0): networks, subnets, IPAM, ports and quotas, each in its feature package.
 * Every change is validated and persisted in one write transaction of the {@code NetworkStore} (precommit);
 * the data path is touched only after commit, through the driver (postcommit), and resources take their
 * {@code status} from what the driver reports.
 */
package dev.kumo.core.network;
