package org.tidings.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Postfix's {@code smtp-sink} on a free loopback port, as a child process stopped on close. */
final class PostfixSink implements SmtpSink {
    private static final long READY_MILLIS = 5000;

    private final Process process;
    private final int port;

    private PostfixSink(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static PostfixSink start(Path binary, Path logFile) throws IOException {
        int port = freeLoopbackPort();
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        // smtp-sink refuses to run as root without a user to switch to once the socket is open.
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "nobody"));
        }
        // Backlog 1000; at most 256 sessions at once (its default), far more than we open.
        command.addAll(List.of("127.0.0.1:" + port, "1000"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logFile.toFile()).start();
        PostfixSink sink = new PostfixSink(process, port);
        try {
            sink.awaitGreeting();
        } catch (IOException e) {
            sink.close();
            throw e;
        }
        return sink;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String describe() {
        return "Postfix smtp-sink (pid " + process.pid() + ") on 127.0.0.1:" + port;
    }

    @Override
    public long accepted() {
        return -1;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The port is free when we look; the sink binds it a moment later, a race nothing else here runs. */
    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void awaitGreeting() throws IOException {
        long deadline = System.currentTimeMillis() + READY_MILLIS;
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                s.setSoTimeout(2000);
                InputStream in = s.getInputStream();
                if (in.read() == '2') {
                    return;
                }
            } catch (IOException e) {
                if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                    throw new IOException("smtp-sink did not start on port " + port + " (exit "
                            + (process.isAlive() ? "none, still running" : process.exitValue()) + ")", e);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for smtp-sink", e);
            }
        }
    }
}
