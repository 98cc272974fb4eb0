package dev.kumo.core.network.router;

import dev.kumo.core.network.ipam.FixedIpRequest;
import java.util.List;

/** {@code external_gateway_info} as asked for; {@code enableSnat} and {@code fixedIps} may be null. */
public record GatewayRequest(String networkId, Boolean enableSnat, List<FixedIpRequest> fixedIps) {
}
