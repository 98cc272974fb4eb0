package dev.kumo.server;

import dev.kumo.server.config.ConfigFile;
import dev.kumo.server.config.KumoConfig;
import dev.kumo.server.config.SecureFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The state directory: the answer file, the SQLite database, logs, the pid file and the credentials
 * files a user sources ({@code keystonerc_admin}, {@code keystonerc_demo}, {@code clouds.yaml}).
 */
public final class StateDir {
    public static final Path DEFAULT = Path.of("/var/lib/kumo");
    private final Path dir;

    public StateDir(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    /** {@code --state-dir}, else {@code KUMO_STATE_DIR}, else {@code /var/lib/kumo}. */
    public static StateDir resolve(Path option) {
        if (option != null) {
            return new StateDir(option);
        }
        String env = System.getenv("KUMO_STATE_DIR");
        return new StateDir(env != null && !env.isBlank() ? Path.of(env) : DEFAULT);
    }

    public Path path() {
        return dir;
    }

    public Path configFile() {
        return dir.resolve(ConfigFile.NAME);
    }

    public Path pidFile() {
        return dir.resolve("kumo.pid");
    }

    /** The base URL the running server answers on, written once it is listening (read by ./kumo and status). */
    public Path apiUrlFile() {
        return dir.resolve("api-url");
    }

    /** Creates the directory and a documented answer file with generated passwords, unless present. */
    public boolean initialise() throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        if (Files.exists(configFile())) {
            return false;
        }
        ConfigFile.writeNew(configFile(), Map.of());
        return true;
    }

    public KumoConfig load(Map<String, String> overrides) throws IOException {
        return KumoConfig.from(dir, ConfigFile.read(configFile()), overrides);
    }

    /** Packstack-style rc files and a clouds.yaml, mode 0600. */
    public void writeCredentials(KumoConfig config) throws IOException {
        String authUrl = config.publicUrl() + "/identity/v3";
        SecureFiles.write(dir.resolve("keystonerc_admin"), rc("admin", config.adminPassword(), "admin", authUrl, config.region()));
        SecureFiles.write(dir.resolve("keystonerc_demo"), rc("demo", config.demoPassword(), "demo", authUrl, config.region()));
        SecureFiles.write(dir.resolve("clouds.yaml"), "clouds:\n"
                + cloud("kumo-admin", "admin", config.adminPassword(), "admin", authUrl, config.region())
                + cloud("kumo-demo", "demo", config.demoPassword(), "demo", authUrl, config.region()));
    }

    private static String rc(String user, String password, String project, String authUrl, String region) {
        return "unset OS_SERVICE_TOKEN OS_TOKEN OS_CLOUD\n"
                + "export OS_USERNAME=" + user + "\n"
                + "export OS_PASSWORD='" + password + "'\n"
                + "export OS_PROJECT_NAME=" + project + "\n"
                + "export OS_USER_DOMAIN_NAME=Default\n"
                + "export OS_PROJECT_DOMAIN_NAME=Default\n"
                + "export OS_AUTH_URL=" + authUrl + "\n"
                + "export OS_REGION_NAME=" + region + "\n"
                + "export OS_IDENTITY_API_VERSION=3\n"
                + "export OS_INTERFACE=public\n"
                + "export PS1='[\\u@\\h \\W(keystone_" + user + ")]\\$ '\n";
    }

    private static String cloud(String name, String user, String password, String project, String authUrl, String region) {
        return "  " + name + ":\n"
                + "    auth:\n"
                + "      auth_url: " + authUrl + "\n"
                + "      username: " + user + "\n"
                + "      password: '" + password + "'\n"
                + "      project_name: " + project + "\n"
                + "      user_domain_name: Default\n"
                + "      project_domain_name: Default\n"
                + "    region_name: " + region + "\n"
                + "    identity_api_version: 3\n"
                + "    interface: public\n";
    }
}
