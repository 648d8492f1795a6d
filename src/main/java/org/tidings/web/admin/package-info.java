/** For whoever runs Tidings: the password-protected admin with its sessions, login throttle and pages for feeds, subscribers and the newsletter. */
package org.tidings.web.admin;
