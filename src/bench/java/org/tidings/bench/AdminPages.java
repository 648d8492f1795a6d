package org.tidings.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Single GETs of serve's pages, timed one after the other, as an admin logged in through the login form. */
final class AdminPages {
    private static final Pattern FEED_LINK = Pattern.compile("href=\"/admin/feeds/(\\d+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Duration limit;
    private String cookie = "";

    AdminPages(String base, Duration limit) {
        this.base = base;
        this.limit = limit;
    }

    /** POST /admin/login with the password; keeps the session cookie (tidings_admin) that answers it. */
    void login(String password) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/login")).timeout(limit)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("password=" + URLEncoder.encode(password,
                        StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("tidings_admin="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IOException("login answered " + r.statusCode() + " without a session cookie"));
    }

    /** A feed's id from the first page of /admin/feeds, for /admin/feeds/{id}. */
    Optional<String> someFeedId() {
        try {
            Matcher m = FEED_LINK.matcher(get("/admin/feeds").body());
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** What {@code times} GETs of a page came to; {@code problem} is set when one failed, and ends the series. */
    record Timing(List<Duration> times, int status, long bytes, String problem) {
        Duration first() {
            return times.get(0);
        }

        Duration median() {
            List<Duration> sorted = times.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }
    }

    /**
     * GETs {@code path} up to {@code times} times in a row; stops at the first error status, timeout
     * or failure, and once the series has taken longer than the time limit of one GET.
     */
    Timing time(String path, int times) throws InterruptedException {
        List<Duration> taken = new ArrayList<>();
        int status = 0;
        long bytes = 0;
        long start0 = System.nanoTime();
        for (int i = 0; i < times && System.nanoTime() - start0 < limit.toNanos(); i++) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> r = get(path);
                taken.add(Duration.ofNanos(System.nanoTime() - start));
                status = r.statusCode();
                bytes = r.body().getBytes(StandardCharsets.UTF_8).length;
                if (status >= 400) {
                    return new Timing(taken, status, bytes, "HTTP " + status);
                }
            } catch (IOException e) {
                taken.add(Duration.ofNanos(System.nanoTime() - start));
                return new Timing(taken, status, bytes, e instanceof java.net.http.HttpTimeoutException
                        ? "no answer within " + limit.toSeconds() + " s" : e.toString());
            }
        }
        return new Timing(taken, status, bytes, null);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(limit).header("Cookie", cookie)
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
