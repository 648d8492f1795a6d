/** Builds each issue of the newsletter and picks each subscriber's articles for it. */
package org.tidings.digest;
