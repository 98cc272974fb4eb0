package dev.kumo.core.compute.server;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The host name Nova derives from a server's display name ({@code nova.utils.sanitize_hostname}). */
public final class NovaHostname {
    private static final Pattern SEPARATORS = Pattern.compile("[ _.]");
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^\\w.-]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int MAX_LENGTH = 63;

    private NovaHostname() {}

    /** Latin-1 only, truncated to 63, separators to '-', other symbols dropped, lower case, no leading/trailing '.-'. */
    public static String of(String displayName, String serverId) {
        String name = latin1(displayName == null ? "" : displayName);
        name = name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name;
        name = SEPARATORS.matcher(name).replaceAll("-");
        name = NOT_ALLOWED.matcher(name).replaceAll("").toLowerCase();
        name = strip(name);
        // Nova falls back to "Server-<uuid>" when nothing is left
        return name.isEmpty() ? ("Server-" + serverId) : name;
    }

    private static String latin1(String s) {
        var out = new StringBuilder();
        s.codePoints().filter(c -> c < 256).forEach(out::appendCodePoint);
        return new String(out.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '.' || s.charAt(start) == '-')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '-')) {
            end--;
        }
        return s.substring(start, end);
    }
}
