/** Sends the newsletter: builds or resumes an issue and delivers it exactly once per subscriber. */
package org.tidings.newsletter;
