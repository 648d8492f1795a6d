package org.tidings.render;

/**
 * What the confirmation templates see. The component names are the template keys.
 *
 * @param greeting "Hello Marie," or "Hello," when the subscriber gave no name
 */
record ConfirmView(
        String lang,
        String newsletterTitle,
        String subject,
        String preheader,
        String homeUrl,
        String greeting,
        String emailAddress,
        String confirmUrl) {
}
