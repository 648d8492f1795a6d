package org.tidings.web.admin;

/**
 * One logged-in admin browser, as a request sees it: its id (the cookie), its CSRF token (in
 * every form), and the one-time notice ("Added feed...") an action left for this page, if any.
 *
 * @param notice null for none
 */
record AdminSession(String id, String csrf, String notice) {
}
