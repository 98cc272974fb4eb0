package dev.kumo.server.metadata;

import dev.kumo.spi.compute.ConfigDriveSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The config drive's files, laid out as Nova's {@code metadata_for_config_drive} does: {@code ec2/<version>/meta-data.json}
 * (and {@code user-data}) for 2009-04-04 and latest, and for every OpenStack version and latest
 * {@code openstack/<version>/meta_data.json}, {@code user_data} when there is some, {@code vendor_data.json},
 * {@code network_data.json} and {@code vendor_data2.json} from the versions that introduced them.
 */
public final class ConfigDriveFiles implements ConfigDriveSource {
    private final Function<String, java.util.Optional<InstanceFacts>> facts;

    public ConfigDriveFiles(Function<String, java.util.Optional<InstanceFacts>> facts) {
        this.facts = Objects.requireNonNull(facts, "facts");
    }

    @Override
    public Map<String, byte[]> files(String instanceId) {
        return facts.apply(instanceId).map(ConfigDriveFiles::of).orElse(Map.of());
    }

    /** The files of one instance, relative paths to bytes. */
    public static Map<String, byte[]> of(InstanceFacts facts) {
        var files = new LinkedHashMap<String, byte[]>();
        for (String requested : List.of(Ec2Versions.ALL.getLast(), "latest")) {
            Map<String, Object> tree = Ec2Documents.tree(facts, Ec2Versions.resolve(requested));
            if (facts.userData() != null) {
                files.put("ec2/" + requested + "/user-data", facts.userData());
            }
            @SuppressWarnings("unchecked")
            var metaData = (Map<String, Object>) tree.get("meta-data");
            files.put("ec2/" + requested + "/meta-data.json", OpenStackDocuments.json(Ec2Documents.withoutListedNames(metaData)));
        }
        for (String requested : OpenStackVersions.listing()) {
            String version = OpenStackVersions.resolve(requested);
            String dir = "openstack/" + requested + "/";
            files.put(dir + OpenStackDocuments.META_DATA, OpenStackDocuments.metaData(facts, version));
            List<String> listed = OpenStackDocuments.versionListing(facts, version);
            if (listed.contains(OpenStackDocuments.USER_DATA)) {
                files.put(dir + OpenStackDocuments.USER_DATA, facts.userData());
            }
            if (listed.contains(OpenStackDocuments.VENDOR_DATA)) {
                files.put(dir + OpenStackDocuments.VENDOR_DATA, OpenStackDocuments.vendorData());
            }
            if (listed.contains(OpenStackDocuments.NETWORK_DATA)) {
                files.put(dir + OpenStackDocuments.NETWORK_DATA, NetworkDataDocument.render(facts));
            }
            if (listed.contains(OpenStackDocuments.VENDOR_DATA2)) {
                files.put(dir + OpenStackDocuments.VENDOR_DATA2, OpenStackDocuments.vendorData());
            }
        }
        return files;
    }
}
