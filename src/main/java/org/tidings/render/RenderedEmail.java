package org.tidings.render;

/** One rendered message, ready for the mail stage: both bodies of a multipart/alternative email. */
public record RenderedEmail(String subject, String text, String html) {
}
