package com.voiceappoint.examples;

import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.application.port.in.RegisterAccountUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.WeeklyHours;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A salon opens, and a client's appointment is booked, moved and cancelled: the same calls whatever the stores. */
public final class FirstAppointment {
    private FirstAppointment() {}

    /** @return the appointment as it ends: cancelled, at the time it was moved to */
    public static AppointmentDetails bookMoveAndCancel(UseCases app, Clock clock) {
        // a new owner each run, so the example can run again on the same database
        var signUp = new RegisterAccountUseCase.Command(
                "lola-" + UUID.randomUUID() + "@example.com",
                "a long passphrase",
                "Lola",
                "es",
                "Salón Lola",
                "salon",
                "Europe/Madrid",
                "EUR");
        RegisterAccountUseCase.Result lola = app.registerAccount().register(signUp);
        Actor.Member owner = new Actor.Member(lola.userId());
        BusinessId salon = lola.businessId();
        app.businessHours()
                .setWeeklyHours(
                        owner,
                        salon,
                        WeeklyHours.sameOn(List.of(DayOfWeek.values()), List.of(OpeningWindow.of("09:00", "18:00"))));
        Service cut = app.createService()
                .create(new CreateServiceUseCase.Command(
                        owner,
                        salon,
                        "Cut",
                        "",
                        30,
                        new BigDecimal("20.00"),
                        0,
                        0,
                        true,
                        Optional.empty(),
                        Set.of(),
                        Optional.empty()));

        ZoneId madrid = ZoneId.of("Europe/Madrid");
        Instant tomorrowAtTen = LocalDate.now(clock.withZone(madrid))
                .plusDays(1)
                .atTime(10, 0)
                .atZone(madrid)
                .toInstant();
        var carmen = new BookAppointmentUseCase.ClientDetails("Carmen", Optional.of("+34600111222"), Optional.empty());
        AppointmentId id = app.bookAppointment()
                .book(new BookAppointmentUseCase.Command(
                        owner,
                        salon,
                        cut.id(),
                        tomorrowAtTen,
                        Optional.empty(),
                        carmen,
                        "",
                        BookingSource.API,
                        Optional.empty()))
                .appointment()
                .id();

        app.changeAppointment().reschedule(owner, id, tomorrowAtTen.plus(Duration.ofHours(2)), Optional.empty());
        return app.changeAppointment().cancel(owner, id, "Carmen cannot come");
    }
}
