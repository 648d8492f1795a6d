package org.tidings.render;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The web pages: {@code pages/<name>.html.mustache} in the templates folder (the jar's copies as
 * fallback), sharing the partials {@code pages/_top.html.mustache} and {@code pages/_bottom.html.mustache}.
 * All compiled at start, so a broken page stops serve with its file and line instead of failing
 * for the first visitor. Values are HTML-escaped; only a view's sanitized article HTML may use
 * triple braces.
 */
public final class Pages {
    private final Map<String, Template> pages = new LinkedHashMap<>();

    private Pages(TemplateFactory factory, Collection<String> names) {
        for (String name : names) {
            pages.put(name, factory.template("pages/" + name + ".html.mustache"));
        }
    }

    /** @param names every page the web server will render */
    public static Pages load(Path templatesDir, Collection<String> names) {
        return new Pages(new TemplateFactory(new TemplateFiles(templatesDir), ValueEscaping.HTML), names);
    }

    /** @throws IllegalArgumentException for a page not named at load */
    public String render(String name, Object view) {
        Template page = pages.get(name);
        if (page == null) {
            throw new IllegalArgumentException("No page template " + name + " was loaded");
        }
        return page.render(view);
    }
}
