package com.voiceappoint.domain.availability;

/** Why a search found no free time: what a receptionist would say instead of "nothing". */
public enum NoSlotsReason {
    /** People work then, long enough for the service, but every such time is taken. */
    FULLY_BOOKED,
    /** Nobody who performs the service works on any of those days. */
    CLOSED,
    IN_THE_PAST,
    /** The only working time left is closer than the business's minimum notice. */
    TOO_SOON,
    /** Every working time is further ahead than the business takes bookings. */
    TOO_FAR_IN_ADVANCE,
    /** Nobody performs this service (or the provider asked for does not). */
    NOBODY_PERFORMS
}
