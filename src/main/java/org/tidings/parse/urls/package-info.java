/** Feed URLs made absolute the way browsers read them, leniently, keeping only http(s) and mailto. */
package org.tidings.parse.urls;
