package org.tidings.web.admin;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tidings.mail.MailUnavailableException;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;
import org.tidings.subscribers.Confirmations;
import org.tidings.subscribers.Signup;
import org.tidings.subscribers.SignupRequest;
import org.tidings.subscribers.SubscriberExport;
import org.tidings.subscribers.SubscriberImport;
import org.tidings.subscribers.SubscriberImport.Consent;

/**
 * {@code /admin/subscribers}: counts by status, search, add (active, or pending with a
 * confirmation email), unsubscribe, and the list as CSV in and out ({@code subscribers import}'s
 * format).
 */
final class AdminSubscribers {
    static final int PAGE = 100;

    private final AdminParts parts;
    private final AdminGate gate;
    private final AdminPages pages;

    AdminSubscribers(AdminParts parts, AdminGate gate, AdminPages pages) {
        this.parts = parts;
        this.gate = gate;
        this.pages = pages;
    }

    void register(JavalinConfig config) {
        config.routes.get("/admin/subscribers", gate.page(this::list));
        config.routes.post("/admin/subscribers", gate.action(this::add));
        config.routes.get("/admin/subscribers/export", gate.page(this::export));
        config.routes.post("/admin/subscribers/import", gate.action(this::importCsv));
        config.routes.post("/admin/subscribers/{id}/remove", gate.action(this::remove));
    }

    /** One row of the list. */
    record Row(long id, String email, String name, String status, String categories, String since, boolean active) {
    }

    /** One status and how many subscribers have it. */
    record Count(String status, long count) {
    }

    /**
     * A page of subscribers by address, after the address {@code after}: keyset paging on the
     * address index, so the hundredth page costs what the first does.
     */
    private void list(Context ctx, AdminSession session) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        String after = ctx.queryParam("after") == null ? "" : ctx.queryParam("after");
        List<Subscriber> found = parts.subscriberList().search(q, after, PAGE + 1);
        List<Row> rows = found.stream().limit(PAGE).map(this::row).toList();
        Map<String, Object> v = new HashMap<>();
        v.put("subscribers", rows);
        v.put("counts", parts.subscribers().countsByStatus().entrySet().stream()
                .map(e -> new Count(e.getKey().code(), e.getValue())).toList());
        v.put("q", q);
        v.put("qUrl", encode(q));
        v.put("total", parts.subscriberList().countMatching(q));
        if (!after.isEmpty()) {
            v.put("first", true);
        }
        if (found.size() > PAGE) {
            v.put("next", encode(rows.get(rows.size() - 1).email()));
        }
        pages.write(ctx, session, "admin-subscribers", "Subscribers", v);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Row row(Subscriber s) {
        return new Row(s.id(), s.email().value(),
                s.name() == null ? "" : s.name(), s.status().code(), String.join(", ", s.categories()),
                pages.time(s.createdAt()), s.status() == SubscriberStatus.ACTIVE || s.status() == SubscriberStatus.PENDING);
    }

    private void add(Context ctx, AdminSession session) throws MailUnavailableException {
        String categories = ctx.formParam("categories");
        Signup.Outcome o;
        try {
            o = new Signup(parts.newsletter()).add(new SignupRequest(AdminForms.required(ctx, "email", "an email address"),
                    ctx.formParam("name"), SignupRequest.categories(categories), ctx.formParam("confirmed") != null),
                    Signup.Returning.RESUBSCRIBE);
        } catch (IllegalArgumentException e) {
            throw AdminProblem.badRequest("Could not add the subscriber: " + e.getMessage());
        }
        if (o.suppressed() != null) {
            pages.redirect(ctx, session, "/admin/subscribers", o.refusal(ctx.formParam("email").strip()));
            return;
        }
        String what = !o.changed() ? "Already known: " : o.created() ? "Added " : "Subscribed anew: ";
        String notice = what + o.subscriber().email() + " (" + o.subscriber().status().code() + ").";
        if (o.needsConfirmation()) {
            List<String> problems = new Confirmations(parts.newsletter()).send(List.of(o.subscriber()));
            notice += problems.isEmpty() ? " Confirmation email sent." : " " + problems.get(0);
        }
        pages.redirect(ctx, session, "/admin/subscribers", notice);
    }

    private void remove(Context ctx, AdminSession session) {
        long id = AdminPages.id(ctx.pathParam("id"), "subscriber");
        Subscriber s = parts.subscribers().find(id).orElseThrow(() -> AdminProblem.notFound("No subscriber " + id + "."));
        parts.subscribers().setStatus(id, SubscriberStatus.UNSUBSCRIBED, parts.clock().instant());
        pages.redirect(ctx, session, "/admin/subscribers", "Unsubscribed " + s.email() + ".");
    }

    private void export(Context ctx, AdminSession session) {
        StringWriter out = new StringWriter();
        SubscriberExport.write(parts.subscriberList(), out);
        ctx.header("Content-Disposition", "attachment; filename=\"subscribers.csv\"");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/csv; charset=utf-8").result(out.toString());
    }

    private void importCsv(Context ctx, AdminSession session) throws IOException, MailUnavailableException {
        UploadedFile file = AdminForms.upload(ctx, "file", "a CSV file");
        Consent consent = ctx.formParam("pending") != null ? Consent.PENDING : Consent.CONFIRMED;
        SubscriberImport.Report report;
        try (Reader r = new InputStreamReader(file.content(), StandardCharsets.UTF_8)) {
            report = new SubscriberImport(parts.newsletter()).read(r, consent);
        } catch (IllegalArgumentException | IOException e) {
            throw AdminProblem.badRequest("Could not import " + file.filename() + ": " + e.getMessage());
        }
        StringBuilder notice = new StringBuilder(report.describe(consent)).append('.');
        report.badRows().forEach(b -> notice.append(" Line ").append(b.line()).append(": ").append(b.reason()).append('.'));
        report.confirmationProblems().forEach(p -> notice.append(' ').append(p).append('.'));
        pages.redirect(ctx, session, "/admin/subscribers", notice.toString());
    }
}
