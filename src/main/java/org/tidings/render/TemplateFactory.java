package org.tidings.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheNotFoundException;
import com.github.mustachejava.TemplateContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Compiles templates of one kind (HTML or text) with their partials, which take the escaping of
 * the template that includes them. Mustache's own errors become {@link TemplateException}s naming
 * the admin's file and line.
 */
final class TemplateFactory extends DefaultMustacheFactory {
    private static final String EXTENSION = ".mustache";

    private final TemplateFiles files;
    private final ValueEscaping escaping;

    TemplateFactory(TemplateFiles files, ValueEscaping escaping) {
        super(files);
        this.files = files;
        this.escaping = escaping;
    }

    @Override
    public void encode(String value, Writer writer) {
        try {
            escaping.write(value, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * "{{> _footer.html}}" names "_footer.html.mustache" beside the including template. Mustache's
     * own rule keeps any name with a dot as is, which would make every partial tag spell out
     * ".mustache".
     */
    @Override
    public String resolvePartialPath(String dir, String name, String extension) {
        String file = name.endsWith(EXTENSION) ? name : name + EXTENSION;
        return file.startsWith("/") ? file.substring(1) : dir + file;
    }

    Template template(String name) {
        try {
            return new Template(name, compile(name), this);
        } catch (MustacheNotFoundException e) {
            throw new TemplateException(files.describe(name) + ": no template " + e.getName()
                    + " in " + files.searched(), e);
        } catch (MustacheException e) {
            throw problem(e);
        }
    }

    /** The message of a failed compile or render: "file line N: reason". */
    TemplateException problem(MustacheException e) {
        TemplateContext where = e.getContext();
        if (where == null || where.file() == null) {
            return new TemplateException(e.getMessage(), e);
        }
        String place = files.describe(where.file()) + (where.line() > 0 ? " line " + where.line() : "");
        return new TemplateException(place + ": " + reason(e), e);
    }

    /** Mustache appends " @[file:line]" to its messages; ours say where first, once. */
    private static String reason(MustacheException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.lastIndexOf(" @[");
        return at > 0 ? message.substring(0, at) : message;
    }
}
