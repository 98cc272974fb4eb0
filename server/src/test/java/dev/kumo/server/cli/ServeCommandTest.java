package dev.kumo.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.server.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
    @TempDir
    Path state;

    @Test
    void setRefusesAKeyKumoConfDoesNotHaveBeforeTouchingTheStateDir() {
        var err = new StringWriter();
        var cli = new CommandLine(new Main()).setErr(new PrintWriter(err));
        int status = cli.execute("serve", "--state-dir", state.resolve("s").toString(), "--set", "network.demo_network=false");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--set: network.demo_network is not a setting of kumo.conf");
        assertThat(Files.exists(state.resolve("s"))).isFalse();
    }
}
