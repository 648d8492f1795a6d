package org.tidings.render;

import java.util.Objects;
import org.tidings.config.DigestConfig;
import org.tidings.model.Digest;
import org.tidings.model.PublicLinks;
import org.tidings.model.Subscriber;

/** Renders a digest as one subscriber's email, or as the issue's web page. Thread-safe. */
public final class DigestRenderer {
    private final Templates templates;
    private final DigestViews views;

    public DigestRenderer(Templates templates, DigestConfig config, PublicLinks links) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.views = new DigestViews(Objects.requireNonNull(config, "config"), Objects.requireNonNull(links, "links"));
    }

    /** The email for one subscriber, with their unsubscribe and preferences links; subject = the issue's. */
    public RenderedEmail render(Digest digest, Subscriber subscriber) {
        DigestView view = views.email(digest, subscriber);
        String text = TextWrap.wrap(templates.digestText().render(view), TextWrap.MAIL_WIDTH);
        return new RenderedEmail(digest.issue().subject(), text, templates.digestHtml().render(view));
    }

    /** The web version of the issue, for the archive: same content, no personal links. */
    public String renderWeb(Digest digest) {
        return templates.digestHtml().render(views.web(digest));
    }
}
