package org.tidings.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Reads {@code tidings.properties} (from {@code --config}, else the working directory's
 * {@code tidings.properties} or {@code config/tidings.properties}), applies {@code TIDINGS_*}
 * environment overrides and validates every value.
 */
public final class ConfigLoader {
    /** Every key Tidings understands; anything else in the file is a typo and stops the start. */
    static final Set<String> KNOWN_KEYS = Set.of(
            "data.dir", "db.url", "db.username", "db.password", "db.pool-size", "public.url",
            "fetch.timeout", "fetch.max-bytes", "fetch.concurrency", "fetch.per-host",
            "fetch.interval", "fetch.min-interval", "fetch.max-interval", "fetch.give-up-after",
            "fetch.user-agent",
            "mail.transport", "mail.from", "mail.reply-to", "mail.concurrency", "mail.rate",
            "mail.messages-per-connection", "mail.max-attempts", "mail.retry-delay", "mail.claim-lease",
            "mail.dkim.domain", "mail.dkim.selector", "mail.dkim.key-file", "mail.bounce-address",
            "mail.soft-bounce-limit", "inbound.url", "inbound.interval",
            "smtp.host", "smtp.port", "smtp.username", "smtp.password", "smtp.security",
            "digest.title", "digest.zone", "digest.max-per-feed", "digest.max-articles", "digest.max-bytes",
            "templates.dir",
            "digest.cron", "retention.days", "serve.stop-timeout",
            "http.bind", "http.port", "http.max-requests", "http.max-queued", "admin.password", "subscribe.confirm-within");

    private final Path workingDir;
    private final Map<String, String> env;

    public ConfigLoader(Path workingDir, Map<String, String> env) {
        this.workingDir = workingDir;
        this.env = env;
    }

    /** @param explicitFile the {@code --config} file, or null to look in the working directory */
    public TidingsConfig load(Path explicitFile) {
        Map<String, String> values = new HashMap<>();
        Path baseDir = workingDir;
        if (explicitFile != null) {
            if (!Files.isRegularFile(explicitFile)) {
                throw new ConfigException("--config", "no such file: " + explicitFile);
            }
            values.putAll(read(explicitFile));
            Path parent = explicitFile.toAbsolutePath().getParent();
            baseDir = parent == null ? workingDir : parent;
        } else {
            for (Path candidate : new Path[] {
                    workingDir.resolve("tidings.properties"), workingDir.resolve("config/tidings.properties")}) {
                if (Files.isRegularFile(candidate)) {
                    values.putAll(read(candidate));
                    break;
                }
            }
        }
        for (String key : values.keySet()) {
            if (!KNOWN_KEYS.contains(key)) {
                throw new ConfigException(key, "unknown key (see config/tidings.properties for the valid ones)");
            }
        }
        for (String key : KNOWN_KEYS) {
            String override = env.get(envName(key));
            if (override != null) {
                values.put(key, override);
            }
        }
        return build(new Settings(values), baseDir);
    }

    /** {@code fetch.max-bytes} becomes {@code TIDINGS_FETCH_MAX_BYTES}. */
    static String envName(String key) {
        return "TIDINGS_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static TidingsConfig build(Settings s, Path baseDir) {
        Path dataDir = baseDir.resolve(s.string("data.dir", "data")).normalize().toAbsolutePath();
        DatabaseConfig db = DatabaseConfig.from(s, DatabaseUrl.h2File(dataDir));
        URI publicUrl = s.uri("public.url", TidingsConfig.DEFAULT_PUBLIC_URL.toString());
        if (!"http".equals(publicUrl.getScheme()) && !"https".equals(publicUrl.getScheme())) {
            throw new ConfigException("public.url", "must be an http or https URL, got '" + publicUrl + "'");
        }
        return new TidingsConfig(dataDir, db, baseDir.toAbsolutePath(), publicUrl, FetchConfig.from(s),
                MailConfig.from(s), DigestConfig.from(s, baseDir), ScheduleConfig.from(s), WebConfig.from(s),
                AdminConfig.from(s), DeliverabilityConfig.from(s, baseDir));
    }

    private static Map<String, String> read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new ConfigException("--config", "cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> m = new HashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k.trim(), p.getProperty(k)));
        return m;
    }
}
