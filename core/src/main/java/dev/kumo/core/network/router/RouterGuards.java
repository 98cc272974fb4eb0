package dev.kumo.core.network.router;

import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.model.network.Router;

/**
 * What must not go while something depends on it. Floating IPs come with their own table; until then a
 * gateway has nothing depending on it.
 */
final class RouterGuards {
    private RouterGuards() {}

    /** Refuses clearing or moving the gateway of a router that floating IPs route through (409). */
    static void gatewayRemovable(NetworkTx tx, Router router) {
        // No floating IPs yet.
    }
}
