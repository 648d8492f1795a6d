/** For feed readers: the merged feed as Atom, RSS and JSON Feed, served through the render cache of {@link org.tidings.web.cache}. */
package org.tidings.web.feeds;
