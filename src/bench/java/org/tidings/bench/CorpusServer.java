package org.tidings.bench;

import java.net.URI;

/** Serves the corpus files over loopback, with ETags so a refetch can be answered 304. */
interface CorpusServer extends AutoCloseable {
    URI url(int feed);

    /** What serves the files, for the report. */
    String describe();

    @Override
    void close();

    /**
     * nginx when installed (a real feed host costs our process nothing, and nginx's sendfile costs
     * this 2-core machine little), else the JDK's server inside the benchmark's own process.
     */
    static CorpusServer start(java.nio.file.Path corpus, java.nio.file.Path work) throws Exception {
        java.nio.file.Path nginx = java.nio.file.Path.of("/usr/sbin/nginx");
        if (!"jdk".equals(System.getProperty("bench.server")) && java.nio.file.Files.isExecutable(nginx)) {
            return NginxServer.start(nginx, corpus, work.resolve("nginx"), Integer.getInteger("bench.hosts", 8));
        }
        return new BenchServer(corpus);
    }
}
