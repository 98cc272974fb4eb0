/** The compute service's persistence port: transactions over flavors, keypairs, servers, hosts and quotas. */
package dev.kumo.core.compute.store;
