package org.tidings.store;

/**
 * A fingerprint of the articles table that is cheap to read: it changes whenever an article is
 * added (ids only grow) or deleted. It does not change when an article is edited in place, so a
 * cache keyed by it also needs an age limit.
 */
public record ArticlesVersion(long count, long maxId) {
}
