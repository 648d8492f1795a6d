package org.tidings.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /static/{file}}: the stylesheet (and any file an admin adds) from the templates
 * folder's {@code static/}, else the jar's copy. Flat names only, so no path can leave the folder.
 */
final class StaticFiles implements Routes {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,80}");
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml", "png", "image/png",
            "ico", "image/x-icon", "woff2", "font/woff2");

    private final Path dir;

    /** @param templatesDir the admin's templates folder, or null */
    StaticFiles(Path templatesDir) {
        this.dir = templatesDir == null ? null : templatesDir.resolve("static");
    }

    @Override
    public void register(JavalinConfig config, PageWriter pages) {
        config.routes.get("/static/{file}", this::serve);
    }

    private void serve(Context ctx) throws IOException {
        String name = ctx.pathParam("file");
        String type = NAME.matcher(name).matches() ? TYPES.get(extension(name)) : null;
        byte[] body = type == null ? null : read(name);
        if (body == null) {
            throw new NotFoundResponse();
        }
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType(type).result(body);
    }

    private byte[] read(String name) throws IOException {
        if (dir != null && Files.isRegularFile(dir.resolve(name))) {
            return Files.readAllBytes(dir.resolve(name));
        }
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream("templates/static/" + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
