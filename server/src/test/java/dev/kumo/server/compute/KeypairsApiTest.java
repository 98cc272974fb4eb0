package dev.kumo.server.compute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.server.TestCloud;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeypairsApiTest {
    static TestCloud cloud;
    static Nova nova;
    static final String IMPORTED = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHMpA6tFa0Yd9lUrA1jKx1PvgQ6nCp1bR0oBqFUKqUWq test@kumo";

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        nova = new Nova(cloud);
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void generatedPrivateKeyIsReturnedOnceAndIsAValidKey(@TempDir Path dir) throws Exception {
        var r = nova.post("/os-keypairs", cloud.demoToken(), "{\"keypair\": {\"name\": \"gen\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String pem = r.json().at("/keypair/private_key").asText();
        assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(r.json().at("/keypair/fingerprint").asText()).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
        Path file = dir.resolve("gen.pem");
        Files.writeString(file, pem);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Process p = new ProcessBuilder("ssh-keygen", "-y", "-f", file.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String derived = new String(p.getInputStream().readAllBytes()).trim();
        assertThat(p.exitValue()).as(derived).isZero();
        String stored = r.json().at("/keypair/public_key").asText();
        assertThat(stored).startsWith(derived.split(" ")[0] + " " + derived.split(" ")[1]);
        var shown = nova.get("/os-keypairs/gen", cloud.demoToken()).json().get("keypair");
        assertThat(shown.has("private_key")).isFalse();
    }

    @Test
    void importedKeysAreListedPerUserWithTypeFrom22() {
        var r = nova.post("/os-keypairs", cloud.demoToken(), "{\"keypair\": {\"name\": \"imp\", \"public_key\": \"" + IMPORTED + "\"}}",
                "OpenStack-API-Version", "compute 2.2");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().at("/keypair/type").asText()).isEqualTo("ssh");
        assertThat(r.json().at("/keypair/private_key").isMissingNode()).isTrue();
        var list = nova.get("/os-keypairs", cloud.demoToken()).json().get("keypairs");
        assertThat(list.findValuesAsText("name")).contains("imp");
        assertThat(nova.get("/os-keypairs", cloud.adminToken()).json().get("keypairs").findValuesAsText("name"))
                .doesNotContain("imp");
        Nova.fault(nova.post("/os-keypairs", cloud.demoToken(), "{\"keypair\": {\"name\": \"imp\", \"public_key\": \"" + IMPORTED + "\"}}"),
                409, "conflictingRequest");
        assertThat(nova.delete("/os-keypairs/imp", cloud.demoToken()).status()).isEqualTo(202);
        var gone = Nova.fault(nova.get("/os-keypairs/imp", cloud.demoToken()), 404, "itemNotFound");
        assertThat(gone.get("message").asText()).startsWith("Keypair imp not found for user");
    }

    @Test
    void invalidPublicKeysAreRejected() {
        var bad = Nova.fault(nova.post("/os-keypairs", cloud.demoToken(),
                "{\"keypair\": {\"name\": \"bad\", \"public_key\": \"ssh-rsa not-base64!\"}}"), 400, "badRequest");
        assertThat(bad.get("message").asText()).contains("Keypair data is invalid");
    }
}
