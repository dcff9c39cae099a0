package com.voiceappoint.application.error;

/**
 * The store refused an appointment because its blocked range overlaps another live one of the same provider:
 * someone booked the time between our check and our write. Interactors turn it into a refusal with alternatives.
 */
public final class SlotAlreadyTakenException extends RuntimeException {
    public SlotAlreadyTakenException(Throwable cause) {
        super("the provider already has an appointment at that time", cause);
    }
}
