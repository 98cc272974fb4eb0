package dev.kumo.server.metadata;

import static dev.kumo.server.metadata.OpenStackVersions.GRIZZLY;
import static dev.kumo.server.metadata.OpenStackVersions.HAVANA;
import static dev.kumo.server.metadata.OpenStackVersions.LIBERTY;
import static dev.kumo.server.metadata.OpenStackVersions.NEWTON_ONE;
import static dev.kumo.server.metadata.OpenStackVersions.NEWTON_TWO;
import static dev.kumo.server.metadata.OpenStackVersions.VICTORIA;
import static dev.kumo.server.metadata.OpenStackVersions.atLeast;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kumo.api.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenStack-format documents of one instance, as Nova renders them for a version (already resolved from
 * {@code latest}): meta_data.json, the version directory's listing and the vendor data.
 */
public final class OpenStackDocuments {
    public static final String META_DATA = "meta_data.json";
    public static final String USER_DATA = "user_data";
    public static final String PASSWORD = "password";
    public static final String VENDOR_DATA = "vendor_data.json";
    public static final String VENDOR_DATA2 = "vendor_data2.json";
    public static final String NETWORK_DATA = "network_data.json";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RANDOM_SEED_BYTES = 512;

    private OpenStackDocuments() {}

    /** meta_data.json, with the keys in Nova's order; {@code random_seed} is fresh on every call, as in Nova. */
    public static byte[] metaData(InstanceFacts facts, String version) {
        var md = new LinkedHashMap<String, Object>();
        md.put("uuid", facts.uuid());
        if (!facts.meta().isEmpty()) {
            md.put("meta", facts.meta());
        }
        if (facts.keyName() != null && facts.publicKey() != null) {
            md.put("public_keys", Map.of(facts.keyName(), facts.publicKey()));
            md.put("keys", List.of(Map.of("name", facts.keyName(), "type", facts.keyType(), "data", facts.publicKey())));
        }
        md.put("hostname", facts.hostname());
        md.put("name", facts.name());
        md.put("launch_index", facts.launchIndex());
        md.put("availability_zone", facts.availabilityZone());
        if (atLeast(version, GRIZZLY)) {
            byte[] seed = new byte[RANDOM_SEED_BYTES];
            RANDOM.nextBytes(seed);
            md.put("random_seed", Base64.getEncoder().encodeToString(seed));
        }
        if (atLeast(version, LIBERTY)) {
            md.put("project_id", facts.projectId());
        }
        if (atLeast(version, NEWTON_ONE)) {
            md.put("devices", List.of());
        }
        if (atLeast(version, VICTORIA)) {
            md.put("dedicated_cpus", List.of());
        }
        return json(md);
    }

    /** What {@code GET /openstack/<version>} lists. */
    public static List<String> versionListing(InstanceFacts facts, String version) {
        var names = new ArrayList<String>();
        names.add(META_DATA);
        if (facts.userData() != null) {
            names.add(USER_DATA);
        }
        if (atLeast(version, GRIZZLY)) {
            names.add(PASSWORD);
        }
        if (atLeast(version, HAVANA)) {
            names.add(VENDOR_DATA);
        }
        if (atLeast(version, LIBERTY)) {
            names.add(NETWORK_DATA);
        }
        if (atLeast(version, NEWTON_TWO)) {
            names.add(VENDOR_DATA2);
        }
        return names;
    }

    /** Vendor data: kumo has no vendor data providers, so both documents are empty objects. */
    public static byte[] vendorData() {
        return "{}".getBytes(StandardCharsets.UTF_8);
    }

    static byte[] json(Object value) {
        try {
            return Json.MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render metadata as JSON: " + e.getMessage(), e);
        }
    }
}
