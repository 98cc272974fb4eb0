package dev.kumo.api.image;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.model.image.Image;
import dev.kumo.model.image.ImageMember;
import dev.kumo.model.image.ImageTask;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Images and members as Glance's serializers write them (links relative to the endpoint, as Glance's are). */
final class ImageViews {
    /** oslo's isotime: whole seconds, UTC, with a Z. */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private ImageViews() {}

    static ObjectNode image(Image i) {
        ObjectNode v = Json.object();
        // custom properties first, then the base attributes (which therefore win over a clash)
        i.properties().forEach(v::put);
        v.put("name", i.name()).put("disk_format", i.diskFormat()).put("container_format", i.containerFormat())
                .put("visibility", i.visibility().wire()).put("size", i.size()).put("virtual_size", i.virtualSize())
                .put("status", i.status().wire()).put("checksum", i.checksum()).put("protected", i.isProtected())
                .put("min_ram", i.minRam()).put("min_disk", i.minDisk()).put("owner", i.owner())
                .put("os_hidden", i.osHidden()).put("os_hash_algo", i.osHashAlgo())
                .put("os_hash_value", i.osHashValue()).put("id", i.id()).put("created_at", time(i.createdAt()))
                .put("updated_at", time(i.updatedAt()));
        var tags = v.putArray("tags");
        i.tags().forEach(tags::add);
        if (i.hasData()) {
            // the one store /v2/info/stores lists, as Glance with several stores shows where data lives
            v.put("stores", "file");
        }
        v.put("self", "/v2/images/" + i.id()).put("file", "/v2/images/" + i.id() + "/file")
                .put("schema", "/v2/schemas/image");
        return v;
    }

    static ObjectNode member(ImageMember m) {
        return Json.object().put("member_id", m.memberId()).put("image_id", m.imageId()).put("status", m.status().wire())
                .put("created_at", time(m.createdAt())).put("updated_at", time(m.updatedAt()))
                .put("schema", "/v2/schemas/member");
    }

    /** A task as Glance's {@code tasks_get_by_image} returns it. */
    static ObjectNode task(ImageTask t) {
        var v = Json.object().put("id", t.id()).put("type", ImageTask.TYPE).put("status", t.status())
                .put("owner", t.owner()).put("image_id", t.imageId()).put("request_id", t.requestId())
                .put("user_id", t.userId()).put("message", t.message()).putNull("expires_at")
                .put("created_at", time(t.createdAt())).put("updated_at", time(t.updatedAt())).putNull("deleted_at")
                .put("deleted", false);
        var input = v.putObject("input").put("image_id", t.imageId());
        input.putObject("import_req").putObject("method").put("name", t.importMethod());
        input.putArray("backend").addNull();
        v.putObject("result");
        return v;
    }

    static String time(Instant instant) {
        return instant == null ? null : ISO.format(instant);
    }
}
