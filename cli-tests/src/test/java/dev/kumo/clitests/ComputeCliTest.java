package dev.kumo.clitests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compute steps of the source documents with Debian's real {@code openstack} and legacy {@code nova} CLIs:
 * keypairs whose private key lands in a file, booting cirros on the private network, list/show, console log,
 * stop/start/reboot, delete, and the error cases.
 */
@Tag("cli")
class ComputeCliTest {
    static TestCloud cloud;
    static OpenStackCli admin;
    static OpenStackCli demo;
    static OpenStackCli nova;
    static String net;
    @TempDir
    static Path work;

    @BeforeAll
    static void start() throws Exception {
        cloud = TestCloud.start();
        admin = OpenStackCli.fromRcFile(cloud.stateDir().resolve("keystonerc_admin"));
        demo = OpenStackCli.fromRcFile(cloud.stateDir().resolve("keystonerc_demo"));
        nova = OpenStackCli.legacy("nova", cloud.stateDir().resolve("keystonerc_demo"));
        if (!admin.json("image", "list").findValuesAsText("Name").contains("cirros")) {
            Path disk = work.resolve("cirros.raw");
            Files.write(disk, new byte[1 << 20]);
            admin.json("image", "create", "--disk-format", "raw", "--container-format", "bare", "--public",
                    "--min-ram", "96", "--file", disk.toString(), "cirros");
        }
        net = demo.json("network", "create", "private").get("id").asText();
        demo.json("subnet", "create", "--network", "private", "--subnet-range", "10.0.0.0/24", "private_subnet");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static JsonNode awaitStatus(String server, String status) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode shown = null;
        while (Instant.now().isBefore(deadline)) {
            shown = demo.json("server", "show", server);
            if (shown.get("status").asText().equals(status) && shown.get("OS-EXT-STS:task_state").isNull()) {
                return shown;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(server + " did not reach " + status + ": " + shown);
    }

    private static void assertValidPrivateKey(Path file, String content) throws Exception {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Process p = new ProcessBuilder("ssh-keygen", "-y", "-f", file.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).startsWith("ssh-rsa ");
    }

    @Test
    void legacyNovaKeypairAddAndBootToActive() throws Exception {
        var key = nova.run("keypair-add", "K").ok();
        assertValidPrivateKey(work.resolve("K.pem"), key.stdout());
        nova.run("boot", "--flavor", "1", "--image", "cirros", "--key-name", "K", "--security-groups", "default",
                "--nic", "net-id=" + net, "cirros-01").ok();
        JsonNode server = awaitStatus("cirros-01", "ACTIVE");
        assertThat(server.get("key_name").asText()).isEqualTo("K");
        assertThat(server.get("addresses").toString()).contains("10.0.0.");
        assertThat(nova.run("list").ok().stdout()).contains("cirros-01").contains("ACTIVE");
        assertThat(demo.json("server", "list").findValuesAsText("Name")).contains("cirros-01");
        assertThat(demo.run("console", "log", "show", "cirros-01").ok().stdout()).contains("login:");
        demo.run("server", "stop", "cirros-01").ok();
        awaitStatus("cirros-01", "SHUTOFF");
        assertThat(demo.run("server", "stop", "cirros-01").failed().stderr())
                .contains("Cannot 'stop' instance").contains("while it is in vm_state stopped");
        demo.run("server", "start", "cirros-01").ok();
        awaitStatus("cirros-01", "ACTIVE");
        demo.run("server", "reboot", "--hard", "cirros-01").ok();
        awaitStatus("cirros-01", "ACTIVE");
        demo.run("server", "delete", "--wait", "cirros-01").ok();
        assertThat(demo.json("server", "list").findValuesAsText("Name")).doesNotContain("cirros-01");
    }

    @Test
    void openstackKeypairCreateAndServerCreateWait() throws Exception {
        var key = demo.run("keypair", "create", "K2").ok();
        assertValidPrivateKey(work.resolve("K2.pem"), key.stdout());
        // --security-group default resolves the group in Neutron's security-groups API, which another branch adds
        JsonNode created = demo.json("server", "create", "--flavor", "1", "--image", "cirros", "--key-name", "K2",
                "--nic", "net-id=" + net, "--wait", "cirros-02");
        assertThat(created.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(demo.json("server", "list", "--long").findValuesAsText("Name")).contains("cirros-02");
        assertThat(admin.json("hypervisor", "list").findValuesAsText("Hypervisor Hostname")).contains("compute-1", "compute-2");
        demo.run("server", "delete", "--wait", "cirros-02").ok();
    }

    @Test
    void errorCasesSayWhatWasWrong() throws Exception {
        Path disk = work.resolve("big.raw");
        Files.write(disk, new byte[4096]);
        demo.json("image", "create", "--disk-format", "raw", "--container-format", "bare", "--min-ram", "2048",
                "--file", disk.toString(), "ubuntu-ish");
        String tooSmall = demo.run("server", "create", "--flavor", "m1.tiny", "--image", "ubuntu-ish", "--nic",
                "net-id=" + net, "too-small").failed().stderr();
        assertThat(tooSmall).contains("512 MB").contains("2048 MB").contains("(HTTP 400)");
        String noKey = demo.run("server", "create", "--flavor", "1", "--image", "cirros", "--key-name", "ghost",
                "--nic", "net-id=" + net, "nokey").failed().stderr();
        assertThat(noKey).contains("ghost");
        String noFlavor = demo.run("server", "create", "--flavor", "m9.huge", "--image", "cirros", "--nic",
                "net-id=" + net, "noflavor").failed().stderr();
        assertThat(noFlavor).containsIgnoringCase("m9.huge");
    }
}
