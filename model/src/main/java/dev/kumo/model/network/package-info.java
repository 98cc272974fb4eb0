/**
 * The network service's resources as Neutron v2.0 shapes them: networks with their L2 segment, subnets with
 * their allocation pools, ports with their fixed IPs, security settings and host binding, and the
 * "standard attributes" (description, tags, revision, timestamps) every one of them carries.
 */
package dev.kumo.model.network;
