package dev.kumo.core.network.router;

/** The body of add/remove_router_interface: exactly one of a subnet or a port (remove accepts both). */
public record InterfaceRequest(String subnetId, String portId) {
}
