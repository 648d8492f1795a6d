package org.tidings.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Real {@code serve} processes on one PostgreSQL database, each in a JVM and a working folder of
 * its own, as nodes run on separate machines: started, killed with SIGKILL, or stopped with
 * SIGTERM. Their logs stay in {@code nodeN/serve.log} for the failure messages.
 */
final class ClusterNodes implements AutoCloseable {
    private final Path dir;
    private final Map<String, String> env;
    private final List<Node> nodes = new ArrayList<>();

    /** @param env the settings every node gets (TIDINGS_* variables), the database URL among them */
    ClusterNodes(Path dir, Map<String, String> env) {
        this.dir = dir;
        this.env = env;
    }

    /** One serve process. */
    record Node(int number, Process process, Path folder) {
        String log() {
            try {
                return Files.readString(folder.resolve("serve.log"));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }

        long pid() {
            return process.pid();
        }

        /** Whether Quartz's instance name (a {@link org.tidings.model.NodeId}: host:pid:random) is this node's. */
        boolean is(String instance) {
            return instance != null && instance.contains(":" + pid() + ":");
        }
    }

    /** Starts {@code count} nodes at once, as after a deploy, and waits until each listens. */
    List<Node> startAll(int count) throws IOException, InterruptedException {
        List<Node> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            started.add(launch());
        }
        for (Node node : started) {
            awaitListening(node);
        }
        return started;
    }

    /** Starts a node and waits until its web server listens. */
    Node start() throws IOException, InterruptedException {
        Node node = launch();
        awaitListening(node);
        return node;
    }

    private static void awaitListening(Node node) throws InterruptedException {
        await(() -> node.log().contains("web: http://") || !node.process().isAlive(), 90,
                () -> "node " + node.number() + " did not start:\n" + node.log());
        assertTrue(node.process().isAlive(), () -> "node " + node.number() + " exited:\n" + node.log());
    }

    private Node launch() throws IOException {
        int number = nodes.size() + 1;
        Path folder = Files.createDirectories(dir.resolve("node" + number));
        Map<String, String> all = new HashMap<>(env);
        all.put("TIDINGS_HTTP_PORT", String.valueOf(freePort()));
        all.put("TIDINGS_TEMPLATES_DIR", Path.of("templates").toAbsolutePath().toString());
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", productClassPath(), "org.tidings.Main", "serve").directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(folder.resolve("serve.log").toFile());
        pb.environment().putAll(all);
        Node node = new Node(number, pb.start(), folder);
        nodes.add(node);
        return node;
    }

    List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** SIGKILL: the node stops at once, as a machine that loses power. */
    void kill(Node node) throws InterruptedException {
        node.process().destroyForcibly();
        node.process().waitFor(30, TimeUnit.SECONDS);
    }

    /** The logs of every node, for a failure message. */
    String logs() {
        return nodes.stream().map(n -> "=== node " + n.number() + " (pid " + n.pid() + ")\n" + tail(n.log()))
                .collect(Collectors.joining("\n"));
    }

    private static String tail(String log) {
        String[] lines = log.split("\n");
        return String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - 40), lines.length));
    }

    static void await(BooleanSupplier done, int seconds, java.util.function.Supplier<String> why)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, why);
            Thread.sleep(200);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Node n : nodes) {
            n.process().destroy();
        }
        for (Node n : nodes) {
            if (!n.process().waitFor(30, TimeUnit.SECONDS)) {
                n.process().destroyForcibly();
            }
        }
    }

    /** A command of the product run beside the nodes, as a user runs it, with the nodes' settings. */
    Process command(String folderName, String... args) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(folderName));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", productClassPath(), "org.tidings.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("out.log").toFile());
        pb.environment().putAll(env);
        pb.environment().put("TIDINGS_TEMPLATES_DIR", Path.of("templates").toAbsolutePath().toString());
        return pb.start();
    }

    /** The product's class path without the tests' classes, whose logback-test.xml would silence serve. */
    private static String productClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
