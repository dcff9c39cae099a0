package com.voiceappoint.domain.shared;

/**
 * Stable, machine-readable reasons a request can fail. Clients switch on these values (they appear as
 * {@code code} in problem+json answers), so a constant is never renamed once released.
 */
public enum ErrorCode {
    // input
    INVALID_VALUE,
    VALIDATION_FAILED,
    MALFORMED_REQUEST,

    // identity and access
    AUTHENTICATION_REQUIRED,
    INVALID_CREDENTIALS,
    INVALID_TOKEN,
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

    // voice
    /** The voice platform refused an outbound call, or the business does not take calls by voice. */
    CALL_REJECTED,
    /** A line the voice platform does not know, or a number that is not one of the lines given. */
    LINE_NOT_VERIFIED,
    /** The voice platform is not configured or could not be reached. */
    VOICE_UNAVAILABLE,

    // outages
    /** A store the request needs (the database, the rate-limit store) could not be reached; nothing was done. */
    TEMPORARILY_UNAVAILABLE,
    /**
     * The database was lost while saving and whether the change was kept could not be found out; asking again with the
     * same idempotency key answers it.
     */
    OUTCOME_UNKNOWN,
}
