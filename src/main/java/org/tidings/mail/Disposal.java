package org.tidings.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;

/** What becomes of a message that was not ours to act on. */
interface Disposal {
    void ignored(Message m) throws MessagingException;

    /**
     * IMAP: copied to {@value InboundMailbox#IGNORED_FOLDER} and deleted from the inbox, so an admin
     * can look at what Tidings did not understand. The folder is made in the personal namespace
     * (Courier and some Dovecot set-ups only allow folders under "INBOX.").
     */
    final class MoveAside implements Disposal {
        private final Store store;
        private Folder folder;

        MoveAside(Store store) {
            this.store = store;
        }

        @Override
        public void ignored(Message m) throws MessagingException {
            m.getFolder().copyMessages(new Message[] {m}, folder());
            m.setFlag(Flags.Flag.DELETED, true);
        }

        private Folder folder() throws MessagingException {
            if (folder == null) {
                Folder[] personal = store.getPersonalNamespaces();
                Folder base = personal.length == 0 ? store.getDefaultFolder() : personal[0];
                folder = base.getFolder(InboundMailbox.IGNORED_FOLDER);
                if (!folder.exists() && !folder.create(Folder.HOLDS_MESSAGES)) {
                    throw new MessagingException("could not create folder " + folder.getFullName());
                }
            }
            return folder;
        }
    }

    /** POP3 has no folders to move a message to: an ignored message is deleted too, once counted. */
    final class DeleteAll implements Disposal {
        @Override
        public void ignored(Message m) throws MessagingException {
            m.setFlag(Flags.Flag.DELETED, true);
        }
    }
}
