package org.tidings.render;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.StringWriter;

/** One compiled template. Thread-safe: Mustache keeps no state between executions. */
final class Template {
    private final String name;
    private final Mustache mustache;
    private final TemplateFactory factory;

    Template(String name, Mustache mustache, TemplateFactory factory) {
        this.name = name;
        this.mustache = mustache;
        this.factory = factory;
    }

    String render(Object view) {
        StringWriter out = new StringWriter(16 * 1024);
        try {
            mustache.execute(out, view);
        } catch (MustacheException e) {
            throw factory.problem(e);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return name;
    }
}
