/** Feed dates, from RFC 822 and its sloppy variants to ISO 8601, read leniently to UTC instants. */
package org.tidings.parse.dates;
