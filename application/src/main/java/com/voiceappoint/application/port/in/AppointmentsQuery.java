package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.CalendarFilter;
import java.util.List;

/** A business's calendar: appointments as a list to filter and page, or one by id. */
public interface AppointmentsQuery {

    /** The appointments the filter selects, in start order. */
    Page<AppointmentDetails> list(Actor actor, CalendarFilter filter, Page.Request page);

    /**
     * Every appointment the filter selects, in start order, for a page that shows a period whole (a calendar's week):
     * read in a few large batches and named once, rather than a {@link Page} of {@value Page#MAX_SIZE} at a time with
     * the names read again for each.
     */
    List<AppointmentDetails> all(Actor actor, CalendarFilter filter);

    AppointmentDetails get(Actor actor, AppointmentId id);
}
