/** Reads and writes OPML feed lists. */
package org.tidings.opml;
