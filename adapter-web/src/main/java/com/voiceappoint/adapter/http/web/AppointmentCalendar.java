package com.voiceappoint.adapter.http.web;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Method;
import biweekly.property.Status;
import com.voiceappoint.application.port.in.PublicBookingUseCase.ManagedAppointment;
import com.voiceappoint.domain.appointment.Appointment;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * "Add to calendar": the appointment as an iCalendar file. Its UID and SEQUENCE are those of the invitations the
 * notifications adapter e-mails (the appointment's id at voiceappoint; the seconds between its creation and its last
 * change), so a calendar that has both keeps one entry and takes the newer. Times in UTC need no VTIMEZONE block.
 */
final class AppointmentCalendar {
    private AppointmentCalendar() {}

    static String uid(Appointment appointment) {
        return appointment.id().value() + "@voiceappoint";
    }

    /** @param now when the file is made (its DTSTAMP) */
    static String of(ManagedAppointment managed, Optional<String> address, Texts texts, Instant now) {
        Appointment appointment = managed.details().appointment();
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//VoiceAppoint//Web//EN");
        calendar.setMethod(Method.publish());
        VEvent event = new VEvent();
        event.setUid(uid(appointment));
        event.setDateTimeStamp(Date.from(now));
        event.setSequence((int) Duration.between(appointment.createdAt(), appointment.updatedAt())
                .toSeconds());
        event.setDateStart(Date.from(appointment.start()), true);
        event.setDateEnd(Date.from(appointment.end()), true);
        event.setSummary(texts.plain(
                "public.ics.summary",
                managed.details().serviceName(),
                managed.business().name()));
        event.setDescription(
                texts.plain("public.ics.description", managed.details().providerName()));
        address.ifPresent(event::setLocation);
        event.setStatus(appointment.status().blocksTime() ? Status.confirmed() : Status.cancelled());
        calendar.addEvent(event);
        return Biweekly.write(calendar).go();
    }
}
