/**
 * The metadata service and the config drive: what a guest learns about itself (its id, name, keys, user data,
 * network), in Nova's OpenStack and EC2 formats. The same documents are served over HTTP on a unix-domain
 * socket (reached through the haproxy of a router or DHCP namespace, which sets the caller's address and the
 * router or network it came through) and written as files onto the config drive.
 */
package dev.kumo.server.metadata;
