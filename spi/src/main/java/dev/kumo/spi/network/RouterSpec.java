package dev.kumo.spi.network;

import java.util.List;
import java.util.Objects;

/**
 * One router as the data path needs it: a namespace ({@code qrouter-<router id>}) with a {@code qr-} leg per
 * interface, a {@code qg-} leg on the external network when it has a gateway (SNAT of the interfaces' subnets
 * out of the gateway address when {@code enableSnat}), and its static routes.
 *
 * @param gateway null when the router has no external gateway
 */
public record RouterSpec(String routerId, boolean adminStateUp, RouterLeg gateway, boolean enableSnat,
                         List<RouterLeg> interfaces, List<Route> routes) {
    public RouterSpec {
        Objects.requireNonNull(routerId, "routerId");
        interfaces = List.copyOf(interfaces);
        routes = List.copyOf(routes);
    }
}
