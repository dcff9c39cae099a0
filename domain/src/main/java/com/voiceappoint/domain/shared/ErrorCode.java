package com.voiceappoint.domain.shared;

/**
 * Stable, machine-readable reasons the booking domain or a use case refuses something. Adapters pass them on (the
 * HTTP adapter as {@code code} in problem+json answers, where clients switch on them), so a constant is never renamed
 * once released. How a request or a store failed (unreadable JSON, a missing token, a database down) is no reason
 * of the domain's: each adapter names that itself.
 */
public enum ErrorCode {
    // input
    INVALID_VALUE,

    // access
    FORBIDDEN,
    NOT_FOUND,

    // uniqueness
    EMAIL_ALREADY_REGISTERED,
    DUPLICATE_NAME,
    IDEMPOTENCY_KEY_REUSED,
    ALREADY_MEMBER,
    ALREADY_PROVIDER,
    DUPLICATE_CONTACT,
    /** A phone number or line another business already answers on. */
    NUMBER_IN_USE,

    // businesses and members
    LAST_OWNER,
    /** An invitation that lapsed before it was accepted: the business can send a new one. */
    INVITATION_EXPIRED,
    CURRENCY_IN_USE,
    IN_USE,

    // catalogue and schedule
    SERVICE_INACTIVE,
    SERVICE_NOT_BOOKABLE_BY_VOICE,

    // booking
    SLOT_TAKEN,
    BUSINESS_CLOSED,
    /** The business opens that day, but nobody who performs the service works then. */
    NOBODY_WORKING,
    /** The business opens that day, but the provider asked for does not work then. */
    PROVIDER_NOT_WORKING,
    OUTSIDE_HOURS,
    TOO_SOON,
    TOO_FAR_IN_ADVANCE,
    IN_THE_PAST,
    PROVIDER_NOT_ELIGIBLE,
    INVALID_STATE_TRANSITION,
    CONCURRENT_UPDATE,
    CANCELLATION_TOO_LATE,
    HOLD_EXPIRED,
    /** The platform's operators suspended the business: it takes no new bookings until they reactivate it. */
    BUSINESS_SUSPENDED,

    // payments
    /** A refund of more than is left to give back, of a payment not paid, or of money taken by hand. */
    NOT_REFUNDABLE,
    /** The business has no Stripe account able to take payments yet. */
    PAYMENTS_NOT_CONNECTED,
    /** Stripe refused what was asked of it (a card declined, a request it found invalid): nothing was charged. */
    PAYMENT_REFUSED,

    // billing (businesses paying the platform)
    /** The business is subscribed already: a change of plan is made in Stripe's Customer Portal. */
    ALREADY_SUBSCRIBED,
    /** The business never subscribed: it has no subscription or invoices to manage. */
    NOT_SUBSCRIBED,

    // voice
    /** The voice platform refused an outbound call, or the business does not take calls by voice. */
    CALL_REJECTED,
    /** A line the voice platform does not know, or a number that is not one of the lines given. */
    LINE_NOT_VERIFIED,
    /** The voice platform is not configured or could not be reached. */
    VOICE_UNAVAILABLE,
}
