package org.tidings.web.pages;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.tidings.model.EmailAddress;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;
import org.tidings.store.AttemptLimit;
import org.tidings.subscribers.Signup;
import org.tidings.subscribers.SignupRequest;
import org.tidings.web.ClientAddress;
import org.tidings.web.ClientLimiter;
import org.tidings.web.PageWriter;
import org.tidings.web.Routes;

/**
 * Signing up: {@code POST /subscribe} (double opt-in) and {@code GET /confirm/{token}}.
 * The answer to a sign-up is the same whatever the address's state, so the form cannot be used to
 * learn who is subscribed. An active subscriber gets no email (nothing to confirm, and no way to
 * flood a subscriber's inbox); a pending one gets the confirmation again with a new window.
 */
public final class SubscribePages implements Routes {
    private static final int SIGNUPS_PER_CLIENT = 5;
    private static final Duration SIGNUP_WINDOW = Duration.ofMinutes(10);

    private final PageParts parts;
    private final Clock clock;
    private final Duration confirmWithin;
    private final ClientLimiter limiter;
    private final ConfirmationOutbox outbox;

    public SubscribePages(PageParts parts) {
        this.parts = parts;
        this.clock = parts.clock();
        this.confirmWithin = parts.web().confirmWithin();
        this.limiter = new ClientLimiter(parts.attempts(), new AttemptLimit("signup", SIGNUPS_PER_CLIENT, SIGNUP_WINDOW),
                clock);
        this.outbox = new ConfirmationOutbox(parts.newsletter());
    }

    @Override
    public void awaitIdle(Duration limit) throws InterruptedException {
        outbox.awaitIdle(limit);
    }

    @Override
    public void stop() {
        outbox.close();
    }

    @Override
    public List<String> pages() {
        return List.of("subscribe", Notice.PAGE);
    }

    @Override
    public void register(JavalinConfig config, PageWriter pages) {
        config.routes.post("/subscribe", ctx -> subscribe(ctx, pages));
        config.routes.get("/confirm/{token}", ctx -> confirm(ctx, pages));
    }

    private void subscribe(Context ctx, PageWriter pages) {
        if (!limiter.allow(ClientAddress.of(ctx))) {
            ctx.header("Retry-After", String.valueOf(SIGNUP_WINDOW.toSeconds()));
            new Notice(429, "Too many sign-ups", "Too many sign-ups came from your address lately. Please try again"
                    + " in " + SIGNUP_WINDOW.toMinutes() + " minutes.").show(ctx, pages);
            return;
        }
        List<String> known = CategoryChoice.known(parts.feeds());
        SubscribeForm form = SubscribeForm.read(ctx, known);
        Optional<String> problem = problem(form, known, ctx.formParams("categories"));
        if (problem.isPresent()) {
            ctx.status(400);
            pages.write(ctx, "subscribe", "Sign up", java.util.Map.of("form", form.withError(problem.get())));
            return;
        }
        Signup.Outcome outcome = new Signup(parts.newsletter()).add(new SignupRequest(form.email(), form.name(),
                form.chosen(), false), Signup.Returning.RESUBSCRIBE_OR_REMIND);
        if (outcome.needsConfirmation()) {
            outbox.send(outcome.subscriber());
        }
        new Notice(200, "Check your inbox", "If " + form.email() + " is not subscribed yet, an email with a"
                + " confirmation link is on its way to it. Open the link within " + Durations.describe(confirmWithin)
                + " to start receiving the newsletter.").show(ctx, pages);
    }

    private static Optional<String> problem(SubscribeForm form, List<String> known, List<String> posted) {
        try {
            EmailAddress.parse(form.email());
        } catch (IllegalArgumentException e) {
            return Optional.of("That email address does not work: " + e.getMessage() + ".");
        }
        if (form.name().length() > SubscribeForm.MAX_NAME) {
            return Optional.of("The name is too long (at most " + SubscribeForm.MAX_NAME + " characters).");
        }
        return CategoryChoice.match(known, posted).isEmpty()
                ? Optional.of("Please choose among the listed categories.") : Optional.empty();
    }

    private void confirm(Context ctx, PageWriter pages) {
        Optional<Subscriber> found = parts.subscribers().findByToken(ctx.pathParam("token"));
        if (found.isEmpty()) {
            Notice.notFound("This confirmation link is not known. Check that it was copied whole, or sign up"
                    + " again.").show(ctx, pages, SubscribeForm.empty(CategoryChoice.known(parts.feeds())));
            return;
        }
        Subscriber s = found.get();
        boolean active = s.status() == SubscriberStatus.ACTIVE || s.status() == SubscriberStatus.PENDING
                && parts.subscribers().confirm(s.id(), clock.instant().minus(confirmWithin), clock.instant());
        if (!active) {
            new Notice(410, "Link expired", "This confirmation link has expired. Sign up again and we will send"
                    + " you a fresh one.").show(ctx, pages, SubscribeForm.filled(CategoryChoice.known(parts.feeds()),
                            s.email().value(), "", s.categories()));
            return;
        }
        new Notice(200, "You are subscribed", "Thank you: " + s.email() + " will receive the next issue.",
                List.of(new Notice.Link(pages.site().links().preferences(s.token()).toString(), "Choose your categories"),
                        new Notice.Link(pages.site().links().archive().toString(), "Read past issues"))).show(ctx, pages);
    }
}
