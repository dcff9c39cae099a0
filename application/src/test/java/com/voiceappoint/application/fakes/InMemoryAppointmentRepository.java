package com.voiceappoint.application.fakes;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mirrors the database's guarantees under one lock: live appointments of a provider never overlap (a held row
 * blocks until it is marked expired, as in the exclusion constraint), and idempotency keys are unique per business.
 */
public final class InMemoryAppointmentRepository implements AppointmentRepository {
    private final Map<AppointmentId, Appointment> appointments = new LinkedHashMap<>();
    private final Map<String, IdempotencyKey> keys = new HashMap<>();
    private final Map<String, AppointmentId> keyedAppointments = new HashMap<>();
    private final Map<AppointmentId, String> manageTokens = new HashMap<>();
    private final Map<AppointmentId, String> manageCodes = new HashMap<>();

    @Override
    public synchronized void add(
            Appointment appointment, Optional<IdempotencyKey> idempotencyKey, Optional<ManageCode> manageCode) {
        requireNoOverlap(appointment);
        if (idempotencyKey.isPresent()
                && keys.containsKey(
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
    public synchronized void setManageToken(BusinessId businessId, AppointmentId id, String tokenHash) {
        Appointment appointment = appointments.get(id);
        if (appointment != null && appointment.businessId().equals(businessId)) {
            manageTokens.put(id, tokenHash);
        }
    }

    @Override
    public synchronized Optional<Appointment> findByManageToken(String tokenHash) {
        return manageTokens.entrySet().stream()
                .filter(e -> e.getValue().equals(tokenHash))
                .map(e -> appointments.get(e.getKey()))
                .findFirst();
    }

    @Override
    public synchronized Optional<String> issueManageCode(BusinessId businessId, AppointmentId id, String candidate) {
        Appointment appointment = appointments.get(id);
        if (appointment == null || !appointment.businessId().equals(businessId)) {
            return Optional.empty();
        }
        return Optional.of(manageCodes.computeIfAbsent(id, given -> candidate));
    }

    @Override
    public synchronized Map<AppointmentId, String> manageCodes(BusinessId businessId, Collection<AppointmentId> ids) {
        Map<AppointmentId, String> codes = new HashMap<>();
        for (AppointmentId id : ids) {
            Appointment appointment = appointments.get(id);
            if (appointment != null && appointment.businessId().equals(businessId) && manageCodes.containsKey(id)) {
                codes.put(id, manageCodes.get(id));
            }
        }
        return codes;
    }

    @Override
    public synchronized void keepIdempotencyKey(
            BusinessId businessId, AppointmentId id, IdempotencyKey idempotencyKey) {
        Appointment appointment = appointments.get(id);
        if (appointment == null
                || !appointment.businessId().equals(businessId)
                || keyedAppointments.containsValue(id)) {
            return;
        }
        String key = keyOf(businessId, idempotencyKey.key());
        if (keys.containsKey(key)) {
            throw new DuplicateKeyException(DuplicateKeyException.Key.IDEMPOTENCY_KEY, null);
        }
        keys.put(key, idempotencyKey);
        keyedAppointments.put(key, id);
    }

    @Override
    public synchronized void update(Appointment previous, Appointment next) {
        Appointment stored = appointments.get(previous.id());
        if (stored == null
                || stored.status() != previous.status()
                || !stored.updatedAt().equals(previous.updatedAt())) {
            throw new ConcurrentUpdateException("appointment " + previous.id());
        }
        requireNoOverlap(next);
        appointments.put(next.id(), next);
    }

    @Override
    public synchronized Optional<Appointment> findById(Collection<BusinessId> scope, AppointmentId id) {
        return Optional.ofNullable(appointments.get(id)).filter(a -> scope.contains(a.businessId()));
    }

    @Override
    public synchronized Optional<KeyedBooking> findByIdempotencyKey(BusinessId businessId, String idempotencyKey) {
        String key = keyOf(businessId, idempotencyKey);
        return Optional.ofNullable(keyedAppointments.get(key))
                .map(id -> new KeyedBooking(appointments.get(id), keys.get(key).fingerprint()));
    }

    @Override
    public synchronized Optional<Appointment> findLive(
            BusinessId businessId, ClientId client, ServiceId service, Instant start) {
        return appointments.values().stream()
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
    public synchronized List<Appointment> findByClient(BusinessId businessId, ClientId client, int limit) {
        return appointments.values().stream()
                .filter(a -> a.businessId().equals(businessId) && a.clientId().equals(client))
                .sorted(Comparator.comparing(Appointment::start).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized boolean existsForService(BusinessId businessId, ServiceId service) {
        return appointments.values().stream()
                .anyMatch(
                        a -> a.businessId().equals(businessId) && a.serviceId().equals(service));
    }

    @Override
    public synchronized List<BusyTime> findBusy(BusinessId businessId, TimeRange overlapping) {
        return appointments.values().stream()
                .filter(a -> a.businessId().equals(businessId)
                        && a.status().blocksTime()
                        && a.blocked().overlaps(overlapping))
                .map(a -> new BusyTime(
                        a.id(),
                        a.providerId(),
                        Booking.of(a),
                        a.status() == AppointmentStatus.HELD ? a.holdExpiresAt() : Optional.empty()))
                .toList();
    }

    @Override
    public synchronized List<Appointment> search(CalendarFilter filter, Optional<StartCursor> after, int limit) {
        // PostgreSQL orders uuids byte by byte, as their text sorts; java.util.UUID compares signed halves
        Comparator<Appointment> order = Comparator.comparing(Appointment::start).thenComparing(a -> a.id().toString());
        return appointments.values().stream()
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
    public synchronized int expireLapsedHolds(
            BusinessId businessId, ProviderId provider, TimeRange overlapping, Instant now) {
        List<Appointment> lapsed = appointments.values().stream()
                .filter(a -> a.businessId().equals(businessId)
                        && a.providerId().equals(provider)
                        && a.isLapsedHold(now)
                        && a.blocked().overlaps(overlapping))
                .toList();
        lapsed.forEach(a -> appointments.put(a.id(), a.expire(now)));
        return lapsed.size();
    }

    private void requireNoOverlap(Appointment candidate) {
        if (!candidate.status().blocksTime()) {
            return;
        }
        boolean overlaps = appointments.values().stream()
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

    synchronized Optional<Appointment> find(AppointmentId id) {
        return Optional.ofNullable(appointments.get(id));
    }

    synchronized List<Appointment> all(BusinessId businessId) {
        return appointments.values().stream()
                .filter(a -> a.businessId().equals(businessId))
                .toList();
    }
}
