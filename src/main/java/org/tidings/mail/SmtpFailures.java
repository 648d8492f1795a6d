package org.tidings.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Reads a failed send as an outcome. RFC 5321 section 4.2.1: a 5yz reply is permanent, so the message
 * is rejected for good; a 4yz reply is transient. Anything without a reply (the connection dropped,
 * a timeout) is treated as transient too: the message may not have been delivered and trying again
 * later is the only safe choice.
 */
final class SmtpFailures {
    private SmtpFailures() {
    }

    static SendOutcome outcome(MessagingException e) {
        SendFailedException reply = serverReply(e);
        int code = reply == null ? -1 : code(reply);
        if (code >= 500 && code <= 599) {
            return new SendOutcome.Rejected(oneLine(reply.getMessage()));
        }
        if (code >= 400 && code <= 499) {
            return new SendOutcome.Deferred(oneLine(reply.getMessage()));
        }
        return new SendOutcome.Deferred("connection lost: " + rootMessage(e));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            return root.getClass().getSimpleName();
        }
        // Angus reports a server that hung up without a reply as a bare "[EOF]".
        return message.strip().equals("[EOF]") ? "the server closed the connection" : oneLine(message);
    }

    /**
     * The server's reply to this recipient if there is one (it is the most specific: the message-level
     * exception around it may just say "Invalid Addresses"), else its reply to the message, else null.
     */
    private static SendFailedException serverReply(MessagingException e) {
        SendFailedException reply = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPAddressFailedException address && address.getReturnCode() > 0) {
                return address;
            }
            if (t instanceof SMTPSendFailedException send && send.getReturnCode() > 0 && reply == null) {
                reply = send;
            }
        }
        return reply;
    }

    private static int code(SendFailedException reply) {
        return reply instanceof SMTPAddressFailedException address ? address.getReturnCode()
                : ((SMTPSendFailedException) reply).getReturnCode();
    }

    /** Server replies can span lines ("550-...\r\n550 ..."); outcomes and logs want one. */
    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
