package org.tidings.web.admin;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.tidings.model.Digest;
import org.tidings.model.EmailAddress;
import org.tidings.model.Issue;
import org.tidings.model.Subscriber;
import org.tidings.newsletter.IssueSender;
import org.tidings.store.DeliveryCounts;
import org.tidings.store.MailEventCounts;

/**
 * {@code /admin/newsletter}: the coming issue as one subscriber would get it, "send now" behind a
 * confirmation page, and the history of issues with their delivery counts and what came back
 * (hard and soft bounces, complaints).
 */
final class AdminNewsletter {
    /**
     * The preview is our own email HTML, sanitized when its articles were read; it uses inline
     * styles, as emails must. So this one response allows inline style, and nothing else.
     */
    static final String PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:;"
            + " frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private static final int HISTORY = 50;

    private final AdminParts parts;
    private final AdminGate gate;
    private final AdminPages pages;
    private final Runnable sendIssueNow;

    AdminNewsletter(AdminParts parts, AdminGate gate, AdminPages pages) {
        this.parts = parts;
        this.gate = gate;
        this.pages = pages;
        this.sendIssueNow = parts.sendIssueNow();
    }

    void register(JavalinConfig config) {
        config.routes.get("/admin/newsletter", gate.page(this::show));
        config.routes.get("/admin/newsletter/preview", gate.page(this::preview));
        config.routes.post("/admin/newsletter/send", gate.action(this::confirmSend));
        config.routes.post("/admin/newsletter/send/confirm", gate.action(this::send));
    }

    /** One past issue, its ledger and the mail events that name it. */
    record Past(int number, String subject, String built, long sent, long failed, long pending, long skipped,
            long hardBounces, long softBounces, long complaints) {
    }

    private void show(Context ctx, AdminSession session) {
        List<Issue> recent = parts.issues().recent(HISTORY);
        List<Long> ids = recent.stream().map(Issue::id).toList();
        Map<Long, DeliveryCounts> counts = parts.deliveries().counts(ids);
        Map<Long, MailEventCounts> events = parts.mailEvents().perIssue(ids);
        List<Past> history = recent.stream().map(i -> past(i, counts.getOrDefault(i.id(), DeliveryCounts.NONE),
                events.getOrDefault(i.id(), MailEventCounts.NONE))).toList();
        pages.write(ctx, session, "admin-newsletter", "Newsletter", Map.of("issues", history,
                "hasIssues", !history.isEmpty()));
    }

    private Past past(Issue i, DeliveryCounts c, MailEventCounts e) {
        return new Past(i.number(), i.subject(), pages.time(i.periodEnd()), c.sent(), c.failed(), c.pending(),
                c.skipped(), e.hardBounces(), e.softBounces(), e.complaints());
    }

    private void preview(Context ctx, AdminSession session) {
        String email = ctx.queryParam("subscriber");
        IssueSender sender = new IssueSender(parts.newsletter());
        Subscriber s = email == null || email.isBlank() ? sender.sampleReader() : subscriber(email);
        Digest digest = sender.preview().forSubscriber(s);
        if (digest.isEmpty()) {
            pages.message(ctx, 200, "Nothing to preview", "Nothing new for " + s.email() + " in the coming issue.");
            return;
        }
        ctx.header("Content-Security-Policy", PREVIEW_POLICY);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8").result(parts.newsletter().digestRenderer().render(digest, s).html());
    }

    private Subscriber subscriber(String email) {
        EmailAddress address;
        try {
            address = EmailAddress.parse(email);
        } catch (IllegalArgumentException e) {
            throw AdminProblem.badRequest("Not an email address: " + e.getMessage());
        }
        return parts.subscribers().findByEmail(address)
                .orElseThrow(() -> AdminProblem.notFound("No subscriber " + address + "."));
    }

    private void confirmSend(Context ctx, AdminSession session) {
        pages.write(ctx, session, "admin-confirm", "Send the newsletter now", Map.of(
                "question", "Send the coming issue to every active subscriber now? An unfinished issue is resumed"
                        + " instead; the scheduled issue still goes out at its time if anything new arrives.",
                "action", "/admin/newsletter/send/confirm", "button", "Send now", "back", "/admin/newsletter"));
    }

    private void send(Context ctx, AdminSession session) {
        sendIssueNow.run();
        pages.redirect(ctx, session, "/admin/newsletter", "The newsletter job has started; refresh this page to"
                + " follow the counts.");
    }
}
