package dev.kumo.server;

import dev.kumo.server.cli.InitCommand;
import dev.kumo.server.cli.PurgeCommand;
import dev.kumo.server.cli.ServeCommand;
import dev.kumo.server.cli.StatusCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "kumo", mixinStandardHelpOptions = true, version = Version.VERSION,
        description = "An OpenStack-compatible private cloud in one process.",
        subcommands = {ServeCommand.class, InitCommand.class, StatusCommand.class, PurgeCommand.class})
public final class Main {
    public static void main(String[] args) {
        var cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException || e instanceof java.io.IOException) {
                cmd.getErr().println("kumo: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }
}
