package org.tidings.config;

import org.tidings.model.EmailAddress;

/** A configured mailbox, "Display Name &lt;address&gt;" or a bare address. */
record MailboxSpec(String name, EmailAddress address) {
    static MailboxSpec parse(String key, String value) {
        String v = value.strip();
        String name = null;
        String addr = v;
        int lt = v.lastIndexOf('<');
        if (lt >= 0 && v.endsWith(">")) {
            name = v.substring(0, lt).strip().replaceAll("^\"|\"$", "");
            addr = v.substring(lt + 1, v.length() - 1);
        }
        if (name != null && (name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0)) {
            throw new ConfigException(key, "the name must not contain line breaks");
        }
        try {
            return new MailboxSpec(name == null || name.isEmpty() ? null : name, EmailAddress.parse(addr));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, e.getMessage());
        }
    }
}
