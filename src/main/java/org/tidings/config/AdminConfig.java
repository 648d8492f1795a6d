package org.tidings.config;

/**
 * The web admin's settings.
 *
 * @param password the one admin password; null when none is set, and then the admin is off
 *     (a default password would be the first thing anyone tries)
 */
public record AdminConfig(String password) {
    static AdminConfig from(Settings s) {
        return new AdminConfig(s.optional("admin.password").orElse(null));
    }

    public boolean enabled() {
        return password != null;
    }

    /** The password stays out of logs and error messages. */
    @Override
    public String toString() {
        return "AdminConfig[" + (enabled() ? "password set" : "off") + "]";
    }
}
