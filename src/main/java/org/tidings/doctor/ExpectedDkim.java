package org.tidings.doctor;

/**
 * The DKIM key Tidings signs with, as its DNS record must publish it.
 *
 * @param domain the d= domain (mail.dkim.domain)
 * @param selector mail.dkim.selector: the record is at {@code selector._domainkey.domain}
 * @param keyType "rsa" or "ed25519", as the record's k= tag names it
 * @param publicKey exactly what p= carries (RSA: SubjectPublicKeyInfo DER; Ed25519: the raw 32 bytes),
 *     or null when the key could not be read and the record is checked for existence only
 */
public record ExpectedDkim(String domain, String selector, String keyType, byte[] publicKey) {
    /** Where the key record lives. */
    String recordName() {
        return selector + "._domainkey." + domain;
    }

    /** The record to publish, as a DNS zone shows it. */
    String record() {
        return "v=DKIM1; k=" + keyType + "; p=" + java.util.Base64.getEncoder().encodeToString(publicKey);
    }
}
