package dev.kumo.core.image;

import java.util.List;

/** The disk and container formats Glance accepts by default ({@code [image_format]}), in Glance's order. */
public final class Formats {
    public static final List<String> DISK = List.of("ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw", "qcow2", "vdi",
            "iso", "ploop");
    public static final List<String> CONTAINER = List.of("ami", "ari", "aki", "bare", "ovf", "ova", "docker",
            "compressed");

    private Formats() {}
}
