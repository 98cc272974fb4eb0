package dev.kumo.core.image;

import dev.kumo.model.error.CloudError;
import dev.kumo.spi.image.DiskFormatInspector.DiskFormat;
import java.util.Set;

/**
 * Whether uploaded content is what its {@code disk_format} says. Formats QEMU recognises by their header must be
 * detected as themselves; raw-like formats (raw, iso, and the AMI kernel/ramdisk/machine formats) must show no
 * other format's header, so a qcow2 cannot pass as raw and be read as a raw disk later.
 */
final class DiskFormatCheck {
    private static final Set<String> RAW_LIKE = Set.of("raw", "iso", "ami", "ari", "aki");

    private DiskFormatCheck() {}

    static void requireMatch(String declared, DiskFormat detected) {
        boolean matches = RAW_LIKE.contains(declared) ? detected.format().equals("raw") : detected.format().equals(declared);
        if (!matches) {
            throw CloudError.badRequest("Image content is %s but its disk_format is %s: the uploaded data does not "
                    + "match the declared disk format. Upload a %s file, or create the image with disk_format %s.",
                    detected.format(), declared, declared, detected.format());
        }
        if (detected.referencesFiles()) {
            throw CloudError.badRequest("Image content is a %s image that refers to a backing or data file; only "
                    + "self-contained images are accepted.", detected.format());
        }
    }
}
