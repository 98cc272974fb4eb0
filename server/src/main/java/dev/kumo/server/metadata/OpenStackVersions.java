package dev.kumo.server.metadata;

import java.util.List;

/** The OpenStack metadata versions Nova serves (nova/api/metadata/base.py), oldest first, and what each added. */
public final class OpenStackVersions {
    public static final String FOLSOM = "2012-08-10";
    public static final String GRIZZLY = "2013-04-04";
    public static final String HAVANA = "2013-10-17";
    public static final String LIBERTY = "2015-10-15";
    public static final String NEWTON_ONE = "2016-06-30";
    public static final String NEWTON_TWO = "2016-10-06";
    public static final String OCATA = "2017-02-22";
    public static final String ROCKY = "2018-08-27";
    public static final String VICTORIA = "2020-10-14";
    public static final String LATEST = "latest";

    public static final List<String> ALL = List.of(FOLSOM, GRIZZLY, HAVANA, LIBERTY, NEWTON_ONE, NEWTON_TWO, OCATA,
            ROCKY, VICTORIA);

    private OpenStackVersions() {}

    /** The version a request names ({@code latest} is the newest), or null when Nova does not know it. */
    public static String resolve(String requested) {
        if (LATEST.equals(requested)) {
            return ALL.getLast();
        }
        return ALL.contains(requested) ? requested : null;
    }

    /** Whether {@code version} (already resolved) includes what {@code since} added. */
    public static boolean atLeast(String version, String since) {
        return ALL.indexOf(version) >= ALL.indexOf(since);
    }

    /** The listing of {@code GET /openstack}: every version, then {@code latest}. */
    public static List<String> listing() {
        var all = new java.util.ArrayList<>(ALL);
        all.add(LATEST);
        return all;
    }
}
