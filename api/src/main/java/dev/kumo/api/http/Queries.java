package dev.kumo.api.http;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;

/** Query-string parsing with OpenStack's conventions. */
public final class Queries {
    private static final Set<String> FALSE = Set.of("false", "0", "no", "f", "off", "n");

    private Queries() {}

    /** Null when absent; OpenStack's spellings of false, and anything else (even empty) is true. */
    public static Boolean bool(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return ctx.queryParamMap().containsKey(name) ? Boolean.TRUE : null;
        }
        return !FALSE.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    public static String string(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Present with any value but a false one ({@code ?nocatalog}, {@code ?include_names}). */
    public static boolean flag(Context ctx, String name) {
        Boolean b = bool(ctx, name);
        return b != null && b;
    }
}
