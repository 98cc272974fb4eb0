package dev.kumo.core.network.router;

import dev.kumo.model.network.HostRoute;
import java.util.List;

/**
 * A router create or update as the API received it; null means "not given". {@code gatewayGiven} tells an
 * absent {@code external_gateway_info} from an explicit null or {} (which clears the gateway).
 */
public record RouterRequest(String name, String description, String projectId, Boolean adminStateUp,
                            boolean gatewayGiven, GatewayRequest gateway, List<HostRoute> routes, Boolean distributed,
                            Boolean ha, List<String> tags) {
}
