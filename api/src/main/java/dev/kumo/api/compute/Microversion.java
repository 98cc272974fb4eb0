package dev.kumo.api.compute;

import dev.kumo.model.error.CloudError;
import io.javalin.http.Context;

/**
 * A compute API microversion. Clients ask with {@code OpenStack-API-Version: compute 2.79} or the older
 * {@code X-OpenStack-Nova-API-Version: 2.79}; none means 2.1, "latest" the maximum. kumo honours up to
 * {@link #MAX}: the response differences that matter up to there are implemented (embedded flavor from
 * 2.47, locked from 2.9, description from 2.19, tags from 2.26, keypair type from 2.2 and user_id from 2.10).
 */
public record Microversion(int major, int minor) implements Comparable<Microversion> {
    public static final Microversion MIN = new Microversion(2, 1);
    public static final Microversion MAX = new Microversion(2, 79);
    private static final String ATTRIBUTE = "compute.microversion";

    public static Microversion of(Context ctx) {
        Microversion v = ctx.attribute(ATTRIBUTE);
        return v == null ? MIN : v;
    }

    public boolean atLeast(int maj, int min) {
        return compareTo(new Microversion(maj, min)) >= 0;
    }

    @Override
    public int compareTo(Microversion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }

    /** Before every compute route: negotiates, remembers the version, and says which one answers. */
    static void negotiate(Context ctx) {
        ctx.header("Vary", "OpenStack-API-Version, X-OpenStack-Nova-API-Version");
        Microversion v = requested(ctx);
        ctx.attribute(ATTRIBUTE, v);
        ctx.header("OpenStack-API-Version", "compute " + v);
        ctx.header("X-OpenStack-Nova-API-Version", v.toString());
        // Nova repeats the request id under its own name; clients (tempest's instance actions) read it
        ctx.header("x-compute-request-id", dev.kumo.api.http.RequestIds.of(ctx));
    }

    private static Microversion requested(Context ctx) {
        String text = null;
        String modern = ctx.header("OpenStack-API-Version");
        if (modern != null) {
            for (String part : modern.split(",")) {
                String[] words = part.trim().split("\\s+");
                if (words.length == 2 && words[0].equalsIgnoreCase("compute")) {
                    text = words[1];
                }
            }
        }
        if (text == null) {
            text = ctx.header("X-OpenStack-Nova-API-Version");
        }
        if (text == null) {
            return MIN;
        }
        if (text.equalsIgnoreCase("latest")) {
            return MAX;
        }
        Microversion v = parse(text);
        if (v.compareTo(MIN) < 0 || v.compareTo(MAX) > 0) {
            throw new CloudError.OverLimit("HTTPNotAcceptable", "Version " + text
                    + " is not supported by the API. Minimum is " + MIN + " and maximum is " + MAX + ".", 406).exception();
        }
        return v;
    }

    private static Microversion parse(String text) {
        String[] parts = text.trim().split("\\.");
        try {
            if (parts.length == 2) {
                return new Microversion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException e) {
            // falls through to the 400
        }
        throw new CloudError.BadRequest("badRequest", "API Version String " + text + " is of invalid format. Must be of format MajorNum.MinorNum.").exception();
    }
}
