package dev.kumo.api.image;

import dev.kumo.api.http.FaultRenderer;
import dev.kumo.api.http.KeystoneFaults;
import dev.kumo.model.error.CloudError;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;

/**
 * Glance's faults are webob's HTTP exceptions, whose body depends on the Accept header: HTML for browsers and
 * for {@code *}{@code /*} (python-requests, so glanceclient and openstacksdk get HTML and strip the tags), JSON
 * {@code {"message": ..., "code": "404 Not Found", "title": "Not Found"}} for {@code application/json} (tempest),
 * and plain text for other types. A 401 comes from keystonemiddleware before Glance sees the request, so it is
 * Keystone's JSON.
 */
final class GlanceFaults implements FaultRenderer {
    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"),
            Map.entry(410, "Gone"), Map.entry(413, "Request Entity Too Large"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(416, "Requested Range Not Satisfiable"),
            Map.entry(500, "Internal Server Error"), Map.entry(503, "Service Unavailable"));
    private final KeystoneFaults unauthorized = new KeystoneFaults();

    @Override
    public void render(Context ctx, CloudError error) {
        if (error.status() == 401) {
            unauthorized.render(ctx, error);
            return;
        }
        render(ctx, error.status(), error.message());
    }

    void render(Context ctx, int status, String explanation) {
        String title = TITLES.getOrDefault(status, "Error");
        String statusLine = status + " " + title;
        // webob's body template: explanation, two <br />, then the (empty) detail and comment lines
        String body = explanation + "<br /><br />\n\n\n";
        switch (preferred(ctx.header("Accept"))) {
            case "text/html" -> ctx.status(status).contentType("text/html; charset=UTF-8").result("<html>\n <head>\n"
                    + "  <title>" + statusLine + "</title>\n </head>\n <body>\n  <h1>" + statusLine + "</h1>\n  "
                    + escape(explanation) + "<br /><br />\n\n\n\n </body>\n</html>");
            case "application/json" -> {
                var json = dev.kumo.api.http.Json.object().put("message", body).put("code", statusLine).put("title", title);
                ctx.status(status).contentType("application/json").result(json.toString());
            }
            default -> ctx.status(status).contentType("text/plain; charset=UTF-8")
                    .result(statusLine + "\n\n" + explanation + "\n\n   ");
        }
    }

    /**
     * webob's choice between its offers text/html and application/json, in that order of preference. One
     * deliberate difference: without an Accept header (openstacksdk uploads send an empty one) webob falls back
     * to text/plain, whose body openstacksdk ignores, so {@code openstack image create} would print only "Bad
     * Request"; HTML, which it does read, makes it print the reason.
     */
    static String preferred(String accept) {
        if (accept == null || accept.isBlank()) {
            return "text/html";
        }
        double html = 0;
        double json = 0;
        for (String part : accept.split(",")) {
            String[] pieces = part.strip().split(";");
            String type = pieces[0].strip().toLowerCase(Locale.ROOT);
            double q = quality(pieces);
            if (type.equals("text/html") || type.equals("text/*") || type.equals("*/*")) {
                html = Math.max(html, q);
            }
            if (type.equals("application/json") || type.equals("application/*") || type.equals("*/*")) {
                json = Math.max(json, q);
            }
        }
        if (html == 0 && json == 0) {
            return "text/plain";
        }
        return html >= json ? "text/html" : "application/json";
    }

    private static double quality(String[] pieces) {
        for (int i = 1; i < pieces.length; i++) {
            String p = pieces[i].strip();
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#x27;");
    }
}
