package org.tidings.render;

import java.util.Objects;
import java.util.function.ToIntFunction;
import org.tidings.config.DigestConfig;
import org.tidings.model.Digest;
import org.tidings.model.PublicLinks;
import org.tidings.model.Subscriber;

/**
 * Renders a digest as one subscriber's email, within {@code digest.max-bytes}, or as the issue's
 * web page, whole. Thread-safe.
 */
public final class DigestRenderer {
    private final Templates templates;
    private final DigestViews views;
    private final MailBudget budget;

    /**
     * @param wireSize the octets an HTML body takes once encoded for sending, as the mail stage
     *     encodes it (mail.WireSize::of): the budget counts what Gmail counts
     */
    public DigestRenderer(Templates templates, DigestConfig config, PublicLinks links, ToIntFunction<String> wireSize) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.views = new DigestViews(Objects.requireNonNull(config, "config"), Objects.requireNonNull(links, "links"));
        this.budget = new MailBudget(templates.digestHtml(), views, config.maxBytes(), wireSize);
    }

    /**
     * The email for one subscriber, with their unsubscribe and preferences links; subject = the
     * issue's. Both parts have the same articles: those that keep the HTML part within budget.
     */
    public RenderedEmail render(Digest digest, Subscriber subscriber) {
        MailBudget.Cut cut = budget.cut(digest, subscriber);
        DigestView view = views.email(cut.digest(), subscriber, cut.leftOut());
        String text = TextWrap.wrap(templates.digestText().render(view), TextWrap.MAIL_WIDTH);
        return new RenderedEmail(digest.issue().subject(), text, templates.digestHtml().render(view));
    }

    /** The web version of the issue, for the archive: same content, every article, no personal links. */
    public String renderWeb(Digest digest) {
        return templates.digestHtml().render(views.web(digest));
    }
}
