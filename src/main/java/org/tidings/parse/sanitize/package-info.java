/** The allow-list sanitizer for feed HTML: one streaming pass of filters that drop clutter, absolutize URLs and prune empty elements. */
package org.tidings.parse.sanitize;
