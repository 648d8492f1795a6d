/** A subscriber's life: sign-up, confirmation, import and export; the newsletter sends what they chose. */
package org.tidings.subscribers;
