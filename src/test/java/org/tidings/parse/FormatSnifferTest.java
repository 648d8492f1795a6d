package org.tidings.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tidings.parse.FormatSniffer.Kind;

class FormatSnifferTest {
    @Test
    void findsRootElementAfterPrologWithoutTrustingIt() {
        String text = "\uFEFF \n<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"s.xsl\"?>\n<!-- c -->\n<rdf:RDF xmlns:rdf=\"x\">";

        FormatSniffer.Sniff sniff = FormatSniffer.sniff(text);

        assertEquals(Kind.XML_FEED, sniff.kind());
        assertEquals("rdf:RDF", sniff.rootName());
        assertEquals(text.indexOf("<rdf:RDF"), sniff.rootStart());
    }

    @Test
    void skipsPlainDoctypeAndRejectsOneWithInternalSubset() {
        assertEquals(Kind.XML_FEED, FormatSniffer.sniff("<!DOCTYPE rss SYSTEM \"x.dtd\"><rss>").kind());
        assertEquals(Kind.HOSTILE_DOCTYPE, FormatSniffer.sniff("<!DOCTYPE rss [<!ENTITY a 'b'>]><rss>").kind());
        assertEquals(Kind.HOSTILE_DOCTYPE, FormatSniffer.sniff("<!doctype rss SYSTEM \"[x\" [ ]><rss>").kind());
    }

    @Test
    void recognizesJsonAndHtml() {
        assertEquals(Kind.JSON, FormatSniffer.sniff("  \n{\"version\":1}").kind());
        assertEquals(Kind.HTML, FormatSniffer.sniff("<!DOCTYPE html><title>x</title>").kind());
        assertEquals(Kind.HTML, FormatSniffer.sniff("<html>").kind());
        assertEquals(Kind.HTML, FormatSniffer.sniff("Hello <body>").kind());
        assertEquals(Kind.XML_FEED, FormatSniffer.sniff("<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\">").kind());
        assertEquals(Kind.UNKNOWN, FormatSniffer.sniff("<opml><head/></opml>").kind());
    }
}
