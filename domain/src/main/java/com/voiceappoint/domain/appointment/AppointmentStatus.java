package com.voiceappoint.domain.appointment;

import com.voiceappoint.domain.shared.InvalidValueException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where an appointment is in its life.
 *
 * <pre>
 * HELD ──► PENDING_PAYMENT ──► CONFIRMED ──► COMPLETED
 *   │             │                │    └──► NO_SHOW
 *   │             │                └───────► CANCELLED
 *   │             └──► CANCELLED / EXPIRED
 *   └──► CONFIRMED / EXPIRED
 * </pre>
 *
 * Only the first three take the provider's time; the database's exclusion constraint uses the same set.
 */
public enum AppointmentStatus {
    HELD,
    PENDING_PAYMENT,
    CONFIRMED,
    COMPLETED,
    NO_SHOW,
    CANCELLED,
    EXPIRED;

    private static final Set<AppointmentStatus> TIME_BLOCKING = EnumSet.of(HELD, PENDING_PAYMENT, CONFIRMED);

    public boolean blocksTime() {
        return TIME_BLOCKING.contains(this);
    }

    public boolean canBecome(AppointmentStatus next) {
        return switch (this) {
            case HELD -> next == PENDING_PAYMENT || next == CONFIRMED || next == EXPIRED;
            case PENDING_PAYMENT -> next == CONFIRMED || next == CANCELLED || next == EXPIRED;
            case CONFIRMED -> next == COMPLETED || next == NO_SHOW || next == CANCELLED;
            case COMPLETED, NO_SHOW, CANCELLED, EXPIRED -> false;
        };
    }

    public boolean isFinal() {
        return !blocksTime();
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AppointmentStatus parse(String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidValueException("status", "unknown appointment status " + code);
        }
    }

    public static Set<AppointmentStatus> timeBlocking() {
        return EnumSet.copyOf(TIME_BLOCKING);
    }
}
