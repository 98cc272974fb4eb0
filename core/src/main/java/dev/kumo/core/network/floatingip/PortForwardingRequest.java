package dev.kumo.core.network.floatingip;

/** A port forwarding to create, or the changes to one: null means "not given". */
public record PortForwardingRequest(String internalPortId, String internalIpAddress, Integer internalPort,
                                    Integer externalPort, String protocol, String description) {
}
