/** Typed configuration: the properties file, TIDINGS_* environment overrides, defaults and validation. */
package org.tidings.config;
