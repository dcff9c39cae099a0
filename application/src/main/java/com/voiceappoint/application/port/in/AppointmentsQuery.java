package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.CalendarFilter;

/** A business's calendar: appointments as a list to filter and page, or one by id. */
public interface AppointmentsQuery {

    /** The appointments the filter selects, in start order. */
    Page<AppointmentDetails> list(Actor actor, CalendarFilter filter, Page.Request page);

    AppointmentDetails get(Actor actor, AppointmentId id);
}
