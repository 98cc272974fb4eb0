package dev.kumo.core.identity.catalog;

import dev.kumo.model.error.CloudError;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Endpoint URLs as Keystone treats them: they may carry substitutions such as {@code $(project_id)s} or
 * {@code %(tenant_id)s} (Cinder's and Swift's endpoints do), filled in per token when the catalog is
 * rendered. Formatting follows Python's {@code %} operator, which Keystone uses: {@code %%} is a literal
 * percent sign and any other lone {@code %} makes the URL invalid.
 */
public final class EndpointUrls {
    /** The names Keystone accepts in a URL (keystone.common.utils.WHITELISTED_PROPERTIES). */
    static final Set<String> ALLOWED = Set.of("tenant_id", "project_id", "user_id", "public_bind_host",
            "admin_bind_host", "compute_host", "admin_port", "public_port", "public_endpoint", "admin_endpoint");
    /** Keystone's parameter_types.url: a scheme, a colon, then anything (RFC 1738 section 2.1). */
    private static final Pattern URL = Pattern.compile("^[a-zA-Z0-9+.-]+:.+", Pattern.DOTALL);
    private static final int MAX_LENGTH = 225;

    private EndpointUrls() {}

    /** The URL if Keystone would accept it for an endpoint; otherwise a 400 saying why. */
    public static String validate(String url) {
        if (url.length() > MAX_LENGTH) {
            throw CloudError.badRequest("Invalid input for field 'url': the URL is longer than %d characters.", MAX_LENGTH);
        }
        if (!URL.matcher(url).matches()) {
            throw CloudError.badRequest("Invalid input for field 'url': '%s' is not a URL (expected scheme:rest, "
                    + "e.g. https://cloud.example.com:8774/v2.1).", url);
        }
        Map<String, String> blanks = new java.util.HashMap<>();
        ALLOWED.forEach(name -> blanks.put(name, ""));
        if (format(url, blanks).isEmpty()) {
            throw CloudError.badRequest("Cannot create an endpoint with an invalid URL: %s. Substitutions must be "
                    + "one of $(%s)s and a literal percent sign must be written %%%%.", url,
                    String.join(")s, $(", ALLOWED.stream().sorted().toList()));
        }
        return url;
    }

    /**
     * The URL with its substitutions filled in for a token, or empty when it needs a value this token
     * does not have (a project id in a domain-scoped token): Keystone leaves such endpoints out.
     */
    public static Optional<String> render(String url, String projectId, String userId) {
        if (url.indexOf('%') < 0 && !url.contains("$(")) {
            return Optional.of(url);
        }
        Map<String, String> values = new java.util.HashMap<>();
        if (projectId != null) {
            values.put("project_id", projectId);
            values.put("tenant_id", projectId);
        }
        if (userId != null) {
            values.put("user_id", userId);
        }
        return format(url, values);
    }

    private static Optional<String> format(String url, Map<String, String> values) {
        String s = url.replace("$(", "%(");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                out.append(c);
            } else if (i + 1 < s.length() && s.charAt(i + 1) == '%') {
                out.append('%');
                i++;
            } else {
                int close = s.indexOf(')', i);
                if (i + 1 >= s.length() || s.charAt(i + 1) != '(' || close < 0 || close + 1 >= s.length()
                        || s.charAt(close + 1) != 's') {
                    return Optional.empty();
                }
                String value = values.get(s.substring(i + 2, close));
                if (value == null) {
                    return Optional.empty();
                }
                out.append(value);
                i = close + 1;
            }
        }
        return Optional.of(out.toString());
    }
}
