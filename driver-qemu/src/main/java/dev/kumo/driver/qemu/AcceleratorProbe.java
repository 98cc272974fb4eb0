package dev.kumo.driver.qemu;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Chooses KVM only when a short probe guest actually boots under it. {@code /dev/kvm} alone proves nothing:
 * on some hosts (nested PVM) it exists, SeaBIOS runs, and a Linux guest then hangs. The probe boots the probe
 * image (the built-in guest, read-only through {@code -snapshot}) with KVM and waits a few seconds for the
 * guest's first console line; otherwise guests run under TCG.
 */
final class AcceleratorProbe {
    /** Console text any guest of the built-in image prints early; its kernel, with "quiet", prints little else. */
    private static final List<String> BOOTED = List.of("T_INIT", "login", "Linux version");

    private AcceleratorProbe() {}

    static Accelerator choose(Path kvmDevice, Path probeImage, Path workDir, Duration timeout) {
        if (!Files.isReadable(kvmDevice) || !Files.isWritable(kvmDevice)) {
            return Accelerator.tcg("TCG: " + kvmDevice + " is missing or not accessible");
        }
        if (probeImage == null || !Files.isRegularFile(probeImage)) {
            return Accelerator.tcg("TCG: KVM not verified (no probe image to boot); " + kvmDevice + " alone is not trusted");
        }
        long started = System.nanoTime();
        boolean booted = bootsUnderKvm(probeImage, workDir, timeout);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (booted) {
            return new Accelerator("kvm", "KVM: a probe guest booted in " + millis + " ms");
        }
        return Accelerator.tcg("TCG: " + kvmDevice + " exists but a probe guest under KVM printed nothing within "
                + timeout.toMillis() + " ms");
    }

    private static boolean bootsUnderKvm(Path image, Path workDir, Duration timeout) {
        Path console = workDir.resolve("kvm-probe-" + ProcessHandle.current().pid() + ".log");
        Process qemu = null;
        try {
            Files.createDirectories(workDir);
            Files.deleteIfExists(console);
            qemu = new ProcessBuilder(QemuCommandLine.BINARY, "-nodefaults", "-machine", "pc", "-accel", "kvm",
                    "-cpu", "host", "-m", "128", "-display", "none", "-snapshot",
                    "-drive", "file=" + image + ",if=virtio", "-serial", "file:" + console)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && qemu.isAlive()) {
                if (printedBoot(console)) {
                    return true;
                }
                QemuProcesses.sleep(100);
            }
            return printedBoot(console);
        } catch (IOException e) {
            return false;
        } finally {
            if (qemu != null) {
                qemu.destroyForcibly();
            }
            try {
                Files.deleteIfExists(console);
            } catch (IOException e) {
                // a leftover probe log is harmless
            }
        }
    }

    private static boolean printedBoot(Path console) throws IOException {
        if (!Files.exists(console)) {
            return false;
        }
        String text = Files.readString(console, StandardCharsets.ISO_8859_1);
        return BOOTED.stream().anyMatch(text::contains);
    }
}
