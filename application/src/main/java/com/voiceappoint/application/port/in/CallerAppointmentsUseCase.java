package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.schedule.ProviderId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a caller may do on the phone with their own appointments, known by the number they call from (which the
 * phone network vouches for, unlike anything said in the call). Another client's appointment is "not found".
 * Changes by a caller keep to the business's cancellation cutoff.
 */
public interface CallerAppointmentsUseCase {

    /** Their live appointments from now on, soonest first. */
    List<AppointmentDetails> upcoming(BusinessId businessId, PhoneNumber caller);

    AppointmentDetails cancel(BusinessId businessId, PhoneNumber caller, AppointmentId id, String reason);

    /** Same appointment, same provider, another time; refused with alternatives when the time is not free. */
    AppointmentDetails reschedule(BusinessId businessId, PhoneNumber caller, AppointmentId id, Instant start);

    /**
     * Holds a time for the caller while they decide, for the business's hold time. Booking the same service and
     * time for the same caller then confirms the hold; holding it again answers the same hold.
     */
    AppointmentDetails hold(Hold hold);

    record Hold(
            BusinessId businessId,
            PhoneNumber caller,
            String name,
            ServiceId serviceId,
            Instant start,
            Optional<ProviderId> provider,
            Optional<String> call) {}
}
