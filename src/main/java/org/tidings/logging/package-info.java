/** Tidings' logging set up in code rather than from logback.xml; the only package that configures logback. */
package org.tidings.logging;
