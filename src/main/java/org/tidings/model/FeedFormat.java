package org.tidings.model;

/** The syndication formats Tidings reads. */
public enum FeedFormat {
    RSS, RDF, ATOM, JSON_FEED
}
