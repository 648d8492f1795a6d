package org.tidings.model;

/** What a message that reached the bounce address is about. */
public enum InboundKind {
    /** A delivery status notification saying the address failed for good (5.x.x). */
    HARD_BOUNCE,
    /** A delivery status notification saying delivery failed for now or is delayed (4.x.x). */
    SOFT_BOUNCE,
    /** An abuse feedback report (ARF): the recipient marked the message as spam. */
    COMPLAINT,
    /** A message sent to the List-Unsubscribe mailto address. */
    UNSUBSCRIBE,
    /** Anything else: an auto-reply, a human answer, spam. Left alone and counted. */
    OTHER
}
