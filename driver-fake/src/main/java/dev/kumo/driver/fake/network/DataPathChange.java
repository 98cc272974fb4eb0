package dev.kumo.driver.fake.network;

import java.util.Objects;

/** One change the real driver would have made to the host: an operation on an object, with what it did. */
public record DataPathChange(FakeOperation operation, String objectId, String detail) {
    public DataPathChange {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(detail, "detail");
    }
}
