/** For feed readers: the merged feed as Atom, RSS and JSON Feed, served from a cache kept in step with the articles, with ETag, Last-Modified and 304 Not Modified. */
package org.tidings.web.feeds;
