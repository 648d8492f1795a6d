package org.tidings.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** nginx from Debian, started for the run with a configuration of its own, serving the corpus folder. */
final class NginxServer implements CorpusServer {
    private final Process process;
    private final int port;
    private final int hosts;

    private NginxServer(Process process, int port, int hosts) {
        this.process = process;
        this.port = port;
        this.hosts = hosts;
    }

    /**
     * @param hosts loopback addresses to listen on (127.0.0.1, 127.0.0.2...): 2,000 blogs live on
     *     many hosts, and fetch.per-host would otherwise hold the whole run to two requests
     */
    static NginxServer start(Path nginx, Path corpus, Path dir, int hosts) throws Exception {
        Files.createDirectories(dir.resolve("tmp"));
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String d = dir.toAbsolutePath().toString();
        Files.writeString(dir.resolve("nginx.conf"), String.join("\n",
                "worker_processes 1;", "pid " + d + "/nginx.pid;", "error_log " + d + "/error.log warn;",
                "events { worker_connections 1024; }",
                "http {",
                "  access_log off; sendfile on; tcp_nopush on; tcp_nodelay on;",
                "  keepalive_requests 1000000; keepalive_timeout 120s;",
                "  default_type application/rss+xml; charset utf-8; charset_types application/rss+xml;",
                "  client_body_temp_path " + d + "/tmp/body; proxy_temp_path " + d + "/tmp/proxy;",
                "  fastcgi_temp_path " + d + "/tmp/fcgi; uwsgi_temp_path " + d + "/tmp/uwsgi;",
                "  scgi_temp_path " + d + "/tmp/scgi;",
                "  server { " + listen(hosts, port) + " root " + corpus.toAbsolutePath() + "; }",
                "}", ""));
        Process p = ChildProcesses.start(new ProcessBuilder(nginx.toString(), "-p", d, "-c", d + "/nginx.conf", "-g",
                "daemon off;").redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()));
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 100);
                return new NginxServer(p, port, hosts);
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new IOException("nginx did not start; see " + dir.resolve("error.log"));
    }

    private static String listen(int hosts, int port) {
        StringBuilder sb = new StringBuilder();
        for (int h = 1; h <= hosts; h++) {
            sb.append("listen 127.0.0.").append(h).append(':').append(port).append("; ");
        }
        return sb.toString();
    }

    @Override
    public URI url(int feed) {
        return URI.create("http://127.0.0." + (1 + feed % hosts) + ":" + port + "/feed-" + feed + ".xml");
    }

    @Override
    public String describe() {
        return "nginx (a separate process) on " + hosts + " loopback address" + (hosts > 1 ? "es" : "") + ", port "
                + port;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
