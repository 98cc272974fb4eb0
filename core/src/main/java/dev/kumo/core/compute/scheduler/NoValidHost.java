package dev.kumo.core.compute.scheduler;

/** Nothing fits; the message is Nova's, the reasons per host go to the log. */
public final class NoValidHost extends Exception {
    public NoValidHost(String reasons) {
        super("No valid host was found. " + reasons);
    }
}
