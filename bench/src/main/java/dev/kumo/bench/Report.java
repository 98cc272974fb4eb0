package dev.kumo.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Prints one line per figure: what, the measured value, and the target with whether it was met. */
final class Report {
    private static final String ROW = "%-44s %-62s %s%n";

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    void header(Machine machine, BenchOptions options) {
        out.println("kumo identity benchmark   " + ZonedDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")));
        out.println("machine   " + machine.cores() + " cores (nproc), " + machine.cpuModel() + ", " + machine.memory()
                + ", " + machine.kernel() + ", load average " + machine.loadAverage() + " at start");
        out.println("java      server: " + machine.serverJava() + "; client: " + machine.clientJava());
        out.println("kumo      " + options.kumoJar());
        out.println("load      server warmed up first (validate, then issue by token: " + seconds(IdentityBench.SERVER_WARM_UP)
                + " each, " + IdentityBench.SERVER_WARM_UP_THREADS + " threads, not counted); then per figure "
                + seconds(options.warmUp()) + " warm-up + " + seconds(options.measured())
                + " measured; HTTP/1.1 keep-alive, one connection per client thread, client on the same machine");
        out.println();
        out.printf(ROW, "figure", "measured", "target");
    }

    void firstStart(Duration toHealthy) {
        out.printf(ROW, "start → healthy, first start", millis(toHealthy) + " (new state dir, database, CDS archive)",
                verdict("< 2,000 ms", toHealthy.toMillis() < 2000));
    }

    void restarts(List<Duration> toHealthy) {
        Duration median = toHealthy.stream().sorted().toList().get(toHealthy.size() / 2);
        out.printf(ROW, "start → healthy, restart (median of " + toHealthy.size() + ")",
                millis(median) + " (" + String.join(", ", toHealthy.stream().map(Report::millis).toList()) + ")",
                verdict("< 2,000 ms", median.toMillis() < 2000));
    }

    void stops(Duration first, List<Duration> later) {
        out.printf(ROW, "stop, SIGTERM → exit", "first " + millis(first) + " (writes the CDS archive), then "
                + String.join(", ", later.stream().map(Report::millis).toList()), "-");
    }

    void resident(String when, long kilobytes) {
        double mib = kilobytes / 1024.0;
        out.printf(ROW, "idle RSS " + when, String.format(Locale.ROOT, "%.1f MiB (VmRSS)", mib), verdict("< 200 MB", mib < 200));
    }

    void load(LoadResult r, double targetPerSecond) {
        String value = String.format(Locale.ROOT, "%,.0f/s  p50 %.2f ms  p99 %.2f ms  (%,d ok)",
                r.perSecond(), r.p50Millis(), r.p99Millis(), r.succeeded());
        String target = targetPerSecond > 0
                ? verdict(String.format(Locale.ROOT, "≥ %,.0f/s", targetPerSecond), r.perSecond() >= targetPerSecond && r.errors() == 0)
                : "-";
        out.printf(ROW, r.name() + ", concurrency " + r.concurrency(), value, target);
        errors(r);
    }

    /** Warm-up runs print nothing unless something failed. */
    void warmUpErrors(LoadResult r) {
        if (r.errors() > 0) {
            out.println(r.name() + ", concurrency " + r.concurrency() + ":");
            errors(r);
        }
    }

    private void errors(LoadResult r) {
        if (r.errors() > 0) {
            out.printf("    ! %,d errors (answers other than %d, or failed requests; warm-up included), e.g.:%n",
                    r.errors(), r.expectedStatus());
            r.errorSamples().forEach(s -> out.println("      " + s));
        }
    }

    void bcrypt(BcryptProbe.Result b, int cores) {
        out.printf(ROW, "one bcrypt verify, in-process, cost " + b.cost(), String.format(Locale.ROOT,
                "%.1f ms (median of %d, fastest %.1f) → ≤ %.0f/s on %d cores", b.medianMillis(), b.rounds(),
                b.fastestMillis(), b.maxPerSecond(cores), cores), "-");
    }

    void passwordOverhead(LoadResult passwordIssue, BcryptProbe.Result b) {
        double ratio = passwordIssue.p50Millis() / b.medianMillis();
        out.printf(ROW, "password issue p50 (concurrency " + passwordIssue.concurrency() + ") / verify",
                String.format(Locale.ROOT, "%.2f (%.2f ms / %.2f ms)", ratio, passwordIssue.p50Millis(), b.medianMillis()),
                verdict("≤ 1.20 (within 20% of the hash)", ratio <= 1.20));
    }

    /** Other work on the machine skews every figure; the load average at the end shows how much there was. */
    void footer(Machine machine) {
        out.println();
        out.println("load average " + machine.loadAverage() + " at the end (1, 5, 15 min; above " + machine.cores()
                + " means the cores were shared with other work)");
    }

    private static String verdict(String target, boolean met) {
        return target + (met ? "  ok" : "  MISSED");
    }

    private static String millis(Duration d) {
        return String.format(Locale.ROOT, "%,d ms", d.toMillis());
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3g s", d.toMillis() / 1000.0).replace(".00 s", " s");
    }
}
