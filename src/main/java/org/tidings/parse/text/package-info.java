/** Plain text from feed HTML (titles, summaries, character references) and plain text escaped as HTML. */
package org.tidings.parse.text;
