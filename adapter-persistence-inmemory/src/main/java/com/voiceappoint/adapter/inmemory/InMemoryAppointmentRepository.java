package com.voiceappoint.adapter.inmemory;

import com.voiceappoint.application.error.ConcurrentUpdateException;
import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.error.SlotAlreadyTakenException;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.AppointmentStatus;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mirrors the database's guarantees: live appointments of a provider never overlap (a held row blocks until it is
 * marked expired, as in the exclusion constraint), and idempotency keys are unique per business. Each call runs
 * under the runner's lock, so the check and the write cannot be split by another booking.
 */
final class InMemoryAppointmentRepository implements AppointmentRepository {
    private final Table<AppointmentId, Appointment> appointments;
    private final Table<String, IdempotencyKey> keys;
    private final Table<String, AppointmentId> keyedAppointments;
    private final Table<String, AppointmentId> manageTokens;
    private final Table<AppointmentId, String> manageCodes;

    InMemoryAppointmentRepository(InMemoryTransactionRunner transactions) {
        appointments = new Table<>(transactions);
        keys = new Table<>(transactions);
        keyedAppointments = new Table<>(transactions);
        manageTokens = new Table<>(transactions);
        manageCodes = new Table<>(transactions);
    }

    @Override
    public void add(Appointment appointment, Optional<IdempotencyKey> idempotencyKey, Optional<ManageCode> manageCode) {
        requireNoOverlap(appointment);
        if (idempotencyKey.isPresent()
                && keys.contains(
                        keyOf(appointment.businessId(), idempotencyKey.get().key()))) {
            throw new DuplicateKeyException(DuplicateKeyException.Key.IDEMPOTENCY_KEY, null);
        }
        appointments.put(appointment.id(), appointment);
        manageCode.ifPresent(code -> manageCodes.put(appointment.id(), code.value()));
        idempotencyKey.ifPresent(k -> {
            keys.put(keyOf(appointment.businessId(), k.key()), k);
            keyedAppointments.put(keyOf(appointment.businessId(), k.key()), appointment.id());
        });
    }

    @Override
    public void addManageToken(BusinessId businessId, AppointmentId id, String tokenHash) {
        if (appointments.find(id).filter(a -> a.businessId().equals(businessId)).isPresent()) {
            manageTokens.put(tokenHash, id);
        }
    }

    @Override
    public Optional<Appointment> findByManageToken(String tokenHash) {
        return manageTokens.find(tokenHash).flatMap(appointments::find);
    }

    @Override
    public Optional<String> issueManageCode(BusinessId businessId, AppointmentId id, String candidate) {
        if (appointments.find(id).filter(a -> a.businessId().equals(businessId)).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(manageCodes.putIfAbsent(id, candidate));
    }

    @Override
    public Map<AppointmentId, String> manageCodes(BusinessId businessId, Collection<AppointmentId> ids) {
        Map<AppointmentId, String> codes = new HashMap<>();
        for (AppointmentId id : ids) {
            if (appointments
                    .find(id)
                    .filter(a -> a.businessId().equals(businessId))
                    .isPresent()) {
                manageCodes.find(id).ifPresent(code -> codes.put(id, code));
            }
        }
        return codes;
    }

    @Override
    public void keepIdempotencyKey(BusinessId businessId, AppointmentId id, IdempotencyKey idempotencyKey) {
        if (appointments.find(id).filter(a -> a.businessId().equals(businessId)).isEmpty()
                || keyedAppointments.stream().anyMatch(id::equals)) {
            return;
        }
        String key = keyOf(businessId, idempotencyKey.key());
        if (keys.contains(key)) {
            throw new DuplicateKeyException(DuplicateKeyException.Key.IDEMPOTENCY_KEY, null);
        }
        keys.put(key, idempotencyKey);
        keyedAppointments.put(key, id);
    }

    @Override
    public void update(Appointment previous, Appointment next) {
        Appointment stored = appointments.find(previous.id()).orElse(null);
        if (stored == null
                || stored.status() != previous.status()
                || !stored.updatedAt().equals(previous.updatedAt())) {
            throw new ConcurrentUpdateException("appointment " + previous.id());
        }
        requireNoOverlap(next);
        appointments.put(next.id(), next);
    }

    @Override
    public Optional<Appointment> findById(Collection<BusinessId> scope, AppointmentId id) {
        return appointments.find(id).filter(a -> scope.contains(a.businessId()));
    }

    @Override
    public Optional<KeyedBooking> findByIdempotencyKey(BusinessId businessId, String idempotencyKey) {
        String key = keyOf(businessId, idempotencyKey);
        return keyedAppointments
                .find(key)
                .flatMap(appointments::find)
                .map(a -> new KeyedBooking(a, keys.find(key).orElseThrow().fingerprint()));
    }

    @Override
    public Optional<Appointment> findLive(BusinessId businessId, ClientId client, ServiceId service, Instant start) {
        return appointments.stream()
                .filter(a -> a.businessId().equals(businessId)
                        && a.clientId().equals(client)
                        && a.serviceId().equals(service)
                        && a.start().equals(start)
                        && a.status().blocksTime())
                // a booking before a hold, the newest first, as the database orders them
                .min(Comparator.comparing((Appointment a) -> a.status() == AppointmentStatus.HELD)
                        .thenComparing(Appointment::createdAt, Comparator.reverseOrder()));
    }

    @Override
    public List<Appointment> findByClient(BusinessId businessId, ClientId client, int limit) {
        return appointments.stream()
                .filter(a -> a.businessId().equals(businessId) && a.clientId().equals(client))
                .sorted(Comparator.comparing(Appointment::start).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public boolean existsForService(BusinessId businessId, ServiceId service) {
        return appointments.stream()
                .anyMatch(
                        a -> a.businessId().equals(businessId) && a.serviceId().equals(service));
    }

    @Override
    public List<BusyTime> findBusy(BusinessId businessId, TimeRange overlapping) {
        return appointments.stream()
                .filter(a -> a.businessId().equals(businessId)
                        && a.status().blocksTime()
                        && a.blocked().overlaps(overlapping))
                .map(a -> new BusyTime(
                        a.id(),
                        a.providerId(),
                        Booking.of(a),
                        lapses(a.status()) ? a.holdExpiresAt() : Optional.empty()))
                .toList();
    }

    /** A hold, or a time kept for a payment: its time goes back to the agenda at its deadline. */
    private static boolean lapses(AppointmentStatus status) {
        return status == AppointmentStatus.HELD || status == AppointmentStatus.PENDING_PAYMENT;
    }

    @Override
    public List<Appointment> search(CalendarFilter filter, Optional<StartCursor> after, int limit) {
        // PostgreSQL orders uuids byte by byte, as their text sorts; java.util.UUID compares signed halves
        Comparator<Appointment> order = Comparator.comparing(Appointment::start).thenComparing(a -> a.id().toString());
        return appointments.stream()
                .filter(filter::matches)
                .filter(a -> after.map(c -> {
                            int byStart = a.start().compareTo(c.start());
                            return byStart > 0
                                    || (byStart == 0 && a.id().toString().compareTo(c.id().toString()) > 0);
                        })
                        .orElse(true))
                .sorted(order)
                .limit(limit)
                .toList();
    }

    @Override
    public List<Appointment> expireLapsedHolds(
            BusinessId businessId, ProviderId provider, TimeRange overlapping, Instant now) {
        List<Appointment> expired = appointments.stream()
                .filter(a -> a.businessId().equals(businessId)
                        && a.providerId().equals(provider)
                        && a.isLapsedHold(now)
                        && a.blocked().overlaps(overlapping))
                .map(a -> a.expire(now))
                .toList();
        expired.forEach(a -> appointments.put(a.id(), a));
        return expired;
    }

    @Override
    public List<Appointment> lapsedHolds(Instant now, int limit) {
        return appointments.stream()
                .filter(a -> a.isLapsedHold(now))
                .sorted(Comparator.comparing(a -> a.holdExpiresAt().orElseThrow()))
                .limit(limit)
                .toList();
    }

    private void requireNoOverlap(Appointment candidate) {
        if (!candidate.status().blocksTime()) {
            return;
        }
        boolean overlaps = appointments.stream()
                .anyMatch(a -> !a.id().equals(candidate.id())
                        && a.businessId().equals(candidate.businessId())
                        && a.providerId().equals(candidate.providerId())
                        && a.status().blocksTime()
                        && a.blocked().overlaps(candidate.blocked()));
        if (overlaps) {
            throw new SlotAlreadyTakenException(null);
        }
    }

    private static String keyOf(BusinessId businessId, String key) {
        return businessId + "|" + key;
    }

    Optional<Appointment> find(AppointmentId id) {
        return appointments.find(id);
    }

    List<Appointment> all(BusinessId businessId) {
        return appointments.stream()
                .filter(a -> a.businessId().equals(businessId))
                .toList();
    }
}
