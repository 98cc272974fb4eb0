package dev.kumo.api.image;

import dev.kumo.api.http.Callers;
import dev.kumo.api.http.RequestIds;
import dev.kumo.core.image.ByteRange;
import dev.kumo.core.image.ImageDownload;
import dev.kumo.core.image.RangeNotSatisfiable;
import dev.kumo.model.error.CloudError;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Image bytes: {@code PUT /file} and {@code PUT /stage} read the raw request stream (never {@code ctx.body()},
 * so the server's request size limit does not apply and nothing is held in memory); {@code GET /file} streams
 * the file to the raw response with {@code Content-MD5}, answering a single {@code Range} with 206.
 * {@code POST /import} imports staged bytes (glance-direct).
 */
final class ImageDataHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ImageDataHandler.class);
    private static final String BASE = ImageApi.V2 + "/images/{id}";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final int BUFFER = 256 * 1024;

    private final ImageServices services;
    private final Callers callers;
    private final GlanceFaults faults;

    ImageDataHandler(ImageServices services, Callers callers, GlanceFaults faults) {
        this.services = services;
        this.callers = callers;
        this.faults = faults;
    }

    void register(RoutesConfig routes) {
        routes.put(BASE + "/file", this::upload);
        routes.get(BASE + "/file", this::download);
        routes.put(BASE + "/stage", this::stage);
        routes.post(BASE + "/import", this::importStaged);
    }

    private void upload(Context ctx) throws IOException {
        var caller = callers.require(ctx);
        requireOctetStream(ctx);
        try (InputStream in = ctx.req().getInputStream()) {
            services.data().upload(caller, ctx.pathParam("id"), in, declaredLength(ctx));
        }
        ctx.status(204);
    }

    private void stage(Context ctx) throws IOException {
        var caller = callers.require(ctx);
        requireOctetStream(ctx);
        try (InputStream in = ctx.req().getInputStream()) {
            services.data().stage(caller, ctx.pathParam("id"), in, declaredLength(ctx));
        }
        ctx.status(204);
    }

    private void importStaged(Context ctx) {
        var caller = callers.require(ctx);
        var body = ImageRequests.object(ctx);
        var method = body.get("method");
        if (method == null || !method.isObject()) {
            throw CloudError.badRequest("Import request requires a 'method' field.");
        }
        if (!method.path("name").isTextual()) {
            throw CloudError.badRequest("Import request requires a 'name' field.");
        }
        services.data().importStaged(caller, ctx.pathParam("id"), method.get("name").asText(), RequestIds.of(ctx));
        ctx.status(202);
    }

    private void download(Context ctx) throws IOException {
        var caller = callers.require(ctx);
        ImageDownload download;
        try {
            download = services.data().download(caller, ctx.pathParam("id"), range(ctx.header("Range")));
        } catch (RangeNotSatisfiable e) {
            ctx.header("Content-Range", "bytes */" + e.total());
            faults.render(ctx, 416, e.getMessage());
            return;
        }
        if (download == null) {
            ctx.status(204);
            return;
        }
        try (InputStream in = download.data()) {
            var res = ctx.res();
            boolean partial = download.length() != download.total();
            res.setStatus(partial ? 206 : 200);
            res.setContentType("application/octet-stream");
            res.setHeader("Content-MD5", download.image().checksum());
            res.setContentLengthLong(download.length());
            if (partial) {
                res.setHeader("Content-Range", "bytes " + download.offset() + "-"
                        + (download.offset() + download.length() - 1) + "/" + download.total());
            }
            copy(in, res.getOutputStream());
        }
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
            out.flush();
        } catch (IOException e) {
            // the client went away; the response is already under way, so there is nothing to answer
            LOG.debug("Image download interrupted: {}", e.toString());
        }
    }

    /** A single {@code bytes=} range; anything else (several ranges, other units) means the whole data. */
    static ByteRange range(String header) {
        if (header == null) {
            return ByteRange.ALL;
        }
        Matcher m = RANGE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return ByteRange.ALL;
        }
        if (m.group(1).isEmpty()) {
            return new ByteRange(null, null, Long.parseLong(m.group(2)));
        }
        return new ByteRange(Long.parseLong(m.group(1)), m.group(2).isEmpty() ? null : Long.parseLong(m.group(2)), null);
    }

    private static void requireOctetStream(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].strip();
        if (!type.equals("application/octet-stream")) {
            throw new CloudError.UnsupportedMediaType("UnsupportedMediaType", "The request media type " + type
                    + " is not supported by this server: image data must be sent as application/octet-stream.")
                    .exception();
        }
    }

    private static Long declaredLength(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        return length < 0 ? null : length;
    }
}
