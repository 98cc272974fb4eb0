package dev.kumo.server.metadata;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The Jetty side of the metadata service: headers and body into a {@link MetadataRequest}, the reply out. */
final class MetadataHandler extends Handler.Abstract {
    /** Bodies are only ever passwords (at most 256 bytes); anything much larger is refused before it is read. */
    private static final int MAX_BODY = 4096;
    private static final long BODY_TIMEOUT_SECONDS = 10;

    private final MetadataService service;

    MetadataHandler(MetadataService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields headers = request.getHeaders();
        byte[] body = null;
        if (request.getMethod().equals("POST")) {
            try {
                body = Content.Source.asByteArrayAsync(request, MAX_BODY).get(BODY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                write(response, callback, MetadataReply.error(400, "Request is too large."));
                return true;
            }
        }
        var reply = service.answer(new MetadataRequest(request.getMethod(), Request.getPathInContext(request),
                headers.get("X-Forwarded-For"), headers.get("X-Neutron-Router-ID"), headers.get("X-Neutron-Network-ID"),
                body));
        write(response, callback, reply);
        return true;
    }

    private static void write(Response response, Callback callback, MetadataReply reply) {
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }
}
