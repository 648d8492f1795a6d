package org.tidings.parse;

import org.jdom2.Namespace;

/** The XML namespaces whose elements we read ourselves rather than through Rome. */
final class FeedNamespaces {
    static final Namespace ATOM_10 = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    static final Namespace ATOM_03 = Namespace.getNamespace("http://purl.org/atom/ns#");
    static final Namespace DC = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");
    static final Namespace DC_TERMS = Namespace.getNamespace("http://purl.org/dc/terms/");
    static final Namespace SYNDICATION = Namespace.getNamespace("http://purl.org/rss/1.0/modules/syndication/");

    private FeedNamespaces() {
    }
}
