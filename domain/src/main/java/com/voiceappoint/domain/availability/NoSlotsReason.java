package com.voiceappoint.domain.availability;

/** Why a search found no free time: what a receptionist would say instead of "nothing". */
public enum NoSlotsReason {
    /** People work then, long enough for the service, but every such time is taken. */
    FULLY_BOOKED,
    /** The business itself is closed on every one of those days. */
    CLOSED,
    /** The business opens, but none of the people who perform the service works on those days. */
    NOBODY_WORKING,
    /** The business opens, but the provider asked for does not work on those days. */
    PROVIDER_NOT_WORKING,
    /** Someone who performs it works, but no working time on those days is as long as the service. */
    SERVICE_TOO_LONG,
    IN_THE_PAST,
    /** The only working time left is closer than the business's minimum notice. */
    TOO_SOON,
    /** Every working time is further ahead than the business takes bookings. */
    TOO_FAR_IN_ADVANCE,
    /** Nobody performs this service. */
    NOBODY_PERFORMS,
    /** The provider asked for does not perform this service. */
    PROVIDER_DOES_NOT_PERFORM
}
