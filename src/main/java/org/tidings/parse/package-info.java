/** Bytes to our records: format sniffing, charsets, safe and repaired XML, the Rome and JSON Feed mappers, and normalizing, which calls on the dates, urls, text and sanitize subpackages. */
package org.tidings.parse;
