/**
 * {@code tidings doctor}: whether the sending domain's DNS (SPF, DKIM, DMARC), public.url, the SMTP
 * server and the bounce mailbox are ready, checked without sending anything. dnsjava stays here.
 */
package org.tidings.doctor;
