package dev.kumo.model.error;

/**
 * Something the caller did wrong or may not do, as a value. {@code type} is a machine-readable name
 * (Neutron puts it in its fault body, e.g. {@code NetworkNotFound}); {@code message} is the sentence a
 * person reads and must say what was wrong.
 */
public sealed interface CloudError {
    String type();

    String message();

    /** The HTTP status every OpenStack service uses for this kind of error. */
    int status();

    default CloudException exception() {
        return new CloudException(this);
    }

    record BadRequest(String type, String message) implements CloudError {
        public int status() { return 400; }
    }

    record Unauthorized(String type, String message) implements CloudError {
        public int status() { return 401; }
    }

    record Forbidden(String type, String message) implements CloudError {
        public int status() { return 403; }
    }

    record NotFound(String type, String message) implements CloudError {
        public int status() { return 404; }
    }

    record MethodNotAllowed(String type, String message) implements CloudError {
        public int status() { return 405; }
    }

    record Conflict(String type, String message) implements CloudError {
        public int status() { return 409; }
    }

    record PayloadTooLarge(String type, String message) implements CloudError {
        public int status() { return 413; }
    }

    record UnsupportedMediaType(String type, String message) implements CloudError {
        public int status() { return 415; }
    }

    /** A quota or rate limit; Nova renders it as 403 "overLimit", Neutron as 409 OverQuota. */
    record OverLimit(String type, String message, int status) implements CloudError {}

    /** Our fault, not the caller's; the message never carries internals. */
    record Internal(String type, String message) implements CloudError {
        public int status() { return 500; }
    }

    /** A dependency (driver, database) is not operational. */
    record Unavailable(String type, String message) implements CloudError {
        public int status() { return 503; }
    }

    static CloudException badRequest(String format, Object... args) {
        return new BadRequest("ValidationError", String.format(format, args)).exception();
    }

    static CloudException unauthorized(String message) {
        return new Unauthorized("Unauthorized", message).exception();
    }

    static CloudException forbidden(String format, Object... args) {
        return new Forbidden("Forbidden", String.format(format, args)).exception();
    }

    static CloudException notFound(String type, String format, Object... args) {
        return new NotFound(type, String.format(format, args)).exception();
    }

    static CloudException conflict(String type, String format, Object... args) {
        return new Conflict(type, String.format(format, args)).exception();
    }
}
