package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.CalendarFilter;
import com.voiceappoint.domain.appointment.ManageCode;
import com.voiceappoint.domain.availability.Booking;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.client.ClientId;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Appointments and holds. The store guarantees what the conflict policy only checks: two live appointments of one
 * provider never overlap (buffers included).
 */
public interface AppointmentRepository {

    /**
     * @throws com.voiceappoint.application.error.SlotAlreadyTakenException when it overlaps a live appointment
     * @throws com.voiceappoint.application.error.DuplicateKeyException IDEMPOTENCY_KEY when the key was used
     */
    void add(Appointment appointment, Optional<IdempotencyKey> idempotencyKey, Optional<ManageCode> manageCode);

    /** As {@link #add(Appointment, Optional, Optional)}, with no manage code given out yet. */
    default void add(Appointment appointment, Optional<IdempotencyKey> idempotencyKey) {
        add(appointment, idempotencyKey, Optional.empty());
    }

    /**
     * Replaces {@code previous} with {@code next}, only if the stored appointment is still {@code previous} (same status,
     * same last change): two people changing one appointment at once cannot both win.
     *
     * @throws com.voiceappoint.application.error.SlotAlreadyTakenException when a move overlaps
     * @throws com.voiceappoint.application.error.ConcurrentUpdateException when it changed since it was read
     */
    void update(Appointment previous, Appointment next);

    /**
     * Gives the appointment the idempotency key of the request that confirmed it (a hold booked later), unless it has
     * one already: a retry of that request then finds it by its key.
     *
     * @throws com.voiceappoint.application.error.DuplicateKeyException IDEMPOTENCY_KEY when another appointment has it
     */
    void keepIdempotencyKey(BusinessId businessId, AppointmentId id, IdempotencyKey idempotencyKey);

    /** Only among the given businesses: a lookup by id can never reach another tenant. */
    Optional<Appointment> findById(Collection<BusinessId> scope, AppointmentId id);

    /** The appointment first booked with this key, with the fingerprint of the request that booked it. */
    Optional<KeyedBooking> findByIdempotencyKey(BusinessId businessId, String idempotencyKey);

    /**
     * A live appointment of this client for this service starting then (the same request made twice): a booking in
     * preference to a hold, the newest first.
     */
    Optional<Appointment> findLive(BusinessId businessId, ClientId client, ServiceId service, Instant start);

    /**
     * Keeps the hash of another token that lets the client manage this appointment. Every link given out keeps
     * working: a client may keep the confirmation e-mail rather than the page they booked on.
     */
    void addManageToken(BusinessId businessId, AppointmentId id, String tokenHash);

    /** The appointment a manage token opens: the token is the credential, so this lookup spans businesses. */
    Optional<Appointment> findByManageToken(String tokenHash);

    /**
     * The appointment's manage code, giving it {@code candidate} if it has none yet: two asking at once get the same
     * code. Empty when there is no such appointment.
     */
    Optional<String> issueManageCode(BusinessId businessId, AppointmentId id, String candidate);

    /** The manage codes ever given out of these appointments of the business, by appointment; one read for all. */
    Map<AppointmentId, String> manageCodes(BusinessId businessId, Collection<AppointmentId> ids);

    /** A client's appointments, latest first. */
    List<Appointment> findByClient(BusinessId businessId, ClientId client, int limit);

    /** Whether any appointment, whatever its status, was ever booked for this service. */
    boolean existsForService(BusinessId businessId, ServiceId service);

    /**
     * The busy time of live appointments and holds (lapsed ones too, until expired) whose blocked range overlaps the
     * period: what an agenda needs, and only that, as busy diaries make this the most read of all.
     */
    List<BusyTime> findBusy(BusinessId businessId, TimeRange overlapping);

    /**
     * An appointment as the availability engine sees it: whose time, and which.
     *
     * @param holdExpiresAt when a hold, or a time kept for a payment, stops keeping the time; empty for anything else
     */
    record BusyTime(AppointmentId appointment, ProviderId provider, Booking booking, Optional<Instant> holdExpiresAt) {
        public BusyTime {
            Objects.requireNonNull(appointment, "appointment");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(booking, "booking");
            Objects.requireNonNull(holdExpiresAt, "holdExpiresAt");
        }

        /** A hold whose time ran out: it keeps nothing, though its row still needs expiring before the time is booked. */
        public boolean lapsedAt(Instant now) {
            return holdExpiresAt.filter(expiry -> !now.isBefore(expiry)).isPresent();
        }
    }

    /** What the filter selects, ordered by start then id, after {@code after}. */
    List<Appointment> search(CalendarFilter filter, Optional<StartCursor> after, int limit);

    /**
     * Marks lapsed holds (and lapsed times kept for a payment) of the provider overlapping the range as expired, so a
     * new booking may take the time.
     *
     * @return the holds expired, as they are now: each is news to the business's dashboards
     */
    List<Appointment> expireLapsedHolds(BusinessId businessId, ProviderId provider, TimeRange overlapping, Instant now);

    /**
     * Holds of any business whose time ran out by {@code now} and that nobody has expired: a caller who never
     * confirmed and whose call's end was never heard of, or a deposit never paid. Oldest first, at most {@code limit}.
     */
    List<Appointment> lapsedHolds(Instant now, int limit);

    /** A client's key for a booking, and a fingerprint of what was asked, to tell a retry from a reuse. */
    record IdempotencyKey(String key, String fingerprint) {
        public IdempotencyKey {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }

    record KeyedBooking(Appointment appointment, String fingerprint) {}

    /** Where a page of appointments ended: its last start and id. */
    record StartCursor(Instant start, AppointmentId id) {}
}
