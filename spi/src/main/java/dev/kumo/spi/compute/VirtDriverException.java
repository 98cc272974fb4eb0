package dev.kumo.spi.compute;

/** A driver operation failed; the message says "Failed &lt;action&gt;: &lt;cause&gt;" and becomes the fault. */
public class VirtDriverException extends Exception {
    public VirtDriverException(String message) {
        super(message);
    }

    public VirtDriverException(String message, Throwable cause) {
        super(message, cause);
    }
}
