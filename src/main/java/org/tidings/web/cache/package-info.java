/** Documents rendered once per change of what they show and served with ETag, Last-Modified and 304 Not Modified: the merged feeds, the front page, the archive feed. */
package org.tidings.web.cache;
