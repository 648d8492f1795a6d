package org.tidings.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** target/tidings.jar as a user runs it: {@code java -Xmx256m -jar tidings.jar --config FILE ...}. */
final class TidingsJar {
    private final Path jar;
    private final Path config;

    private TidingsJar(Path jar, Path config) {
        this.jar = jar;
        this.config = config;
    }

    /** The jar that {@code mvn -q -DskipTests package} built; a clear failure without it, a warning when stale. */
    static TidingsJar find(Path jar, Path config) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn -q -DskipTests package first");
        }
        try (Stream<Path> sources = Files.walk(Path.of("src", "main"))) {
            long newest = sources.filter(Files::isRegularFile).mapToLong(p -> p.toFile().lastModified()).max()
                    .orElse(0);
            if (newest > jar.toFile().lastModified()) {
                System.out.println("warning: " + jar + " is older than src/main: run mvn -q -DskipTests package");
            }
        }
        return new TidingsJar(jar.toAbsolutePath(), config.toAbsolutePath());
    }

    /** The same jar with another configuration file. */
    TidingsJar with(Path otherConfig) {
        return new TidingsJar(jar, otherConfig.toAbsolutePath());
    }

    List<String> command(List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--config", config.toString()));
        command.addAll(args);
        return command;
    }
}
