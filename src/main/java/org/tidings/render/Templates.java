package org.tidings.render;

import java.nio.file.Path;

/**
 * Every template, compiled once at start from the admin's templates folder with the jar's copies
 * as fallback per file. A broken template stops the start with {@link TemplateException}, rather
 * than the first send. Thread-safe after load.
 */
public final class Templates {
    private static final String TEXT_SUFFIX = ".txt.mustache";

    private final Template digestHtml;
    private final Template digestText;
    private final Template confirmHtml;
    private final Template confirmText;

    private Templates(TemplateFactory html, TemplateFactory text) {
        this.digestHtml = compile("digest.html.mustache", html, text);
        this.digestText = compile("digest.txt.mustache", html, text);
        this.confirmHtml = compile("confirm.html.mustache", html, text);
        this.confirmText = compile("confirm.txt.mustache", html, text);
    }

    /** @param templatesDir the admin's folder (config templates.dir); null or missing means built-in only */
    public static Templates load(Path templatesDir) {
        TemplateFiles files = new TemplateFiles(templatesDir);
        return new Templates(new TemplateFactory(files, ValueEscaping.HTML), new TemplateFactory(files, ValueEscaping.TEXT));
    }

    private static Template compile(String name, TemplateFactory html, TemplateFactory text) {
        return (name.endsWith(TEXT_SUFFIX) ? text : html).template(name);
    }

    Template digestHtml() {
        return digestHtml;
    }

    Template digestText() {
        return digestText;
    }

    Template confirmHtml() {
        return confirmHtml;
    }

    Template confirmText() {
        return confirmText;
    }
}
