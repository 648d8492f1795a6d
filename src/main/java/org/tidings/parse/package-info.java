/** Bytes to our records: format sniffing, charsets, safe XML, Rome and JSON Feed, sanitizing and normalizing. */
package org.tidings.parse;
