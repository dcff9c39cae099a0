package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.business.BusinessId;
import java.time.Instant;
import java.util.List;

/** A business's appointments overlapping a period, in start order, with what a calendar shows about each. */
public interface ListAppointmentsQuery {

    List<AppointmentDetails> list(Actor actor, BusinessId businessId, Instant from, Instant to);
}
