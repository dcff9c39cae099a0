package com.voiceappoint.adapter.notifications;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Method;
import biweekly.property.Status;
import com.voiceappoint.application.port.out.Message;
import com.voiceappoint.domain.appointment.AppointmentId;
import java.util.Date;
import java.util.Optional;

/**
 * The iCalendar file that puts a client's appointment in their calendar, and keeps it there as one entry: the UID
 * is the appointment's, which never changes when it moves, and SEQUENCE grows with each change, so a calendar
 * takes a later invitation as an update of the entry and a CANCEL as its removal. Times are written in UTC, which
 * needs no VTIMEZONE block; the client's calendar shows them in its own zone.
 */
final class CalendarInvitation {
    private CalendarInvitation() {}

    static String uid(AppointmentId appointment) {
        return appointment.value() + "@voiceappoint";
    }

    /** Only the client's messages about a booked, moved or cancelled appointment change their calendar. */
    static Optional<String> of(Message message, Wording wording) {
        boolean cancel;
        switch (message.kind()) {
            case CONFIRMED, MOVED -> cancel = false;
            case CANCELLED -> cancel = true;
            default -> {
                return Optional.empty();
            }
        }
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//VoiceAppoint//Notifications//EN");
        calendar.setMethod(cancel ? Method.cancel() : Method.request());
        VEvent event = new VEvent();
        event.setUid(uid(message.appointmentId()));
        event.setSequence(message.calendarSequence());
        event.setDateStart(Date.from(message.start().toInstant()), true);
        event.setDateEnd(Date.from(message.end().toInstant()), true);
        event.setSummary(wording.calendarSummary());
        event.setDescription(message.manageLink()
                .map(link -> wording.calendarDescription() + "\n" + link)
                .orElse(wording.calendarDescription()));
        message.businessAddress().ifPresent(event::setLocation);
        message.manageLink().ifPresent(event::setUrl);
        event.setStatus(cancel ? Status.cancelled() : Status.confirmed());
        calendar.addEvent(event);
        return Optional.of(Biweekly.write(calendar).go());
    }
}
