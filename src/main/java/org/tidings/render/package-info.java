/**
 * Turns digests and sign-ups into email and web pages: views prepared here, laid out by the
 * admin-editable Mustache templates.
 */
package org.tidings.render;
