package org.tidings.web.admin;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tidings.model.InboundKind;
import org.tidings.model.Subscriber;
import org.tidings.store.MailEventStore.MailEvent;

/**
 * {@code /admin/subscribers/{id}}: one subscriber, whether their address is suppressed, and what
 * came back from the mail sent to them (bounces, complaints, unsubscribes by mail), newest first.
 */
final class AdminSubscriber {
    /** Events shown: the newest are the ones that explain the subscriber's status. */
    static final int EVENTS = 50;

    private final AdminParts parts;
    private final AdminGate gate;
    private final AdminPages pages;

    AdminSubscriber(AdminParts parts, AdminGate gate, AdminPages pages) {
        this.parts = parts;
        this.gate = gate;
        this.pages = pages;
    }

    /** After {@link AdminSubscribers}: /admin/subscribers/export is not the subscriber with id "export". */
    void register(JavalinConfig config) {
        config.routes.get("/admin/subscribers/{id}", gate.page(this::show));
    }

    /** One event as a row. */
    record Row(String kind, String issue, String status, String diagnostic, String at) {
    }

    private void show(Context ctx, AdminSession session) {
        long id = AdminPages.id(ctx.pathParam("id"), "subscriber");
        Subscriber s = parts.subscribers().find(id).orElseThrow(() -> AdminProblem.notFound("No subscriber " + id + "."));
        List<Row> events = parts.mailEvents().ofSubscriber(id, EVENTS).stream().map(this::row).toList();
        Map<String, Object> v = new HashMap<>();
        v.put("email", s.email().value());
        v.put("name", s.name() == null ? "" : s.name());
        v.put("status", s.status().code());
        v.put("since", pages.time(s.createdAt()));
        v.put("events", events);
        v.put("hasEvents", !events.isEmpty());
        v.put("limit", EVENTS);
        parts.subscribers().suppressions().find(s.email()).ifPresent(x -> v.put("suppressed",
                (x.reason() == InboundKind.COMPLAINT ? "complained" : "bounced hard") + " on " + pages.time(x.since())));
        pages.write(ctx, session, "admin-subscriber", s.email().value(), v);
    }

    private Row row(MailEvent e) {
        return new Row(e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                e.issueNumber() == null ? "" : e.issueNumber().toString(), e.status() == null ? "" : e.status(),
                e.diagnostic() == null ? "" : e.diagnostic(), pages.time(e.at()));
    }
}
