package dev.kumo.api.network;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.api.http.Json;
import dev.kumo.core.network.query.PageRequest;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/** Writes list and single-resource responses the same way for every resource, streamed as UTF-8 JSON. */
final class Responses {
    private Responses() {}

    static <T> void writeList(Context ctx, String collection, List<T> items, BiConsumer<ViewWriter, T> view,
                              Function<T, String> id, PageRequest page) {
        List<String> fields = ResponseFields.of(ctx);
        stream(ctx, fields, w -> {
            ViewWriter.io(() -> w.generator().writeArrayFieldStart(collection));
            items.forEach(item -> w.resource(v -> view.accept(v, item)));
            ViewWriter.io(() -> w.generator().writeEndArray());
            Pagination.writeLinks(ctx, w.generator(), collection, page, items.stream().map(id).toList());
        });
    }

    static <T> void writeOne(Context ctx, int status, String key, T item, BiConsumer<ViewWriter, T> view) {
        write(ctx, status, ResponseFields.of(ctx), w -> {
            ViewWriter.io(() -> w.generator().writeFieldName(key));
            w.resource(v -> view.accept(v, item));
        });
    }

    /** The response of a create: {@code {"network": {...}}}, or {@code {"networks": [...]}} for a bulk create. */
    static <T> void writeCreated(Context ctx, boolean bulk, String singular, String plural, List<T> created,
                                 BiConsumer<ViewWriter, T> view) {
        if (!bulk) {
            writeOne(ctx, 201, singular, created.getFirst(), view);
            return;
        }
        write(ctx, 201, List.of(), w -> {
            ViewWriter.io(() -> w.generator().writeArrayFieldStart(plural));
            created.forEach(item -> w.resource(v -> view.accept(v, item)));
            ViewWriter.io(() -> w.generator().writeEndArray());
        });
    }

    /**
     * A list's JSON straight to the client: the items are in memory already, so only the client can fail it now,
     * and 10,000 ports (10 MB) no longer pass through a growing buffer whose large arrays filled the old
     * generation and cost a ~100 ms full collection every few lists.
     */
    private static void stream(Context ctx, List<String> fields, Consumer<ViewWriter> body) {
        ctx.status(200).contentType("application/json");
        ViewWriter.io(() -> {
            try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(ctx.outputStream(), JsonEncoding.UTF8)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                ViewWriter writer = new ViewWriter(g, fields);
                g.writeStartObject();
                body.accept(writer);
                g.writeEndObject();
            }
        });
    }

    /** A JSON object whose members {@code body} writes; {@code fields} applies to the resources inside. */
    private static void write(Context ctx, int status, List<String> fields, Consumer<ViewWriter> body) {
        var bytes = new ByteArrayOutputStream(8192);
        ViewWriter.io(() -> {
            try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
                ViewWriter writer = new ViewWriter(g, fields);
                g.writeStartObject();
                body.accept(writer);
                g.writeEndObject();
            }
        });
        ctx.status(status).contentType("application/json").result(bytes.toByteArray());
    }
}
