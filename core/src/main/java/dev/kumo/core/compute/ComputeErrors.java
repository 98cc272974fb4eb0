package dev.kumo.core.compute;

import dev.kumo.model.error.CloudError;
import dev.kumo.model.error.CloudException;

/** Nova's errors in Nova's wording; the API renders them as {@code {"itemNotFound": {...}}} and friends. */
public final class ComputeErrors {
    private ComputeErrors() {}

    public static CloudException badRequest(String format, Object... args) {
        return new CloudError.BadRequest("badRequest", String.format(format, args)).exception();
    }

    public static CloudException notFound(String format, Object... args) {
        return new CloudError.NotFound("itemNotFound", String.format(format, args)).exception();
    }

    public static CloudException forbidden(String format, Object... args) {
        return new CloudError.Forbidden("forbidden", String.format(format, args)).exception();
    }

    public static CloudException conflict(String format, Object... args) {
        return new CloudError.Conflict("conflictingRequest", String.format(format, args)).exception();
    }

    public static CloudException overLimit(String format, Object... args) {
        return new CloudError.OverLimit("overLimit", String.format(format, args), 403).exception();
    }

    /** 501 (Nova's notImplemented), for calls the driver cannot carry out; the one error type with a free status. */
    public static CloudException notImplemented(String format, Object... args) {
        return new CloudError.OverLimit("notImplemented", String.format(format, args), 501).exception();
    }

    public static CloudException policy(String action) {
        return forbidden("Policy doesn't allow %s to be performed.", action);
    }
}
