package org.tidings.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Raw key/value settings after the file and environment have been merged, with typed accessors
 * that fail with a {@link ConfigException} naming the key.
 */
public final class Settings {
    private final Map<String, String> values;

    Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** For tests and tools that build settings without a file. */
    public static Settings of(Map<String, String> values) {
        return new Settings(values);
    }

    public Optional<String> optional(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    public String string(String key, String fallback) {
        return optional(key).orElse(fallback);
    }

    public Duration duration(String key, Duration fallback) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            Duration d = Duration.parse(v.get().toUpperCase(Locale.ROOT));
            if (d.isNegative() || d.isZero()) {
                throw new ConfigException(key, "must be a positive duration, got '" + v.get() + "'");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new ConfigException(key, "not an ISO-8601 duration such as PT20S: '" + v.get() + "'");
        }
    }

    public long positiveLong(String key, long fallback) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.get());
            if (n <= 0) {
                throw new ConfigException(key, "must be a positive number, got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "not a whole number: '" + v.get() + "'");
        }
    }

    public int positiveInt(String key, int fallback) {
        long n = positiveLong(key, fallback);
        if (n > Integer.MAX_VALUE) {
            throw new ConfigException(key, "too large: " + n);
        }
        return (int) n;
    }

    public double nonNegativeDouble(String key, double fallback) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.get());
            if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) {
                throw new ConfigException(key, "must be zero or a positive number, got " + v.get());
            }
            return d;
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "not a number: '" + v.get() + "'");
        }
    }

    public URI uri(String key, String fallback) {
        String v = string(key, fallback);
        try {
            URI u = new URI(v);
            if (!u.isAbsolute()) {
                throw new ConfigException(key, "must be an absolute URL, got '" + v + "'");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new ConfigException(key, "not a URL: '" + v + "'");
        }
    }

    public String oneOf(String key, String fallback, Set<String> allowed) {
        String v = string(key, fallback).toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new ConfigException(key, "must be one of " + allowed + ", got '" + v + "'");
        }
        return v;
    }

    Set<String> keys() {
        return values.keySet();
    }
}
