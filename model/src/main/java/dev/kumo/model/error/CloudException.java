package dev.kumo.model.error;

import java.util.Objects;

/** Carries a {@link CloudError} up to the API layer, which renders it; no stack trace is needed. */
public final class CloudException extends RuntimeException {
    private final CloudError error;

    public CloudException(CloudError error) {
        super(Objects.requireNonNull(error, "error").message(), null, false, false);
        this.error = error;
    }

    public CloudError error() {
        return error;
    }
}
