/** Immutable records shared by every stage: feeds, parsed entries and stored articles. */
package org.tidings.model;
