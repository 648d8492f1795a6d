/** Writes the merged feed of stored articles as Atom 1.0, RSS 2.0 and JSON Feed 1.1, and the archive of issues as Atom. */
package org.tidings.publish;
