/** Picks each subscriber's articles for an issue of the newsletter. */
package org.tidings.digest;
