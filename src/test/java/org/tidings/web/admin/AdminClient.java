package org.tidings.web.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tidings.web.WebFixture;

/**
 * A browser for the admin tests: keeps cookies (java.net.CookieManager), does not follow
 * redirects (tests check them), and takes the CSRF token from the forms it is shown.
 */
final class AdminClient {
    static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private String csrf;

    /** A server with the admin on, public over plain http (so the cookie is not Secure and the client keeps it). */
    static WebFixture adminServer(java.nio.file.Path dir) {
        return new WebFixture(dir, Map.of("TIDINGS_ADMIN_PASSWORD", PASSWORD,
                "TIDINGS_PUBLIC_URL", "http://tidings.test/"));
    }

    AdminClient(WebFixture web) {
        this.port = web.server.port();
    }

    /** The same browser (its cookies, the token of its last page) on another server: a restart, or another node. */
    AdminClient movedTo(WebFixture other) {
        AdminClient moved = new AdminClient(other);
        cookies.getCookieStore().getCookies().forEach(c -> moved.cookies.getCookieStore().add(null, c));
        moved.csrf = csrf;
        return moved;
    }

    /** Logs in and reads the CSRF token from the dashboard. */
    AdminClient login() throws IOException, InterruptedException {
        HttpResponse<String> r = post("/admin/login", Map.of("password", PASSWORD));
        if (r.statusCode() != 303) {
            throw new AssertionError("login failed: " + r.statusCode() + " " + r.body());
        }
        get("/admin");
        return this;
    }

    String csrf() {
        return csrf;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return remember(client.send(request(path).build(), HttpResponse.BodyHandlers.ofString()));
    }

    HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return client.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A form post as a browser sends it, without adding the token. */
    HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
        return remember(client.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A form post with the CSRF token of the last page. */
    HttpResponse<String> submit(String path, String... fields) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return post(path, form);
    }

    /** A multipart upload of one file, with the CSRF token and any other fields. */
    HttpResponse<String> upload(String path, String fileName, byte[] content, String... fields)
            throws IOException, InterruptedException {
        String boundary = "----tidings-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        for (Map.Entry<String, String> f : form.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                    + "\"\r\n\r\n" + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return remember(client.send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private HttpResponse<String> remember(HttpResponse<String> r) {
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * Reads {@code path} and every page its "Next page" links lead to.
     *
     * @return each page's matches of {@code item}'s first group, in order, and then the page count
     */
    java.util.List<String> followPages(String path, java.util.regex.Pattern item) throws IOException,
            InterruptedException {
        java.util.List<String> seen = new java.util.ArrayList<>();
        java.util.regex.Pattern next = java.util.regex.Pattern.compile("href=\"[^\"]*?(/admin/[^\"]*)\">Next page");
        int pages = 0;
        for (String at = path; at != null; pages++) {
            String page = get(at).body();
            java.util.regex.Matcher m = item.matcher(page);
            while (m.find()) {
                seen.add(m.group(1));
            }
            java.util.regex.Matcher n = next.matcher(page);
            at = n.find() ? n.group(1).replace("&amp;", "&") : null;
        }
        seen.add(String.valueOf(pages));
        return seen;
    }
}
