package dev.kumo.spi.network;

/**
 * A driver could not do what was asked. The message reads "Failed to &lt;action&gt;: &lt;cause&gt;" so that it
 * can be shown as it is. What the driver leaves behind is described by {@link NetworkDriver}: calling the same
 * ensure or delete again is always allowed.
 */
public final class NetworkDriverException extends RuntimeException {
    public NetworkDriverException(String message) {
        super(message);
    }

    public NetworkDriverException(String message, Throwable cause) {
        super(message, cause);
    }
}
