package dev.kumo.api.image;

import dev.kumo.core.image.ImageFilter;
import dev.kumo.core.image.store.SortKey;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.image.MemberStatus;
import dev.kumo.model.image.Visibility;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The query string of {@code GET /v2/images}, parsed and checked as Glance does. */
final class ImageListParams {
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 1000;
    private static final Set<String> NOT_PROPERTIES = Set.of("limit", "marker", "member_status", "tag", "sort",
            "sort_key", "sort_dir", "visibility", "os_hidden", "protected", "name", "status", "owner", "disk_format",
            "container_format", "size", "size_min", "size_max", "checksum", "os_hash_value", "id", "changes-since",
            "created_at", "updated_at");

    private ImageListParams() {}

    static ImageFilter parse(Context ctx) {
        Map<String, List<String>> q = ctx.queryParamMap();
        if (q.containsKey("changes-since")) {
            throw CloudError.badRequest("The \"changes-since\" filter is no longer available on v2.");
        }
        String visibility = one(q, "visibility");
        Visibility parsed = null;
        if (visibility != null && !visibility.equals("all")) {
            parsed = Visibility.parse(visibility);
            if (parsed == null) {
                throw CloudError.badRequest("Invalid visibility value: %s", visibility);
            }
        }
        String memberStatus = one(q, "member_status");
        MemberStatus status = MemberStatus.ACCEPTED;
        if (memberStatus != null) {
            status = memberStatus.equals("all") ? null : MemberStatus.parse(memberStatus);
            if (status == null && !memberStatus.equals("all")) {
                throw CloudError.badRequest("Invalid status: %s", memberStatus);
            }
        }
        Map<String, String> properties = new LinkedHashMap<>();
        q.forEach((k, v) -> {
            if (!NOT_PROPERTIES.contains(k) && !v.isEmpty()) {
                properties.put(k, v.getFirst());
            }
        });
        return new ImageFilter(parsed, "all".equals(visibility), status, in(one(q, "id")), names(one(q, "name")),
                one(q, "status"), one(q, "owner"), one(q, "disk_format"), one(q, "container_format"),
                size(q, "size"), size(q, "size_min"), size(q, "size_max"), one(q, "checksum"), one(q, "os_hash_value"),
                trueFalse(q, "protected", null),
                Boolean.TRUE.equals(trueFalse(q, "os_hidden", false)), q.getOrDefault("tag", List.of()), properties,
                sort(q), one(q, "marker"), limit(one(q, "limit")));
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw CloudError.badRequest("limit param must be an integer");
        }
        if (limit < 0) {
            throw CloudError.badRequest("limit param must be positive");
        }
        return Math.min(limit, MAX_LIMIT);
    }

    private static List<SortKey> sort(Map<String, List<String>> q) {
        List<String> keys = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        if (q.containsKey("sort")) {
            if (q.containsKey("sort_key") || q.containsKey("sort_dir")) {
                throw CloudError.badRequest("Old and new sorting syntax cannot be combined");
            }
            for (String part : one(q, "sort").strip().split(",")) {
                String[] kv = part.split(":", 2);
                keys.add(kv[0].strip());
                dirs.add(kv.length > 1 && !kv[1].isBlank() ? kv[1].strip() : "desc");
            }
        } else {
            q.getOrDefault("sort_key", List.of()).forEach(k -> keys.add(k.strip()));
            q.getOrDefault("sort_dir", List.of()).forEach(d -> dirs.add(d.strip()));
            if (dirs.size() > 1 && dirs.size() != keys.size()) {
                throw CloudError.badRequest("Number of sort dirs does not match the number of sort keys");
            }
        }
        if (keys.isEmpty()) {
            keys.add("created_at");
        }
        List<SortKey> sort = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            SortKey.Field field = SortKey.Field.parse(keys.get(i));
            if (field == null) {
                throw CloudError.badRequest("Invalid sort key: %s. It must be one of the following: name, status, "
                        + "container_format, disk_format, size, id, created_at, updated_at.", keys.get(i));
            }
            String dir = dirs.isEmpty() ? "desc" : dirs.size() == 1 ? dirs.getFirst() : dirs.get(i);
            if (!dir.equals("asc") && !dir.equals("desc")) {
                throw CloudError.badRequest("Invalid sort direction: %s", dir);
            }
            sort.add(new SortKey(field, dir.equals("asc")));
        }
        return sort;
    }

    private static Long size(Map<String, List<String>> q, String name) {
        String value = one(q, name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw CloudError.badRequest("Invalid value for %s: %s; it must be an integer.", name, value);
        }
    }

    private static Boolean trueFalse(Map<String, List<String>> q, String name, Boolean absent) {
        String value = one(q, name);
        if (value == null) {
            return absent;
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw CloudError.badRequest("Invalid value '%s' for '%s' filter. Valid values are 'true' or "
                    + "'false'.", value, name);
        };
    }

    /** {@code id=in:a,b} lists several ids; a plain value is one. */
    private static List<String> in(String value) {
        if (value == null) {
            return null;
        }
        return value.startsWith("in:") ? splitQuoted(value.substring(3)) : List.of(value);
    }

    private static List<String> names(String value) {
        return in(value);
    }

    /** Comma-separated values where a double-quoted value may contain commas. */
    static List<String> splitQuoted(String text) {
        List<String> out = new ArrayList<>();
        var current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString());
        return out;
    }

    private static String one(Map<String, List<String>> q, String name) {
        List<String> values = q.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
