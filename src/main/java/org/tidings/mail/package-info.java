/**
 * Mail in both directions: the sending port ({@link org.tidings.mail.Mailer}), MIME composition and its
 * SMTP and outbox-file adapters; and reading what comes back to the bounce address
 * ({@link org.tidings.mail.InboundReader}, {@link org.tidings.mail.InboundMailbox}).
 */
package org.tidings.mail;
