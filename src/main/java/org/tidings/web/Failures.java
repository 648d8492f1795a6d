package org.tidings.web;

import io.javalin.config.JavalinConfig;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a request that failed is answered: a one-line 500 for an exception, and for an Error (an
 * OutOfMemoryError inside one big query) a 503 with Retry-After, since the next try may well
 * work. Either way only that request fails; the stack trace goes to the log.
 */
final class Failures {
    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    static void install(JavalinConfig config) {
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            WebServer.plain(ctx.status(500), "Internal server error; the details are in Tidings' log");
        });
        config.router.javaLangErrorHandler(Failures::error);
    }

    private static void error(HttpServletResponse res, Error error) {
        LOG.error("A request failed with {}", error.toString(), error);
        if (res.isCommitted()) {
            return;
        }
        res.setStatus(503);
        res.setHeader("Retry-After", String.valueOf(OverloadGate.RETRY_AFTER_SECONDS));
        res.setContentType("text/plain; charset=utf-8");
        try {
            res.getWriter().write("Server short of resources; try again in a few seconds\n");
        } catch (IOException | IllegalStateException e) {
            // The client is gone, or the body was started as bytes: the status is all it gets.
            LOG.debug("could not write the error body", e);
        }
    }
}
