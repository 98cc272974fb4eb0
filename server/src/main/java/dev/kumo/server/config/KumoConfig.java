package dev.kumo.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The parsed answer file, with command-line overrides applied. */
public record KumoConfig(Path stateDir, String apiHost, int apiPort, String publicUrl, long maxRequestBytes,
                         String databaseUrl, String databaseUser, String databasePassword, String region,
                         Duration tokenLifetime, int bcryptCost, String adminPassword, String demoPassword,
                         boolean emulated, long imageQuotaBytes, Map<String, String> bridgeMappings,
                         boolean demoNetworks, String publicCidr, Duration reconcilePeriod,
                         boolean resumeGuestsOnStart) {

    public static KumoConfig from(Path stateDir, Map<String, String> file, Map<String, String> overrides) {
        Map<String, String> v = new HashMap<>();
        Settings.ALL.forEach(s -> v.put(s.key(), s.defaultValue()));
        v.putAll(file);
        v.putAll(overrides);
        String host = v.get("api.host");
        int port = integer(v, "api.port", 0, 65535);
        String publicUrl = v.get("api.public_url").isEmpty()
                ? "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + port : stripSlash(v.get("api.public_url"));
        String dbUrl = v.get("database.url").isEmpty()
                ? "jdbc:sqlite:" + stateDir.resolve("kumo.db").toAbsolutePath() : v.get("database.url");
        return new KumoConfig(stateDir.toAbsolutePath(), host, port, publicUrl,
                integer(v, "api.max_request_bytes", 1024, Integer.MAX_VALUE), dbUrl, v.get("database.user"),
                v.get("database.password"), v.get("identity.region"),
                Duration.ofSeconds(integer(v, "identity.token_lifetime_seconds", 60, 30 * 86400)),
                integer(v, "identity.bcrypt_cost", 4, 16), required(v, "identity.admin_password"),
                required(v, "identity.demo_password"), bool(v, "drivers.emulated"),
                longValue(v, "image.storage_quota_bytes"), mappings(v.get("network.bridge_mappings")),
                bool(v, "network.demo_networks"), cidr24(v.get("network.public_cidr")),
                Duration.ofSeconds(integer(v, "network.reconcile_seconds", 1, 86400)),
                bool(v, "compute.resume_guests_on_start"));
    }

    /** {@code physnet1:br-ex,physnet2:br-x}: physical network to bridge, each bridge a valid interface name. */
    static Map<String, String> mappings(String text) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.trim().split(":");
            if (parts.length != 2 || parts[0].isBlank() || !parts[1].matches("[A-Za-z0-9_.-]{1,15}")) {
                throw new IllegalArgumentException("setting network.bridge_mappings: '" + entry.trim()
                        + "' is not physnet:bridge (a bridge name has 1 to 15 letters, digits, '_', '-', '.')");
            }
            out.put(parts[0], parts[1]);
        }
        return Map.copyOf(out);
    }

    private static String cidr24(String cidr) {
        if (!cidr.matches("(\\d{1,3}\\.){3}0/(1[6-9]|2[0-4])")) {
            throw new IllegalArgumentException("setting network.public_cidr must be an IPv4 range of /16 to /24 ending in .0, got '" + cidr + "'");
        }
        return cidr;
    }

    private static int integer(Map<String, String> v, String key, int min, int max) {
        try {
            int n = Integer.parseInt(v.get(key));
            if (n < min || n > max) {
                throw new IllegalArgumentException("setting " + key + " = " + n + " is out of range " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be a whole number, got '" + v.get(key) + "'");
        }
    }

    private static long longValue(Map<String, String> v, String key) {
        try {
            long n = Long.parseLong(v.get(key));
            if (n < 0) {
                throw new IllegalArgumentException("setting " + key + " = " + n + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be a whole number, got '" + v.get(key) + "'");
        }
    }

    private static boolean bool(Map<String, String> v, String key) {
        return switch (v.get(key)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("setting " + key + " must be true or false, got '" + v.get(key) + "'");
        };
    }

    private static String required(Map<String, String> v, String key) {
        String value = v.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("setting " + key + " is empty; it is generated when the state "
                    + "directory is initialised (kumo init) or can be set in " + ConfigFile.NAME);
        }
        return value;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "KumoConfig[stateDir=" + stateDir + ", api=" + apiHost + ":" + apiPort + ", publicUrl=" + publicUrl
                + ", database=" + databaseUrl + ", emulated=" + emulated + "]";
    }
}
