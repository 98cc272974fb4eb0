package dev.kumo.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs the identity benchmark against the built kumo jar and prints its figures (see {@link Report}).
 * Started by {@code bench/run}, which builds kumo first; exit status 0 when every figure was taken
 * (targets missed or not), 1 when the run failed, 2 on bad arguments.
 */
public final class IdentityBench {
    private static final int RESTARTS = 3;
    private static final int BCRYPT_ROUNDS = 20;
    /** Lets the JIT and GC threads go quiet before RSS is read, so it is the idle figure. */
    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final double VALIDATE_TARGET = 5_000;
    private static final double ISSUE_BY_TOKEN_TARGET = 1_000;
    /**
     * The server was just restarted: without this, the first figure would measure the JIT compiling
     * the request path (validate at concurrency 1 came out 3x slower than when run warm).
     */
    static final Duration SERVER_WARM_UP = Duration.ofSeconds(3);
    static final int SERVER_WARM_UP_THREADS = 16;

    private final BenchOptions options;
    private final Workspace workspace;
    private final Report report;

    private IdentityBench(BenchOptions options, Workspace workspace, Report report) {
        this.options = Objects.requireNonNull(options, "options");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.report = Objects.requireNonNull(report, "report");
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("kumo-bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        int status = 0;
        try (Workspace workspace = Workspace.create()) {
            new IdentityBench(options, workspace, new Report(System.out)).run();
        } catch (Exception e) {
            System.err.println("kumo-bench: the run failed: " + e.getMessage());
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private void run() throws IOException, InterruptedException {
        report.header(Machine.describe(options.javaHome()), options);
        ServerProcess server = startAndRestart();
        Credentials credentials = Credentials.read(workspace.stateDir());
        Thread.sleep(SETTLE);
        report.resident("after start", server.residentKilobytes());
        LoadResult passwordAlone = loadFigures(server, credentials);
        Thread.sleep(SETTLE);
        report.resident("after the load", server.residentKilobytes());
        server.stop(); // the bcrypt probe gets the cores to itself
        BcryptProbe.Result bcrypt = BcryptProbe.measure(credentials.bcryptCost(), BCRYPT_ROUNDS);
        report.bcrypt(bcrypt, Runtime.getRuntime().availableProcessors());
        report.passwordOverhead(passwordAlone, bcrypt);
        report.footer(Machine.describe(options.javaHome()));
    }

    /** A first start on an empty state dir, then restarts on it; returns the last server, still running. */
    private ServerProcess startAndRestart() throws IOException, InterruptedException {
        var launcher = new ServerLauncher(options, workspace);
        ServerLauncher.Started first = launcher.start();
        report.firstStart(first.toHealthy());
        Duration firstStop = first.server().stop();
        List<Duration> restarts = new ArrayList<>();
        List<Duration> stops = new ArrayList<>();
        ServerLauncher.Started last = null;
        for (int i = 0; i < RESTARTS; i++) {
            if (last != null) {
                stops.add(last.server().stop());
            }
            last = launcher.start();
            restarts.add(last.toHealthy());
        }
        report.restarts(restarts);
        report.stops(firstStop, stops);
        return last.server();
    }

    /** Validate, issue by token, issue by password; returns the password run at concurrency 1 (compared with bcrypt). */
    private LoadResult loadFigures(ServerProcess server, Credentials credentials) throws IOException, InterruptedException {
        var requests = new IdentityRequests(server.baseUri());
        String adminToken;
        String demoToken;
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            adminToken = requests.token(client, requests.issueByPassword("admin", credentials.adminPassword(), "admin"));
            demoToken = requests.token(client, requests.issueByPassword("demo", credentials.demoPassword(), "demo"));
        }
        warmUpServer(requests.validate(adminToken, demoToken), requests.issueByToken(adminToken));
        var runner = new LoadRunner(options.warmUp(), options.measured());
        for (int concurrency : new int[] {1, 16}) {
            report.load(runner.run("token validate (GET)", concurrency, requests.validate(adminToken, demoToken), 200), VALIDATE_TARGET);
        }
        for (int concurrency : new int[] {1, 16}) {
            report.load(runner.run("token issue, method token", concurrency, requests.issueByToken(adminToken), 201),
                    ISSUE_BY_TOKEN_TARGET);
        }
        var byPassword = requests.issueByPassword("admin", credentials.adminPassword(), "admin");
        LoadResult alone = runner.run("token issue, method password", 1, byPassword, 201);
        report.load(alone, 0);
        report.load(runner.run("token issue, method password", 4, byPassword, 201), 0);
        return alone;
    }

    /** Both request kinds at full concurrency, not counted; only errors are reported. */
    private void warmUpServer(HttpRequest validate, HttpRequest issueByToken) throws InterruptedException {
        var warmUp = new LoadRunner(Duration.ZERO, SERVER_WARM_UP);
        report.warmUpErrors(warmUp.run("server warm-up, token validate", SERVER_WARM_UP_THREADS, validate, 200));
        report.warmUpErrors(warmUp.run("server warm-up, token issue", SERVER_WARM_UP_THREADS, issueByToken, 201));
    }
}
