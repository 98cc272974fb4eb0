/**
 * Neutron's network-ip-availability extension: per network and subnet, how many addresses the allocation
 * pools hold and how many are allocated, for admins, counted in the database.
 */
package dev.kumo.core.network.ipavailability;
