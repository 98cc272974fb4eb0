package dev.kumo.core.network.network;

import dev.kumo.core.network.NetworkSettings;
import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.store.NetworkRepository;
import dev.kumo.model.network.Segment;
import dev.kumo.spi.network.NetworkDriverCapabilities;
import dev.kumo.spi.network.NetworkType;
import java.util.Objects;

/**
 * Decides a new network's segment: tenant networks get the next free segmentation id of the configured
 * type from its pool; provider networks get what the admin named, if it is valid and free. Runs inside the
 * write transaction, which is what keeps two networks from getting the same id.
 */
final class SegmentPlanner {
    static final int VXLAN_OVERHEAD = 50;
    private static final int MAX_VLAN = 4094;
    private static final int MAX_VNI = (1 << 24) - 1;

    private final NetworkSettings settings;
    private final NetworkDriverCapabilities capabilities;

    SegmentPlanner(NetworkSettings settings, NetworkDriverCapabilities capabilities) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
    }

    Segment plan(NetworkRepository networks, NetworkRequest in) {
        if (!in.providerGiven()) {
            return tenantSegment(networks);
        }
        if (in.networkType() == null) {
            throw NeutronErrors.invalidInput("provider:network_type required");
        }
        NetworkType type = NetworkType.fromApiName(in.networkType())
                .filter(capabilities.networkTypes()::contains)
                .orElseThrow(() -> NeutronErrors.invalidInput("network_type value '%s' not supported", in.networkType()));
        return switch (type) {
            case FLAT -> flat(networks, in);
            case VLAN -> vlan(networks, in);
            case VXLAN -> vxlan(networks, in.physicalNetwork(), in.segmentationId());
            case LOCAL -> local(in);
        };
    }

    /** The largest MTU a network on {@code segment} can have. */
    int maxMtu(Segment segment) {
        int physical = Math.min(settings.globalMtu(), capabilities.maxMtu());
        return "vxlan".equals(segment.networkType()) ? physical - VXLAN_OVERHEAD : physical;
    }

    private Segment tenantSegment(NetworkRepository networks) {
        String type = settings.tenantNetworkType();
        if (type.equals("local") || type.equals("flat")) {
            return new Segment(type, type.equals("flat") ? settings.physicalNetworks().getFirst() : null, null);
        }
        int id = networks.freeSegmentationId(type, settings.tenantSegmentMin(), settings.tenantSegmentMax())
                .orElseThrow(() -> NeutronErrors.typed(503, "NoNetworkAvailable",
                        "Unable to create the network. No tenant network is available for allocation."));
        return new Segment(type, type.equals("vlan") ? settings.physicalNetworks().getFirst() : null, id);
    }

    private Segment flat(NetworkRepository networks, NetworkRequest in) {
        if (in.segmentationId() != null) {
            throw NeutronErrors.invalidInput("segmentation_id specified for flat provider network");
        }
        String physnet = physicalNetwork(in.physicalNetwork(), "flat");
        if (networks.segmentInUse("flat", physnet, null)) {
            throw NeutronErrors.conflict("FlatNetworkInUse",
                    "Unable to create the flat network. Physical network %s is in use.", physnet);
        }
        return new Segment("flat", physnet, null);
    }

    private Segment vlan(NetworkRepository networks, NetworkRequest in) {
        String physnet = physicalNetwork(in.physicalNetwork(), "vlan");
        Integer vlan = in.segmentationId();
        if (vlan == null) {
            throw NeutronErrors.invalidInput("segmentation_id required for VLAN provider network");
        }
        if (vlan < 1 || vlan > MAX_VLAN) {
            throw NeutronErrors.invalidInput("segmentation_id out of range (1 through %d)", MAX_VLAN);
        }
        if (networks.segmentInUse("vlan", physnet, vlan)) {
            throw NeutronErrors.conflict("VlanIdInUse",
                    "Unable to create the network. The VLAN %d on physical network %s is in use.", vlan, physnet);
        }
        return new Segment("vlan", physnet, vlan);
    }

    private Segment vxlan(NetworkRepository networks, String physnet, Integer vni) {
        if (physnet != null) {
            throw NeutronErrors.invalidInput("provider:physical_network specified for vxlan network");
        }
        if (vni == null) {
            int free = networks.freeSegmentationId("vxlan", settings.tenantSegmentMin(), settings.tenantSegmentMax())
                    .orElseThrow(() -> NeutronErrors.typed(503, "NoNetworkAvailable",
                            "Unable to create the network. No tenant network is available for allocation."));
            return new Segment("vxlan", null, free);
        }
        if (vni < 1 || vni > MAX_VNI) {
            throw NeutronErrors.invalidInput("segmentation_id out of range (1 through %d)", MAX_VNI);
        }
        if (networks.segmentInUse("vxlan", null, vni)) {
            throw NeutronErrors.conflict("TunnelIdInUse", "Unable to create the network. The tunnel ID %d is in use.", vni);
        }
        return new Segment("vxlan", null, vni);
    }

    private static Segment local(NetworkRequest in) {
        if (in.physicalNetwork() != null || in.segmentationId() != null) {
            throw NeutronErrors.invalidInput("provider:physical_network and provider:segmentation_id are not "
                    + "allowed for a local network");
        }
        return new Segment("local", null, null);
    }

    private String physicalNetwork(String physnet, String type) {
        if (physnet == null) {
            throw NeutronErrors.invalidInput("physical_network required for %s provider network", type);
        }
        if (!settings.physicalNetworks().contains(physnet) || !capabilities.physicalNetworks().contains(physnet)) {
            throw NeutronErrors.invalidInput("physical_network '%s' unknown for %s provider network; this cloud has %s",
                    physnet, type, settings.physicalNetworks());
        }
        return physnet;
    }
}
