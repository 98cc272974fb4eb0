package dev.kumo.server.metadata;

import java.util.ArrayList;
import java.util.List;

/** The EC2 metadata versions Nova serves, oldest first ({@code latest} is 2009-04-04). */
public final class Ec2Versions {
    public static final List<String> ALL = List.of("1.0", "2007-01-19", "2007-03-01", "2007-08-29", "2007-10-10",
            "2007-12-15", "2008-02-01", "2008-09-01", "2009-04-04");
    /** Nova leaves these out of the config drive ({@code config_drive_skip_versions}). */
    public static final List<String> SKIPPED_ON_CONFIG_DRIVE = ALL.subList(0, 8);

    private Ec2Versions() {}

    public static String resolve(String requested) {
        if ("latest".equals(requested)) {
            return ALL.getLast();
        }
        return ALL.contains(requested) ? requested : null;
    }

    public static boolean atLeast(String version, String since) {
        return ALL.indexOf(version) >= ALL.indexOf(since);
    }

    public static List<String> listing() {
        var all = new ArrayList<>(ALL);
        all.add("latest");
        return all;
    }
}
