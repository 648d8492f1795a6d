package org.tidings.opml;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walks one OPML document and collects its feed outlines. Used once, by {@link OpmlReader}.
 *
 * <p>An outline with an xmlUrl is a feed; any other outline is a folder whose name becomes the
 * category of the feeds inside it. Exporters disagree on attribute case (xmlUrl, xmlurl), so
 * attributes are matched ignoring case.
 */
final class OutlineCollector {
    private final XMLStreamReader xml;
    /** Names of the enclosing outlines, innermost first; "" for feeds and unnamed folders. */
    private final Deque<String> folders = new ArrayDeque<>();
    private final List<OpmlOutline> feeds = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Set<URI> seen = new HashSet<>();

    OutlineCollector(XMLStreamReader xml) {
        this.xml = xml;
    }

    OpmlDocument collect() throws XMLStreamException {
        boolean rootSeen = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new OpmlException("DOCTYPE declarations are not allowed");
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                if (!rootSeen && !is("opml")) {
                    throw new OpmlException("not an OPML document (root element <" + xml.getLocalName() + ">)");
                }
                rootSeen = true;
                if (is("outline")) {
                    startOutline();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && is("outline")) {
                folders.pop();
            }
        }
        if (!rootSeen) {
            throw new OpmlException("the document has no root element");
        }
        return new OpmlDocument(feeds, problems);
    }

    private void startOutline() {
        String title = firstNonBlank(attribute("title"), attribute("text"));
        String xmlUrl = attribute("xmlUrl");
        if (xmlUrl == null || xmlUrl.isBlank()) {
            folders.push(title == null ? "" : title);
            return;
        }
        String category = enclosingFolder();
        folders.push("");
        URI feedUrl = httpUrl(xmlUrl);
        if (feedUrl == null) {
            problem("skipped \"" + (title == null ? xmlUrl : title) + "\": xmlUrl \"" + xmlUrl.strip()
                    + "\" is not an absolute http(s) URL");
        } else if (!seen.add(feedUrl)) {
            problem("skipped " + feedUrl + ": listed twice");
        } else {
            // Our writer, like others, puts the URL in the required text attribute when it knows no title.
            String name = xmlUrl.strip().equals(title) ? null : title;
            String filed = category != null ? category : categoryAttribute();
            feeds.add(new OpmlOutline(feedUrl, name, httpUrl(attribute("htmlUrl")), filed));
        }
    }

    private String enclosingFolder() {
        for (String folder : folders) {
            if (!folder.isEmpty()) {
                return folder;
            }
        }
        return null;
    }

    /**
     * OPML 2.0's category attribute is a comma-separated list of slash-delimited paths
     * ("/Tech/Java,/News"); the first path, without its leading slash, is the closest thing to a folder.
     */
    private String categoryAttribute() {
        String categories = attribute("category");
        if (categories == null) {
            return null;
        }
        String first = categories.split(",", 2)[0].strip().replaceFirst("^/+", "").strip();
        return first.isEmpty() ? null : first;
    }

    private String attribute(String name) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equalsIgnoreCase(name)) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    private boolean is(String elementName) {
        return xml.getLocalName().equalsIgnoreCase(elementName);
    }

    private void problem(String text) {
        problems.add("Line " + xml.getLocation().getLineNumber() + ": " + text);
    }

    private static URI httpUrl(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme();
            boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
            return http && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first.strip();
        }
        return second != null && !second.isBlank() ? second.strip() : null;
    }
}
