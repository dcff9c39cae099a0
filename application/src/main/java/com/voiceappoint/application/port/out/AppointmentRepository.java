package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.client.ClientId;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
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
    void add(Appointment appointment, Optional<String> idempotencyKey);

    /** @throws com.voiceappoint.application.error.SlotAlreadyTakenException when a move overlaps */
    void update(Appointment appointment);

    /** Only among the given businesses: a lookup by id can never reach another tenant. */
    Optional<Appointment> findById(Collection<BusinessId> scope, AppointmentId id);

    Optional<Appointment> findByIdempotencyKey(BusinessId businessId, String idempotencyKey);

    /** A live appointment of this client for this service starting then: the same request made twice. */
    Optional<Appointment> findLive(BusinessId businessId, ClientId client, ServiceId service, Instant start);

    /** Live appointments and holds whose blocked range overlaps the period: the agenda's busy time. */
    List<Appointment> findBlocking(BusinessId businessId, TimeRange overlapping);

    /** Every appointment overlapping the period, whatever its status, in start order. */
    List<Appointment> findOverlapping(BusinessId businessId, TimeRange period);

    /** Marks lapsed holds of the provider overlapping the range as expired, so a new booking may take the time. */
    int expireLapsedHolds(BusinessId businessId, ProviderId provider, TimeRange overlapping, Instant now);
}
