package org.tidings.render;

import java.util.Objects;
import org.tidings.config.DigestConfig;
import org.tidings.model.PublicLinks;
import org.tidings.model.Subscriber;

/** Renders the double opt-in email that asks a new subscriber to confirm their address. Thread-safe. */
public final class ConfirmRenderer {
    private final Templates templates;
    private final DigestConfig config;
    private final PublicLinks links;

    public ConfirmRenderer(Templates templates, DigestConfig config, PublicLinks links) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.config = Objects.requireNonNull(config, "config");
        this.links = Objects.requireNonNull(links, "links");
    }

    public RenderedEmail render(Subscriber subscriber) {
        String title = OneLine.of(config.title());
        String name = OneLine.of(subscriber.name());
        ConfirmView view = new ConfirmView(DigestViews.LANG, title, "Confirm your subscription to " + title,
                "One click to start receiving " + title + ".", links.home().toASCIIString(),
                name.isEmpty() ? "Hello," : "Hello " + name + ",", subscriber.email().value(),
                links.confirm(subscriber.token()).toASCIIString());
        String text = TextWrap.wrap(templates.confirmText().render(view), TextWrap.MAIL_WIDTH);
        return new RenderedEmail(view.subject(), text, templates.confirmHtml().render(view));
    }
}
