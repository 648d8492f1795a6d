package org.tidings.publish;

import java.io.OutputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.tidings.model.PublicLinks;
import org.tidings.model.SentIssue;

/**
 * Writes the newsletter's archive as an Atom 1.0 feed (RFC 4287): one entry per sent issue,
 * linking to its web version, so a feed reader can follow the newsletter instead of a mailbox.
 */
public final class ArchiveFeedWriter {
    private final PublicLinks links;
    private final String newsletterTitle;

    public ArchiveFeedWriter(PublicLinks links, String newsletterTitle) {
        this.links = links;
        this.newsletterTitle = newsletterTitle;
    }

    /** @param issues newest first */
    public void write(List<SentIssue> issues, OutputStream out) {
        try (XmlOut xml = new XmlOut(out)) {
            xml.start("feed").defaultNamespace(AtomFeedWriter.ATOM);
            xml.element("id", links.archiveFeed().toString());
            AtomFeedWriter.textConstruct(xml, "title", newsletterTitle + " archive");
            // An empty archive still needs an updated date; a fixed one keeps its bytes stable.
            xml.element("updated", FeedDates.rfc3339(issues.isEmpty() ? Instant.EPOCH : newest(issues)));
            AtomFeedWriter.link(xml, "self", links.archiveFeed()).attribute("type", "application/atom+xml").end();
            AtomFeedWriter.link(xml, "alternate", links.archive()).end();
            // RFC 4287 4.1.2: with the author at feed level, no entry needs its own.
            xml.start("author").element("name", newsletterTitle).end();
            xml.element("generator", "Tidings");
            for (SentIssue issue : issues) {
                entry(xml, issue);
            }
            xml.end();
        }
    }

    private void entry(XmlOut xml, SentIssue issue) {
        URI url = links.archive(issue.number());
        xml.start("entry");
        xml.element("id", url.toString());
        AtomFeedWriter.textConstruct(xml, "title", issue.subject());
        AtomFeedWriter.link(xml, "alternate", url).attribute("type", "text/html").end();
        xml.element("published", FeedDates.rfc3339(issue.sentAt()));
        xml.element("updated", FeedDates.rfc3339(issue.sentAt()));
        AtomFeedWriter.textConstruct(xml, "summary", "Issue " + issue.number() + " of " + newsletterTitle);
        xml.end();
    }

    private static Instant newest(List<SentIssue> issues) {
        return issues.stream().map(SentIssue::sentAt).max(Instant::compareTo).orElseThrow();
    }
}
