package dev.kumo.core.network.port;

import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.ip.Cidr;
import dev.kumo.core.network.ip.IpAddress;
import dev.kumo.core.network.ip.MacAddress;
import dev.kumo.model.network.AddressPair;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Neutron's port attribute validations, with its wording. Pure functions. */
public final class PortRules {
    public static final List<String> VNIC_TYPES = List.of("normal", "direct", "macvtap", "baremetal",
            "direct-physical", "virtio-forwarder", "smart-nic", "vdpa", "remote-managed");
    private static final Pattern DNS_LABEL = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private PortRules() {}

    public static String mac(String text) {
        return MacAddress.normalise(text).orElseThrow(() ->
                NeutronErrors.invalidAttribute("mac_address", "'" + text + "' is not a valid MAC address"));
    }

    public static String vnicType(String type) {
        if (type != null && !VNIC_TYPES.contains(type)) {
            throw NeutronErrors.invalidAttribute("binding:vnic_type", "'" + type + "' is not in " + VNIC_TYPES);
        }
        return type == null ? "normal" : type;
    }

    /** The pairs, each an address or CIDR with a MAC (the port's when omitted), no duplicates, at most {@code max}. */
    public static List<AddressPair> addressPairs(List<AddressPairRequest> requested, String portMac, int max) {
        if (requested.size() > max) {
            throw NeutronErrors.typed(400, "AllowedAddressPairExhausted",
                    "The number of allowed address pair exceeds the maximum %d.", max);
        }
        Set<AddressPair> seen = new HashSet<>();
        List<AddressPair> out = new ArrayList<>();
        for (AddressPairRequest pair : requested) {
            String ip = pair.ipAddress();
            boolean valid = ip.contains("/") ? Cidr.tryParse(ip).isPresent() : IpAddress.tryParse(ip).isPresent();
            if (!valid) {
                throw NeutronErrors.invalidAttribute("allowed_address_pairs",
                        "'" + ip + "' is not a valid IP address or CIDR");
            }
            String mac = pair.macAddress() == null ? portMac : mac(pair.macAddress());
            AddressPair normalised = new AddressPair(ip, mac);
            if (!seen.add(normalised)) {
                throw NeutronErrors.typed(400, "DuplicateAddressPairInRequest",
                        "Request contains duplicate address pair: mac_address %s ip_address %s.", mac, ip);
            }
            out.add(normalised);
        }
        return out;
    }

    /** A host name, or a dotted name of such labels (at most 255 characters); empty clears it. */
    public static String dnsName(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        String bare = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        boolean valid = name.length() <= 255 && !bare.isEmpty();
        for (String label : bare.split("\\.", -1)) {
            valid &= DNS_LABEL.matcher(label).matches();
        }
        if (!valid) {
            throw NeutronErrors.invalidAttribute("dns_name", "'" + name + "' not a valid PQDN or FQDN. Reason: labels "
                    + "are 1 to 63 letters, digits and hyphens, neither starting nor ending with a hyphen");
        }
        return name;
    }

    public static List<String> securityGroups(List<String> ids) {
        return ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
    }
}
