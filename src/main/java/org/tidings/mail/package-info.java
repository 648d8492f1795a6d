/** Sending mail: the {@link org.tidings.mail.Mailer} port, MIME composition and its SMTP and outbox-file adapters. */
package org.tidings.mail;
