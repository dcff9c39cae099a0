package com.voiceappoint.domain.availability;

import com.voiceappoint.domain.shared.ErrorCode;

/** Why a requested time cannot be booked. */
public enum RefusalReason {
    /** Someone else has it (or its buffers), or the provider is away. */
    SLOT_TAKEN(ErrorCode.SLOT_TAKEN),
    /** The business itself is closed that day: a closure or a closed weekday. */
    BUSINESS_CLOSED(ErrorCode.BUSINESS_CLOSED),
    /** The business opens that day, but none of the people who perform the service works then. */
    NOBODY_WORKING(ErrorCode.NOBODY_WORKING),
    /** The business opens that day, but the provider asked for does not work then. */
    PROVIDER_NOT_WORKING(ErrorCode.PROVIDER_NOT_WORKING),
    /** They work that day, but not at that time (or not long enough for the service). */
    OUTSIDE_HOURS(ErrorCode.OUTSIDE_HOURS),
    IN_THE_PAST(ErrorCode.IN_THE_PAST),
    /** Closer than the business's minimum notice. */
    TOO_SOON(ErrorCode.TOO_SOON),
    /** Further ahead than the business takes bookings. */
    TOO_FAR_IN_ADVANCE(ErrorCode.TOO_FAR_IN_ADVANCE),
    /** The provider asked for does not perform this service. */
    PROVIDER_NOT_ELIGIBLE(ErrorCode.PROVIDER_NOT_ELIGIBLE);

    private final ErrorCode errorCode;

    RefusalReason(ErrorCode errorCode) {
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }
}
