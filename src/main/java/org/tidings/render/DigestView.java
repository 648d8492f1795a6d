package org.tidings.render;

import java.util.List;

/**
 * What the digest templates see, every string final and display-ready: the templates only lay
 * it out. The component names are the template keys, so renaming one breaks admins' templates.
 *
 * @param issueDate the day the issue was built, as "22 May 2023" in the digest's zone
 * @param articleCount "1 article", "30 articles"
 * @param preheader the first titles, shown by mail clients beside the subject
 * @param email the personal links; null in the web version
 * @param more the articles left out of an email that would be too long; null when none were
 */
record DigestView(
        String lang,
        String newsletterTitle,
        String subject,
        int issueNumber,
        String issueDate,
        String articleCount,
        String preheader,
        String homeUrl,
        List<Section> sections,
        EmailLinks email,
        More more) {

    /**
     * One category; {@code heading} is "More" for feeds without a category when others have one.
     *
     * @param underline as many "=" as the heading is long, for the text version
     */
    record Section(String heading, boolean hasHeading, String underline, List<Feed> feeds) {
    }

    /** One feed and its articles; {@code siteUrl} is null when the feed names no http(s) site. */
    record Feed(String name, String underline, String siteUrl, boolean hasSiteUrl, List<Item> articles) {
    }

    /**
     * One article.
     *
     * @param byline "source · authors · date", leaving out what is missing
     * @param safeContentHtml the article body as sanitized when it was parsed: the only value a
     *     template may insert raw, with {{{safeContentHtml}}}
     */
    record Item(
            String title,
            String url,
            boolean hasUrl,
            String source,
            String authors,
            boolean hasAuthors,
            String date,
            String byline,
            String summary,
            boolean hasSummary,
            String safeContentHtml,
            boolean hasContent) {
    }

    /**
     * What the email left out to stay under {@code digest.max-bytes}.
     *
     * @param text "12 more articles in the web version", "1 more article in the web version"
     * @param url the issue's web version, which has them all
     */
    record More(int count, String text, String url) {
    }

    /** The links that only make sense in one subscriber's email. */
    record EmailLinks(String viewInBrowserUrl, String unsubscribeUrl, String preferencesUrl) {
    }
}
