package dev.kumo.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** Where the figures were taken: they mean little without the cores, the JDK and how busy the machine was. */
record Machine(int cores, String cpuModel, String kernel, String memory, String loadAverage, String serverJava, String clientJava) {

    static Machine describe(Path serverJavaHome) {
        return new Machine(Runtime.getRuntime().availableProcessors(), readCpuModel(), System.getProperty("os.name") + " "
                + System.getProperty("os.version"), readMemory(), readLoadAverage(), jdkRelease(serverJavaHome),
                System.getProperty("java.vendor") + " " + Runtime.version());
    }

    private static String readCpuModel() {
        return linesOf("/proc/cpuinfo").stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
    }

    private static String readMemory() {
        return linesOf("/proc/meminfo").stream().filter(l -> l.startsWith("MemTotal:"))
                .map(l -> String.format("%.1f GiB RAM", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                .findFirst().orElse("unknown RAM");
    }

    /** The 1, 5 and 15 minute load averages: other work sharing the cores skews every figure. */
    private static String readLoadAverage() {
        List<String> lines = linesOf("/proc/loadavg");
        if (lines.isEmpty()) {
            return "unknown";
        }
        String[] fields = lines.get(0).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    /** The server's JDK, from its {@code release} file (no JVM has to be started to ask). */
    private static String jdkRelease(Path javaHome) {
        var props = new Properties();
        try (Reader in = Files.newBufferedReader(javaHome.resolve("release"))) {
            props.load(in);
        } catch (IOException e) {
            return javaHome + " (no release file)";
        }
        return unquote(props.getProperty("IMPLEMENTOR", "")) + " " + unquote(props.getProperty("JAVA_RUNTIME_VERSION",
                props.getProperty("JAVA_VERSION", "?"))) + " (" + javaHome + ")";
    }

    private static String unquote(String s) {
        return s.replace("\"", "").strip();
    }

    private static List<String> linesOf(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
