package org.tidings;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster for the tests that need one: Debian's own binaries
 * ({@code apt-get install postgresql}), initialised in a temporary folder and started on a free
 * loopback port the first time a test asks, stopped when the test JVM exits. Each call of
 * {@link #newDatabase} gives an empty database of its own. Without PostgreSQL installed the tests
 * that need it are skipped with a message; under {@code CI=true} they fail, so that CI cannot pass
 * without running them.
 */
public final class TestPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Cluster cluster;

    private TestPostgres() {
    }

    /** A JDBC URL (user and password in it) of a new, empty database. */
    public static synchronized String newDatabase() {
        if (cluster == null) {
            cluster = Cluster.start();
        }
        String name = "t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(cluster.url("postgres"));
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return cluster.url(name);
    }

    /** Connections PostgreSQL takes in all; several serve processes share them in the cluster tests. */
    private static final int MAX_CONNECTIONS = 400;

    private record Cluster(Path dir, Path bin, int port) {
        String url(String database) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
        }

        static Cluster start() {
            Path bin = binaries();
            try {
                Path dir = Files.createTempDirectory("tidings-pg");
                // Set after creating: the umask narrows permissions given at creation. The postgres
                // user writes the cluster and its socket here.
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
                int port = freePort();
                run(bin, List.of("initdb", "-D", dir.resolve("data").toString(), "-A", "trust", "-U", "postgres",
                        "-E", "UTF8", "--locale=C", "--no-sync"));
                // Durability settings off: the cluster lives as long as the test run.
                run(bin, List.of("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(),
                        "-w", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                                + " -c synchronous_commit=off -c full_page_writes=off -c max_connections="
                                + MAX_CONNECTIONS, "start"));
                Cluster started = new Cluster(dir, bin, port);
                Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop test PostgreSQL"));
                return started;
            } catch (IOException e) {
                throw new IllegalStateException("Could not start a test PostgreSQL cluster", e);
            }
        }

        void stop() {
            try {
                run(bin, List.of("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
                try (Stream<Path> all = Files.walk(dir)) {
                    all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("Could not stop the test PostgreSQL in " + dir + ": " + e.getMessage());
            }
        }
    }

    private static Path binaries() {
        Path versions = Path.of("/usr/lib/postgresql");
        try (Stream<Path> found = Files.isDirectory(versions) ? Files.list(versions) : Stream.empty()) {
            return found.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString)).orElseGet(TestPostgres::missing);
        } catch (IOException e) {
            return missing();
        }
    }

    private static Path missing() {
        String why = "PostgreSQL is not installed (apt-get install postgresql): PostgreSQL tests need it";
        if ("true".equals(System.getenv("CI"))) {
            fail(why);
        }
        abort(why);
        throw new AssertionError("unreachable");
    }

    /** initdb refuses to run as root: then the binaries run as Debian's postgres user. */
    private static void run(Path bin, List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.add(bin.resolve(command.get(0)).toString());
        full.addAll(command.subList(1, command.size()));
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", full) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
