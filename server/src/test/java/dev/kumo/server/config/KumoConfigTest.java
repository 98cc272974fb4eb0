package dev.kumo.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KumoConfigTest {
    @TempDir
    Path dir;

    @Test
    void everyKeyAndDefaultIsPinned() {
        assertThat(Settings.ALL).extracting(Setting::key).containsExactly("api.host", "api.port", "api.public_url",
                "api.max_request_bytes", "database.url", "database.user", "database.password", "identity.region",
                "identity.token_lifetime_seconds", "identity.bcrypt_cost", "identity.admin_password",
                "identity.demo_password", "image.storage_quota_bytes", "drivers.emulated", "network.bridge_mappings",
                "network.demo_networks", "network.reconcile_seconds", "network.public_cidr",
                "compute.resume_guests_on_start");
        var c = KumoConfig.from(dir, Map.of("identity.admin_password", "a", "identity.demo_password", "d"), Map.of());
        assertThat(c.apiHost()).isEqualTo("127.0.0.1");
        assertThat(c.apiPort()).isEqualTo(5000);
        assertThat(c.resumeGuestsOnStart()).isTrue();
        assertThat(KumoConfig.from(dir, Map.of("identity.admin_password", "a", "identity.demo_password", "d",
                "compute.resume_guests_on_start", "false"), Map.of()).resumeGuestsOnStart()).isFalse();
        assertThat(c.publicUrl()).isEqualTo("http://127.0.0.1:5000");
        assertThat(c.maxRequestBytes()).isEqualTo(1_048_576);
        assertThat(c.databaseUrl()).isEqualTo("jdbc:sqlite:" + dir.resolve("kumo.db").toAbsolutePath());
        assertThat(c.region()).isEqualTo("RegionOne");
        assertThat(c.tokenLifetime()).isEqualTo(Duration.ofHours(1));
        assertThat(c.bcryptCost()).isEqualTo(10);
        assertThat(c.emulated()).isFalse();
        assertThat(c.imageQuotaBytes()).isZero();
        assertThat(c.bridgeMappings()).containsExactly(Map.entry("physnet1", "br-ex"));
        assertThat(c.demoNetworks()).isTrue();
        assertThat(c.publicCidr()).isEqualTo("172.24.4.0/24");
        assertThat(c.reconcilePeriod()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void networkSettingsAreCheckedWithTheKeyInTheMessage() {
        var passwords = Map.of("identity.admin_password", "a", "identity.demo_password", "d");
        assertThat(KumoConfig.from(dir, passwords, Map.of("network.bridge_mappings", "physnet1:br-ex, physnet2:br-lab"))
                .bridgeMappings()).containsEntry("physnet2", "br-lab");
        assertThatThrownBy(() -> KumoConfig.from(dir, passwords, Map.of("network.bridge_mappings", "physnet1=br-ex")))
                .hasMessageContaining("network.bridge_mappings").hasMessageContaining("physnet:bridge");
        assertThatThrownBy(() -> KumoConfig.from(dir, passwords, Map.of("network.bridge_mappings", "p:a-bridge-name-too-long")))
                .hasMessageContaining("network.bridge_mappings");
        assertThatThrownBy(() -> KumoConfig.from(dir, passwords, Map.of("network.public_cidr", "172.24.4.7/24")))
                .hasMessageContaining("network.public_cidr");
    }

    @Test
    void overridesWinAndBadValuesSayWhichKey() {
        var c = KumoConfig.from(dir, Map.of("identity.admin_password", "a", "identity.demo_password", "d"),
                Map.of("api.port", "6000", "drivers.emulated", "true"));
        assertThat(c.publicUrl()).isEqualTo("http://127.0.0.1:6000");
        assertThat(c.emulated()).isTrue();
        assertThatThrownBy(() -> KumoConfig.from(dir, Map.of("api.port", "http"), Map.of()))
                .hasMessageContaining("api.port");
        assertThatThrownBy(() -> KumoConfig.from(dir, Map.of(), Map.of())).hasMessageContaining("identity.admin_password");
    }

    @Test
    void newFileIsDocumentedPrivateAndHasGeneratedPasswords() throws Exception {
        Path file = dir.resolve("kumo.conf");
        ConfigFile.writeNew(file, Map.of("api.port", "7000"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String text = Files.readString(file);
        for (Setting s : Settings.ALL) {
            assertThat(text).contains("# " + s.description()).contains(s.key() + " = ");
        }
        Map<String, String> values = ConfigFile.read(file);
        assertThat(values.get("api.port")).isEqualTo("7000");
        assertThat(values.get("identity.admin_password")).hasSize(20).isNotEqualTo(values.get("identity.demo_password"));
    }

    @Test
    void unknownKeysAreRefused() throws Exception {
        Path file = dir.resolve("kumo.conf");
        Files.writeString(file, "api.prot = 5000\n");
        assertThatThrownBy(() -> ConfigFile.read(file)).hasMessageContaining("unknown setting 'api.prot'");
    }
}
