package dev.kumo.driver.qemu;

/** A step of the QEMU driver failed; the message says "Failed &lt;action&gt;: &lt;cause&gt;". */
final class QemuException extends Exception {
    QemuException(String message) {
        super(message);
    }

    QemuException(String message, Throwable cause) {
        super(message, cause);
    }
}
