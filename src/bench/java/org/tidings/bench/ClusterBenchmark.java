package org.tidings.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.tidings.TestPostgres;
import org.tidings.Tidings;
import org.tidings.config.ConfigLoader;

/**
 * An issue to many subscribers (100,000 by default) sent by 1, 2 and 3 {@code serve} nodes on one
 * PostgreSQL (a throw-away cluster of Debian's server), started as users start them, from
 * target/tidings.jar, and asked to send by {@code digest send} beside them; then again with three
 * nodes, one killed with SIGKILL a third of the way through. Reports messages per second in all
 * and per node (from the ledger's claimed_by), how long the send took after the kill, and the
 * messages in doubt. Every node and the sink share this machine's cores.
 *
 * <p>{@code mvn -q -DskipTests package && mvn -q -Pbench test-compile exec:exec@cluster-bench}
 * (-Dbench.subscribers, -Dbench.cluster.nodes=1,2,3, -Dbench.cluster.concurrency=6 in bench.jvmArgs).
 */
public final class ClusterBenchmark {
    private static final Path WORK = Path.of("target", "bench", "cluster");

    private ClusterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int subscribers = Integer.getInteger("bench.subscribers", 100_000);
        int concurrency = Integer.getInteger("bench.cluster.concurrency", 6);
        List<Integer> sizes = Arrays.stream(System.getProperty("bench.cluster.nodes", "1,2,3").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        BenchFiles.deleteTree(WORK);
        Files.createDirectories(WORK);
        TidingsJar jar = TidingsJar.find(Path.of("target", "tidings.jar"), WORK.resolve("none.properties"));
        System.out.printf("cluster: %d subscribers, mail.concurrency %d for the cluster, %d cores%n", subscribers,
                concurrency, Runtime.getRuntime().availableProcessors());
        try (SmtpSink sink = SmtpSink.start(WORK.resolve("smtp-sink.log"))) {
            System.out.println("sink: " + sink.describe());
            for (int nodes : sizes) {
                run(jar, sink, subscribers, concurrency, nodes, false);
            }
            run(jar, sink, subscribers, concurrency, sizes.get(sizes.size() - 1), true);
        }
        System.exit(0);
    }

    private static void run(TidingsJar base, SmtpSink sink, int subscribers, int concurrency, int nodes, boolean kill)
            throws Exception {
        String name = nodes + (kill ? "-kill" : "");
        Path dir = Files.createDirectories(WORK.resolve(name));
        String url = TestPostgres.newDatabase();
        Path config = dir.resolve("tidings.properties");
        Files.writeString(config, String.join("\n", "db.url=" + url, "mail.transport=smtp", "smtp.host=127.0.0.1",
                "smtp.port=" + sink.port(), "smtp.security=none", "mail.from=Tidings <news@tidings.example.org>",
                "mail.concurrency=" + concurrency, "mail.claim-lease=PT15S",
                "templates.dir=" + Path.of("templates").toAbsolutePath(), "data.dir=" + dir.resolve("data"), ""));
        TidingsJar jar = base.with(config);
        seed(config, subscribers);
        List<Process> serves = new ArrayList<>();
        try {
            for (int i = 0; i < nodes; i++) {
                serves.add(serve(jar, dir, i));
            }
            for (int i = 0; i < nodes; i++) {
                awaitLog(dir.resolve("node" + i + ".log"), "web: http://", serves.get(i));
            }
            long start = System.nanoTime();
            Process send = ChildProcesses.start(new ProcessBuilder(jar.command(List.of(), List.of("digest", "send")))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("send.log").toFile()));
            long killedAt = 0;
            if (kill) {
                while (sent(url) < subscribers / 3 && send.isAlive()) {
                    Thread.sleep(200);
                }
                // Not the node that runs the newsletter job: that is the recovery test's case.
                Process victim = serves.stream().filter(p -> !runsNewsletter(url, p.pid())).findFirst().orElseThrow();
                victim.destroyForcibly();
                killedAt = System.nanoTime();
            }
            if (!send.waitFor(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("digest send did not end; see " + dir);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            report(name, url, subscribers, seconds, kill ? (System.nanoTime() - killedAt) / 1e9 : -1);
        } finally {
            serves.forEach(ChildProcesses::kill);
        }
    }

    private static void seed(Path config, int subscribers) throws Exception {
        long start = System.nanoTime();
        try (Tidings t = Tidings.open(new ConfigLoader(WORK, Map.of()).load(config), Clock.systemUTC())) {
            Instant now = t.clock().instant();
            NewsletterData.articles(t, NewsletterData.feeds(t, 10, now), 300, now);
            NewsletterData.subscribers(t, subscribers, now);
        }
        System.out.printf("  seeded %d subscribers in %.1f s%n", subscribers, (System.nanoTime() - start) / 1e9);
    }

    private static Process serve(TidingsJar jar, Path dir, int i) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(jar.command(List.of(), List.of("serve"))).redirectErrorStream(true)
                .redirectOutput(dir.resolve("node" + i + ".log").toFile());
        pb.environment().put("TIDINGS_HTTP_PORT", String.valueOf(freePort()));
        return ChildProcesses.start(pb);
    }

    private static void report(String name, String url, int subscribers, double seconds, double afterKill)
            throws SQLException {
        Map<String, Long> byNode = new LinkedHashMap<>();
        Map<String, Double> windows = new LinkedHashMap<>();
        double window;
        long inDoubt;
        try (Connection c = DriverManager.getConnection(url)) {
            // The window from a node's first hand-over to SMTP to its last recorded message: its sending
            // rate without the process starts, the issue build and the polling around it.
            String span = "EXTRACT(EPOCH FROM MAX(updated_at) - MIN(handed_at))";
            try (PreparedStatement ps = c.prepareStatement("SELECT claimed_by, COUNT(*), " + span + " FROM deliveries"
                    + " WHERE status = 'sent' GROUP BY claimed_by ORDER BY claimed_by"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byNode.put(rs.getString(1), rs.getLong(2));
                    windows.put(rs.getString(1), rs.getDouble(3));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + span + " FROM deliveries WHERE status = 'sent'");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                window = rs.getDouble(1);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM deliveries WHERE status = 'failed'"
                    + " AND last_error LIKE 'in doubt:%'"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                inDoubt = rs.getLong(1);
            }
        }
        long sent = byNode.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("%s node(s): %d of %d sent in %.1f s = %.0f messages/s command to exit; sending window %.1f s"
                + " = %.0f messages/s%s%n", name, sent, subscribers, seconds, sent / seconds, window, sent / window,
                afterKill >= 0 ? String.format("; %.1f s from the kill to the end, %d in doubt", afterKill, inDoubt) : "");
        byNode.forEach((node, n) -> System.out.printf("  %-32s %6d messages in %.1f s, %.0f/s%n", node, n,
                windows.get(node), n / windows.get(node)));
    }

    private static long sent(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM deliveries WHERE status = 'sent'"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean runsNewsletter(String url, long pid) {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM qrtz_fired_triggers WHERE job_name = 'newsletter' AND instance_name LIKE ?")) {
            ps.setString(1, "%:" + pid + ":%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitLog(Path log, String text, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(log) || !Files.readString(log).contains(text)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("serve did not start; see " + log);
            }
            Thread.sleep(200);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
