package dev.kumo.core.network.floatingip;

import java.util.List;

/**
 * A floating IP create or update as the API received it; null means "not given". {@code portGiven} tells an
 * absent {@code port_id} from an explicit null (which disassociates).
 */
public record FloatingIpRequest(String floatingNetworkId, String floatingIpAddress, String subnetId, String projectId,
                                boolean portGiven, String portId, String fixedIpAddress, String description,
                                List<String> tags) {
}
