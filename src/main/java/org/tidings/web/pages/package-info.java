/** For readers and subscribers: the home page and archive, double opt-in sign-up, unsubscribe and category preferences. */
package org.tidings.web.pages;
