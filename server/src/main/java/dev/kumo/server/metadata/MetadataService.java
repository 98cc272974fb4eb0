package dev.kumo.server.metadata;

import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one forwarded request: identify the instance from what the proxy set (the network id or the router id,
 * and the source address), load its facts, look the path up. A request that
 * identifies no instance gets 404, the same answer as an unknown path, so a guest learns nothing about others.
 */
public final class MetadataService {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataService.class);

    private final InstanceLocator locator;
    private final InstanceFactsLoader facts;
    private final MetadataLookup lookup;

    public MetadataService(InstanceLocator locator, InstanceFactsLoader facts, MetadataLookup lookup) {
        this.locator = Objects.requireNonNull(locator, "locator");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    public MetadataReply answer(MetadataRequest request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD") && !request.method().equals("POST")) {
            return MetadataReply.error(405, "405 Method Not Allowed");
        }
        Optional<InstanceFacts> instance = instance(request).flatMap(facts::load);
        if (instance.isEmpty()) {
            LOG.info("metadata {} {} from {} (router {}, network {}): no such instance", request.method(),
                    request.path(), request.forwardedFor(), request.routerId(), request.networkId());
            return MetadataReply.notFound();
        }
        MetadataReply reply = request.method().equals("POST")
                ? lookup.post(instance.get(), request.path(), request.body())
                : lookup.get(instance.get(), request.path());
        LOG.debug("metadata {} {} for instance {} from {}: {}", request.method(), request.path(), instance.get().uuid(),
                request.forwardedFor(), reply.status());
        return reply;
    }

    private Optional<String> instance(MetadataRequest request) {
        String source = request.forwardedFor();
        // the proxy sets exactly one address; a list means the header was not set by it
        if (source == null || source.isBlank() || source.contains(",")) {
            return Optional.empty();
        }
        source = source.trim();
        // a proxy names its router or its network, never both: both means one came from the guest (the proxy
        // must delete the other header, as Neutron's does), and trusting it could answer with another tenant's data
        if (present(request.networkId()) && present(request.routerId())) {
            LOG.warn("metadata request from {} names both router {} and network {}: the proxy must remove the other "
                    + "header; refused", source, request.routerId(), request.networkId());
            return Optional.empty();
        }
        if (present(request.networkId())) {
            return locator.viaNetwork(request.networkId().trim(), source);
        }
        if (present(request.routerId())) {
            return locator.viaRouter(request.routerId().trim(), source);
        }
        return Optional.empty();
    }

    private static boolean present(String header) {
        return header != null && !header.isBlank();
    }
}
