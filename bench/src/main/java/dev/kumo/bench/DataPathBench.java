package dev.kumo.bench;

import dev.kumo.spi.network.NetworkSpec;
import dev.kumo.spi.network.OperationalStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The Linux data path's figures from the "Done means": plumbing a router with 10 interfaces and 100
 * floating IPs; applying 1,000 security-group rules over 50 ports (whole and one rule); and the time from "kumo
 * killed" until every floating IP answers again, verified by HTTP from an external-LAN namespace to listeners in
 * guest namespaces. Drives {@code LinuxNetworkDriver} directly with specs, as the service would. Root only; every
 * object is named {@code kb<4 hex>...}, the external network has no gateway (the host gets no address or route),
 * and everything is deleted at the end.
 *
 * <pre>bench/run --datapath [--routers N] [--fips-per-router M]</pre>
 */
public final class DataPathBench {
    private static final String ROW = "%-58s %-48s %s%n";

    private DataPathBench() {}

    public static void main(String[] args) throws Exception {
        int routers = intOption(args, "--routers", 5);
        int perRouter = intOption(args, "--fips-per-router", 4);
        if (routers < 1 || routers > 10 || perRouter < 1 || perRouter > 10) {
            throw new IllegalArgumentException("--routers and --fips-per-router are 1 to 10");
        }
        if (!new HostShell().run("id", "-u").output().strip().equals("0")) {
            System.err.println("kumo-bench datapath: needs root (namespaces, links, nftables)");
            System.exit(2);
        }
        int status = 0;
        try (DataPathLab lab = new DataPathLab()) {
            run(lab, routers, perRouter);
        } catch (Exception e) {
            System.err.println("kumo-bench datapath: the run failed: " + e.getMessage());
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static void run(DataPathLab lab, int routers, int perRouter) throws Exception {
        if (lab.shell.run("ip", "-4", "addr", "show").output().contains(" 198.18.0.")) {
            throw new IllegalStateException("the host has an address in 198.18.0.0/24, the benchmark's external LAN");
        }
        OperationalStatus probe = lab.driver().probe();
        if (!probe.operational()) {
            throw new IllegalStateException("the Linux network driver cannot work here: " + probe.reason());
        }
        Machine machine = Machine.describe(Path.of(System.getProperty("java.home")));
        System.out.printf("kumo data-path benchmark   %s   prefix %s%nmachine   %d cores, %s, %s, %s, load %s%n%n",
                Instant.now(), lab.id, machine.cores(), machine.cpuModel(), machine.memory(), machine.kernel(),
                machine.loadAverage());
        System.out.printf(ROW, "figure", "measured", "target");
        NetworkSpec external = DataPathSpecs.externalNetwork(lab.id + "-ext-0000", DataPathLab.PHYSNET, "198.18.0.0/24");
        lab.driver().ensureNetwork(external);

        RouterScaleFigure routerScale = new RouterScaleFigure(lab, external);
        RouterScaleFigure.Result r = routerScale.run();
        row("router with 10 interfaces + gateway, plumbed", ms(r.router()), "- (issue: measured, no number)");
        row("100 floating IPs associated one by one", ms(r.floatingIps()) + String.format(Locale.ROOT, " (%.1f ms each)",
                r.floatingIps().toNanos() / 1e6 / RouterScaleFigure.FLOATING_IPS), "- (issue: measured, no number)");
        routerScale.delete();

        RulesetFigure rulesets = new RulesetFigure(lab);
        RulesetFigure.Result s = rulesets.run();
        row("1,000 rules over 50 ports: groups + ports plugged", ms(s.whole()) + " (" + s.acceptRules() + " accept rules)",
                "- (issue: measured, no number)");
        row("one rule added to one group (whole table re-applied)", ms(s.oneRule()),
                verdict("< 1,000 ms (rule changes apply within a second)", s.oneRule().toMillis() < 1000));
        rulesets.delete();

        ConvergenceFigure convergence = new ConvergenceFigure(lab, external, routers, perRouter);
        String size = routers + " routers, " + convergence.floatingIpCount() + " floating IPs";
        ConvergenceFigure.Round first = convergence.plumbFirst();
        row("first plumbing, " + size + ": all answering", answering(first), "-");
        ConvergenceFigure.Round restart = convergence.restart();
        row("kill -9 + up (host intact): all answering again", answering(restart), "-");
        row("  fetches of the floating IPs during that restart", restart.during().fetches() + ", of which "
                + restart.during().misses() + " missed", verdict("0 missed", restart.during().misses() == 0));
        ConvergenceFigure.Round wiped = convergence.wipeRoutersAndRestart();
        row("kill -9, qrouter- namespaces wiped, up: all answering", answering(wiped), "-");
        convergence.delete();
        lab.driver().deleteNetwork(external.networkId());
        System.out.println();
        System.out.println("everything the benchmark created (prefix " + lab.id + ") is deleted on exit");
    }

    private static String answering(ConvergenceFigure.Round round) {
        return ms(round.allAnswering()) + " (driver calls " + ms(round.reconcile()) + ")";
    }

    private static void row(String figure, String measured, String target) {
        System.out.printf(ROW, figure, measured, target);
    }

    private static String verdict(String target, boolean met) {
        return target + (met ? "  met" : "  MISSED");
    }

    private static String ms(Duration duration) {
        return String.format(Locale.ROOT, "%,d ms", duration.toMillis());
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
