package org.tidings.render;

import com.github.mustachejava.MustacheResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds a template by name: the admin's copy in the templates folder when there is one, else the
 * copy built into the jar under "templates/". Per file, so an admin can restyle only the footer.
 */
final class TemplateFiles implements MustacheResolver {
    private static final String BUILT_IN = "templates/";

    private final Path dir;

    /** @param dir the admin's templates folder; may be null or missing, then every file is built in */
    TemplateFiles(Path dir) {
        this.dir = dir == null ? null : dir.toAbsolutePath().normalize();
    }

    @Override
    public Reader getReader(String name) {
        Path file = adminCopy(name);
        if (file != null) {
            return new StringReader(read(file));
        }
        InputStream in = builtIn(name);
        return in == null ? null : new StringReader(read(in, name));
    }

    /** Where a template comes from, for messages: its path, or its place in the jar. */
    String describe(String name) {
        Path file = adminCopy(name);
        return file != null ? file.toString() : BUILT_IN + name;
    }

    /** Where a missing template was looked for. */
    String searched() {
        return (dir == null ? "" : dir + " or ") + "the built-in " + BUILT_IN;
    }

    private Path adminCopy(String name) {
        if (dir == null) {
            return null;
        }
        Path file = dir.resolve(name).normalize();
        if (!file.startsWith(dir)) {
            // A partial tag is a path; keep it from reading files outside the templates folder.
            throw new TemplateException("Template name '" + name + "' points outside " + dir);
        }
        return Files.isRegularFile(file) ? file : null;
    }

    private static InputStream builtIn(String name) {
        if (name.contains("..")) {
            return null;
        }
        return TemplateFiles.class.getClassLoader().getResourceAsStream(BUILT_IN + name);
    }

    private static String read(Path file) {
        try {
            return withoutBom(Files.readString(file));
        } catch (CharacterCodingException e) {
            throw new TemplateException(file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new TemplateException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static String read(InputStream in, String name) {
        try (in) {
            return withoutBom(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TemplateException(BUILT_IN + name + ": cannot be read from the jar: " + e.getMessage(), e);
        }
    }

    /** Editors on Windows add a byte-order mark; it would come out before the doctype. */
    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
