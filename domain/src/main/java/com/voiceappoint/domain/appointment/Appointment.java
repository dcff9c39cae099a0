package com.voiceappoint.domain.appointment;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.client.ClientId;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A client's appointment for a service with a provider. {@code time} is what the client is told;
 * {@code blocked} adds the service's buffers and is what the provider's agenda loses. Never deleted: a
 * cancelled or expired appointment keeps its history, and a reschedule moves the same appointment.
 */
public record Appointment(
        AppointmentId id,
        BusinessId businessId,
        ServiceId serviceId,
        ProviderId providerId,
        ClientId clientId,
        TimeRange time,
        TimeRange blocked,
        AppointmentStatus status,
        BookingSource source,
        Money price,
        String notes,
        Optional<Instant> holdExpiresAt,
        Optional<Cancellation> cancellation,
        Instant createdAt,
        Instant updatedAt) {
    public static final int MAX_NOTES_LENGTH = 1000;

    public Appointment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(blocked, "blocked");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(holdExpiresAt, "holdExpiresAt");
        Objects.requireNonNull(cancellation, "cancellation");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        notes = notes == null ? "" : notes.strip();
        InvalidValueException.check(notes.length() <= MAX_NOTES_LENGTH, "notes", "notes are at most 1000 characters");
        if (!blocked.contains(time)) {
            throw new IllegalArgumentException("the blocked range must contain the appointment");
        }
        if ((status == AppointmentStatus.HELD || status == AppointmentStatus.PENDING_PAYMENT)
                && holdExpiresAt.isEmpty()) {
            throw new IllegalArgumentException("a hold, and a time kept for a payment, has an expiry");
        }
    }

    /** A new confirmed appointment for {@code service} at {@code start}. */
    public static Appointment confirmed(
            AppointmentId id,
            Service service,
            ProviderId provider,
            ClientId client,
            Instant start,
            BookingSource source,
            String notes,
            Instant now) {
        return create(
                id,
                service,
                provider,
                client,
                start,
                AppointmentStatus.CONFIRMED,
                Optional.empty(),
                source,
                notes,
                now);
    }

    /** A slot reserved for a caller while they decide; it lapses after {@code holdFor}. */
    public static Appointment held(
            AppointmentId id,
            Service service,
            ProviderId provider,
            ClientId client,
            Instant start,
            Duration holdFor,
            BookingSource source,
            Instant now) {
        return create(
                id,
                service,
                provider,
                client,
                start,
                AppointmentStatus.HELD,
                Optional.of(now.plus(holdFor)),
                source,
                "",
                now);
    }

    /**
     * A time kept for a client until {@code payBy} while they pay what the service asks in advance; unpaid by then,
     * it goes back to the agenda.
     */
    public static Appointment awaitingPayment(
            AppointmentId id,
            Service service,
            ProviderId provider,
            ClientId client,
            Instant start,
            Instant payBy,
            BookingSource source,
            String notes,
            Instant now) {
        return create(
                id,
                service,
                provider,
                client,
                start,
                AppointmentStatus.PENDING_PAYMENT,
                Optional.of(payBy),
                source,
                notes,
                now);
    }

    private static Appointment create(
            AppointmentId id,
            Service service,
            ProviderId provider,
            ClientId client,
            Instant start,
            AppointmentStatus status,
            Optional<Instant> holdExpiresAt,
            BookingSource source,
            String notes,
            Instant now) {
        TimeRange time = TimeRange.starting(start, service.duration());
        return new Appointment(
                id,
                service.businessId(),
                service.id(),
                provider,
                client,
                time,
                time.widen(service.bufferBefore(), service.bufferAfter()),
                status,
                source,
                service.price(),
                notes,
                holdExpiresAt,
                Optional.empty(),
                now,
                now);
    }

    public Instant start() {
        return time.start();
    }

    public Instant end() {
        return time.end();
    }

    public boolean blocksTime(Instant now) {
        return status.blocksTime() && !isLapsedHold(now);
    }

    /** A hold, or a time kept for a payment, whose time is up: free for anyone else, whatever its row says. */
    public boolean isLapsedHold(Instant now) {
        return (status == AppointmentStatus.HELD || status == AppointmentStatus.PENDING_PAYMENT)
                && holdExpiresAt.map(expiry -> !now.isBefore(expiry)).orElse(false);
    }

    /** Turns a live hold, or an appointment awaiting payment, into a confirmed booking. */
    public Appointment confirm(Instant now) {
        if (isLapsedHold(now)) {
            throw new DomainException(ErrorCode.HOLD_EXPIRED, "the hold on this slot has expired");
        }
        return moveTo(AppointmentStatus.CONFIRMED, now).withHoldExpiry(Optional.empty());
    }

    /** A caller's live hold becomes a booking kept until {@code payBy} for its payment. */
    public Appointment awaitPayment(Instant payBy, Instant now) {
        if (isLapsedHold(now)) {
            throw new DomainException(ErrorCode.HOLD_EXPIRED, "the hold on this slot has expired");
        }
        return moveTo(AppointmentStatus.PENDING_PAYMENT, now).withHoldExpiry(Optional.of(payBy));
    }

    /**
     * The payment it waited for arrived (or the card asked for the business's no-show fee was left). The payment
     * provider only takes a payment before the deadline it was given, so a payment is in time even when its news
     * comes after the deadline; if the time was meanwhile released ({@code expired}) it is booked again, and whether it
     * is still free is for the database to say.
     */
    public Appointment confirmPaid(Instant now) {
        if (status == AppointmentStatus.EXPIRED) {
            return copy(AppointmentStatus.CONFIRMED, providerId, time, blocked, Optional.empty(), cancellation, now);
        }
        if (status != AppointmentStatus.PENDING_PAYMENT) {
            throw transitionRefused(AppointmentStatus.CONFIRMED.code());
        }
        return moveTo(AppointmentStatus.CONFIRMED, now).withHoldExpiry(Optional.empty());
    }

    /** A hold lapsed, or a payment never came: the time goes back to the agenda. */
    public Appointment expire(Instant now) {
        return moveTo(AppointmentStatus.EXPIRED, now);
    }

    /**
     * Calls the appointment off. A client must do so before the business's cutoff; the business may at any time
     * before the appointment ends.
     */
    public Appointment cancel(CancelledBy by, String reason, Duration clientCutoff, Instant now) {
        if (by == CancelledBy.CLIENT) {
            requireBeforeCutoff(clientCutoff, now);
        } else if (!now.isBefore(end())) {
            // what happened to a past appointment is told by completed or no-show, not rewritten as cancelled
            throw new DomainException(
                    ErrorCode.INVALID_STATE_TRANSITION,
                    null,
                    "an appointment that has ended cannot be cancelled",
                    Map.of("from", status.code(), "to", AppointmentStatus.CANCELLED.code()));
        }
        requireTransition(AppointmentStatus.CANCELLED);
        return copy(
                AppointmentStatus.CANCELLED,
                providerId,
                time,
                blocked,
                Optional.empty(),
                Optional.of(new Cancellation(by, reason, now)),
                now);
    }

    public Appointment complete(Instant now) {
        requireStarted(now, AppointmentStatus.COMPLETED);
        return moveTo(AppointmentStatus.COMPLETED, now);
    }

    public Appointment markNoShow(Instant now) {
        requireStarted(now, AppointmentStatus.NO_SHOW);
        return moveTo(AppointmentStatus.NO_SHOW, now);
    }

    /**
     * The same appointment at another time (and possibly with another provider). Whether the new time is free is
     * for the conflict policy and the database to say; this only guards the appointment's own state.
     */
    public Appointment reschedule(
            Instant newStart,
            ProviderId newProvider,
            Duration bufferBefore,
            Duration bufferAfter,
            boolean byClient,
            Duration clientCutoff,
            Instant now) {
        if (!status.blocksTime() || isLapsedHold(now)) {
            throw transitionRefused("move");
        }
        if (byClient) {
            requireBeforeCutoff(clientCutoff, now);
        }
        TimeRange newTime = TimeRange.starting(newStart, time.length());
        return copy(
                status,
                newProvider,
                newTime,
                newTime.widen(bufferBefore, bufferAfter),
                holdExpiresAt,
                cancellation,
                now);
    }

    /** The last moment its client may still cancel or move it, under the business's cancellation cutoff. */
    public Instant changeableUntil(Duration clientCutoff) {
        return start().minus(clientCutoff);
    }

    private void requireBeforeCutoff(Duration cutoff, Instant now) {
        if (now.isAfter(changeableUntil(cutoff))) {
            throw new DomainException(
                    ErrorCode.CANCELLATION_TOO_LATE,
                    null,
                    "changes by the client are accepted until %d minutes before the appointment"
                            .formatted(cutoff.toMinutes()),
                    Map.of("cutoff_minutes", cutoff.toMinutes()));
        }
    }

    private void requireStarted(Instant now, AppointmentStatus next) {
        if (now.isBefore(start())) {
            throw new DomainException(
                    ErrorCode.INVALID_STATE_TRANSITION,
                    null,
                    "an appointment cannot become %s before it starts".formatted(next.code()),
                    Map.of("from", status.code(), "to", next.code()));
        }
    }

    private void requireTransition(AppointmentStatus next) {
        if (!status.canBecome(next)) {
            throw transitionRefused(next.code());
        }
    }

    private Appointment moveTo(AppointmentStatus next, Instant now) {
        requireTransition(next);
        return copy(next, providerId, time, blocked, holdExpiresAt, cancellation, now);
    }

    private Appointment withHoldExpiry(Optional<Instant> expiry) {
        return copy(status, providerId, time, blocked, expiry, cancellation, updatedAt);
    }

    private Appointment copy(
            AppointmentStatus status,
            ProviderId providerId,
            TimeRange time,
            TimeRange blocked,
            Optional<Instant> holdExpiresAt,
            Optional<Cancellation> cancellation,
            Instant updatedAt) {
        return new Appointment(
                id,
                businessId,
                serviceId,
                providerId,
                clientId,
                time,
                blocked,
                status,
                source,
                price,
                notes,
                holdExpiresAt,
                cancellation,
                createdAt,
                updatedAt);
    }

    private DomainException transitionRefused(String target) {
        return new DomainException(
                ErrorCode.INVALID_STATE_TRANSITION,
                null,
                "a %s appointment cannot %s"
                        .formatted(status.code(), target.equals("move") ? "be moved" : "become " + target),
                Map.of("from", status.code(), "to", target));
    }
}
