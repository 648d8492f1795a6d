package org.tidings.web.pages;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tidings.web.WebFixture;

/** The links a reader clicks in an email that GreenMail received, moved onto the test's server. */
final class EmailLinks {
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

    private EmailLinks() {
    }

    /** The first link of the message's HTML part whose path starts with {@code pathPrefix}. */
    static URI link(Part message, String pathPrefix) throws MessagingException, IOException {
        String html = html(message).orElseThrow(() -> new AssertionError("the email has no HTML part"));
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            URI link = URI.create(m.group(1).replace("&amp;", "&"));
            if (link.getRawPath() != null && link.getRawPath().startsWith(pathPrefix)) {
                return link;
            }
        }
        throw new AssertionError("no link to " + pathPrefix + " in " + html);
    }

    /**
     * The same path on the fixture's server: emails link to {@code public.url}, a host the test
     * cannot reach.
     */
    static String onServer(WebFixture web, URI link) {
        return web.url(link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery()));
    }

    private static Optional<String> html(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/html")) {
            return Optional.of((String) part.getContent());
        }
        if (part.getContent() instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Optional<String> found = html(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
