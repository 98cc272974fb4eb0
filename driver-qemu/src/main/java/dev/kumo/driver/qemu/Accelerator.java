package dev.kumo.driver.qemu;

import java.util.Objects;

/** The accelerator guests run under ("kvm" or "tcg") and why it was chosen, as {@code kumo status} shows it. */
record Accelerator(String name, String reason) {
    Accelerator {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
    }

    static Accelerator tcg(String why) {
        return new Accelerator("tcg", why);
    }

    boolean kvm() {
        return name.equals("kvm");
    }
}
