package dev.kumo.api.image;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.core.image.Formats;
import java.util.List;

/**
 * The JSON schemas Glance serves at {@code /v2/schemas/*}: the image schema is Glance's base properties plus the
 * custom properties of its default {@code schema-image.json} (marked {@code is_base: false}), permissive
 * (additional properties are strings); the glance CLI builds its commands and validates input from it.
 */
final class ImageSchemas {
    private static final String UUID_PATTERN =
            "^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$";
    private static final String KEYS_DOC = "https://docs.openstack.org/python-glanceclient/latest/cli/property-keys.html";

    private ImageSchemas() {}

    static ObjectNode image() {
        var schema = Json.object().put("name", "image");
        schema.set("properties", imageProperties());
        schema.putObject("additionalProperties").put("type", "string");
        schema.set("links", links("self", "{self}", "enclosure", "{file}", "describedby", "{schema}"));
        return schema;
    }

    static ObjectNode images() {
        return collection("images", image());
    }

    static ObjectNode member() {
        var p = Json.object();
        p.putObject("member_id").put("type", "string").put("description", "An identifier for the image member (tenantId)");
        p.putObject("image_id").put("type", "string").put("description", "An identifier for the image")
                .put("pattern", UUID_PATTERN);
        p.putObject("created_at").put("type", "string").put("description", "Date and time of image member creation");
        p.putObject("updated_at").put("type", "string")
                .put("description", "Date and time of last modification of image member");
        var status = p.putObject("status").put("type", "string").put("description", "The status of this image member");
        status.set("enum", strings(List.of("pending", "accepted", "rejected")));
        p.putObject("schema").put("type", "string");
        var schema = Json.object().put("name", "member");
        schema.set("properties", p);
        schema.put("additionalProperties", false);
        return schema;
    }

    static ObjectNode members() {
        return collection("members", member());
    }

    private static ObjectNode collection(String name, ObjectNode item) {
        var schema = Json.object().put("name", name);
        var p = schema.putObject("properties");
        p.putObject(name).put("type", "array").set("items", item);
        p.putObject("first").put("type", "string");
        p.putObject("next").put("type", "string");
        p.putObject("schema").put("type", "string");
        schema.set("links", links("first", "{first}", "next", "{next}", "describedby", "{schema}"));
        return schema;
    }

    private static ObjectNode imageProperties() {
        var p = Json.object();
        p.putObject("id").put("type", "string").put("description", "An identifier for the image").put("pattern", UUID_PATTERN);
        nullable(p, "name", "Descriptive name for the image").put("maxLength", 255);
        readOnly(p.putObject("status").put("type", "string"), "Status of the image").set("enum", strings(List.of(
                "queued", "saving", "active", "killed", "deleted", "uploading", "importing", "pending_delete",
                "deactivated")));
        p.putObject("visibility").put("type", "string").put("description", "Scope of image accessibility")
                .set("enum", strings(List.of("community", "public", "private", "shared")));
        p.putObject("protected").put("type", "boolean").put("description", "If true, image will not be deletable.");
        p.putObject("os_hidden").put("type", "boolean")
                .put("description", "If true, image will not appear in default image list response.");
        readOnly(nullable(p, "checksum", "md5 hash of image contents.").put("maxLength", 32), null);
        readOnly(nullable(p, "os_hash_algo", "Algorithm to calculate the os_hash_value").put("maxLength", 64), null);
        readOnly(nullable(p, "os_hash_value", "Hexdigest of the image contents using the algorithm specified by the "
                + "os_hash_algo").put("maxLength", 128), null);
        nullable(p, "owner", "Owner of the image").put("maxLength", 255);
        readOnly(nullableInteger(p, "size", "Size of image file in bytes"), null);
        readOnly(nullableInteger(p, "virtual_size", "Virtual size of image in bytes"), null);
        formats(nullable(p, "container_format", "Format of the container"), Formats.CONTAINER);
        formats(nullable(p, "disk_format", "Format of the disk"), Formats.DISK);
        readOnly(p.putObject("created_at").put("type", "string"), "Date and time of image registration");
        readOnly(p.putObject("updated_at").put("type", "string"), "Date and time of the last image modification");
        var tags = p.putObject("tags").put("type", "array").put("description", "List of strings related to the image");
        tags.putObject("items").put("type", "string").put("maxLength", 255);
        readOnly(p.putObject("direct_url").put("type", "string"), "URL to access the image file kept in external store");
        p.putObject("min_ram").put("type", "integer").put("description", "Amount of ram (in MB) required to boot image.");
        p.putObject("min_disk").put("type", "integer")
                .put("description", "Amount of disk space (in GB) required to boot image.");
        readOnly(p.putObject("self").put("type", "string"), "An image self url");
        readOnly(p.putObject("file").put("type", "string"), "An image file url");
        readOnly(p.putObject("stores").put("type", "string"), "Store in which image data resides.  Only present when "
                + "the operator has enabled multiple stores.  May be a comma-separated list of store identifiers.");
        readOnly(p.putObject("schema").put("type", "string"), "An image schema url");
        locations(p);
        customProperties(p);
        return p;
    }

    private static void locations(ObjectNode p) {
        var locations = p.putObject("locations").put("type", "array");
        var item = locations.putObject("items").put("type", "object");
        var props = item.putObject("properties");
        props.putObject("url").put("type", "string").put("maxLength", 255);
        props.putObject("metadata").put("type", "object");
        var validation = props.putObject("validation_data").put("description", "Values to be used to populate the "
                + "corresponding image properties. If the image status is not 'queued', values must exactly match "
                + "those already contained in the image properties.").put("type", "object").put("writeOnly", true)
                .put("additionalProperties", false);
        var v = validation.putObject("properties");
        v.putObject("checksum").put("type", "string").put("minLength", 32).put("maxLength", 32);
        v.putObject("os_hash_algo").put("type", "string").put("maxLength", 64);
        v.putObject("os_hash_value").put("type", "string").put("maxLength", 128);
        validation.set("required", strings(List.of("os_hash_algo", "os_hash_value")));
        item.set("required", strings(List.of("url", "metadata")));
        locations.put("description", "A set of URLs to access the image file kept in external store");
    }

    /** Glance's default etc/schema-image.json. */
    private static void customProperties(ObjectNode p) {
        for (String id : List.of("kernel_id", "ramdisk_id")) {
            var node = p.putObject(id);
            node.set("type", strings(List.of("null", "string")));
            node.put("pattern", UUID_PATTERN).put("description", "ID of image stored in Glance that should be used as the "
                    + (id.equals("kernel_id") ? "kernel" : "ramdisk") + " when booting an AMI-style image.")
                    .put("is_base", false);
        }
        custom(p, "instance_uuid", "Metadata which can be used to record which instance this image is associated "
                + "with. (Informational only, does not create an instance snapshot.)");
        custom(p, "architecture", "Operating system architecture as specified in " + KEYS_DOC);
        custom(p, "os_distro", "Common name of operating system distribution as specified in " + KEYS_DOC);
        custom(p, "os_version", "Operating system version as specified by the distributor.");
        custom(p, "description", "A human-readable string describing this image.");
    }

    private static void custom(ObjectNode p, String name, String description) {
        p.putObject(name).put("description", description).put("type", "string").put("is_base", false);
    }

    private static ObjectNode nullable(ObjectNode p, String name, String description) {
        var node = p.putObject(name);
        node.set("type", strings(List.of("null", "string")));
        return node.put("description", description);
    }

    private static ObjectNode nullableInteger(ObjectNode p, String name, String description) {
        var node = p.putObject(name);
        node.set("type", strings(List.of("null", "integer")));
        return node.put("description", description);
    }

    private static ObjectNode readOnly(ObjectNode node, String description) {
        node.put("readOnly", true);
        if (description != null) {
            node.put("description", description);
        }
        return node;
    }

    private static void formats(ObjectNode node, List<String> values) {
        ArrayNode e = node.putArray("enum");
        e.addNull();
        values.forEach(e::add);
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = Json.array();
        values.forEach(a::add);
        return a;
    }

    private static ArrayNode links(String... relHref) {
        ArrayNode a = Json.array();
        for (int i = 0; i < relHref.length; i += 2) {
            a.addObject().put("rel", relHref[i]).put("href", relHref[i + 1]);
        }
        return a;
    }
}
