package dev.kumo.server.metadata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Nova's path lookup ({@code InstanceMetadata.lookup}) for one known instance: {@code /openstack/...} is the
 * OpenStack format, everything else the EC2 format ({@code /} lists the EC2 versions). Trailing slashes do not
 * matter; an unknown path or version is 404.
 */
public final class MetadataLookup {
    private final InstancePasswords passwords;

    public MetadataLookup(InstancePasswords passwords) {
        this.passwords = passwords;
    }

    public MetadataReply get(InstanceFacts facts, String path) {
        List<String> tokens = tokens(path);
        if (tokens.isEmpty() || tokens.equals(List.of("ec2"))) {
            return lines(Ec2Versions.listing());
        }
        if (tokens.getFirst().equals("openstack")) {
            return tokens.size() == 1 ? lines(OpenStackVersions.listing()) : openStack(facts, tokens.subList(1, tokens.size()));
        }
        return ec2(facts, tokens.getFirst().equals("ec2") ? tokens.subList(1, tokens.size()) : tokens);
    }

    /** A POST: only the password can be set; anything else is read as with GET, as Nova does. */
    public MetadataReply post(InstanceFacts facts, String path, byte[] body) {
        List<String> tokens = tokens(path);
        if (tokens.size() == 3 && tokens.get(0).equals("openstack") && tokens.get(2).equals(OpenStackDocuments.PASSWORD)) {
            String version = OpenStackVersions.resolve(tokens.get(1));
            if (version != null && OpenStackVersions.atLeast(version, OpenStackVersions.GRIZZLY)) {
                return passwords.post(facts.uuid(), body);
            }
        }
        return get(facts, path);
    }

    private MetadataReply openStack(InstanceFacts facts, List<String> tokens) {
        String version = OpenStackVersions.resolve(tokens.getFirst());
        if (version == null) {
            return MetadataReply.notFound();
        }
        if (tokens.size() == 1) {
            return lines(OpenStackDocuments.versionListing(facts, version));
        }
        if (tokens.size() > 2) {
            return MetadataReply.notFound();
        }
        boolean listed = OpenStackDocuments.versionListing(facts, version).contains(tokens.get(1));
        return switch (tokens.get(1)) {
            case OpenStackDocuments.META_DATA -> MetadataReply.json(OpenStackDocuments.metaData(facts, version));
            case OpenStackDocuments.USER_DATA -> listed ? MetadataReply.text(facts.userData()) : MetadataReply.notFound();
            case OpenStackDocuments.PASSWORD -> listed
                    ? MetadataReply.text(passwords.get(facts.uuid()).getBytes(StandardCharsets.UTF_8))
                    : MetadataReply.notFound();
            case OpenStackDocuments.VENDOR_DATA, OpenStackDocuments.VENDOR_DATA2 ->
                    listed ? MetadataReply.json(OpenStackDocuments.vendorData()) : MetadataReply.notFound();
            // Nova answers network_data.json as text/plain
            case OpenStackDocuments.NETWORK_DATA -> listed ? MetadataReply.text(NetworkDataDocument.render(facts))
                    : MetadataReply.notFound();
            default -> MetadataReply.notFound();
        };
    }

    private static MetadataReply ec2(InstanceFacts facts, List<String> tokens) {
        String version = Ec2Versions.resolve(tokens.getFirst());
        if (version == null) {
            return MetadataReply.notFound();
        }
        Object node = Ec2Documents.tree(facts, version);
        for (String token : tokens.subList(1, tokens.size())) {
            if (!(node instanceof Map<?, ?> map) || token.equals(Ec2Documents.LISTED_NAME) || !map.containsKey(token)) {
                return MetadataReply.notFound();
            }
            node = map.get(token);
        }
        return MetadataReply.text(Ec2Documents.print(node));
    }

    /** The path's non-empty segments after normalising {@code .} and {@code ..} (posixpath.normpath). */
    static List<String> tokens(String path) {
        var out = new ArrayList<String>();
        for (String part : Arrays.asList((path == null ? "" : path).split("/"))) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty()) {
                    out.removeLast();
                }
                continue;
            }
            out.add(part);
        }
        return out;
    }

    private static MetadataReply lines(List<String> lines) {
        return MetadataReply.text(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }
}
