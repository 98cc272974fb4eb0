/**
 * IP address management: which addresses a port gets, chosen inside the write transaction that stores the
 * port. Writes are serialised and the database refuses a second allocation of an address on a subnet, so an
 * address is never handed out twice.
 */
package dev.kumo.core.network.ipam;
