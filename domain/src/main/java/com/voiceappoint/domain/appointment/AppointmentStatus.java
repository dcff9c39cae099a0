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
 * Which statuses take the provider's time, which earn revenue and which count as booked are decided here, once: the
 * SQL adapter builds its queries from these sets, and a test holds the database's constraints to them.
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
    private static final Set<AppointmentStatus> EARNING = EnumSet.of(CONFIRMED, COMPLETED);
    private static final Set<AppointmentStatus> BOOKED = EnumSet.complementOf(EnumSet.of(HELD, EXPIRED));

    /** Held, awaiting payment or confirmed: the provider's time is taken (the database's exclusion constraint). */
    public boolean blocksTime() {
        return TIME_BLOCKING.contains(this);
    }

    /** Confirmed or completed: its price counts as revenue. */
    public boolean earnsRevenue() {
        return EARNING.contains(this);
    }

    /**
     * Booked, even if cancelled or missed later: a call that made it converted. A time only held, or a hold that
     * lapsed, books nothing.
     */
    public boolean wasBooked() {
        return BOOKED.contains(this);
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

    public static Set<AppointmentStatus> earning() {
        return EnumSet.copyOf(EARNING);
    }

    public static Set<AppointmentStatus> booked() {
        return EnumSet.copyOf(BOOKED);
    }
}
