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
import java.util.UUID;

/** A salon opens, and a client's appointment is booked, moved and cancelled: the same calls whatever the stores. */
public final class FirstAppointment {
    private FirstAppointment() {}

    /** @return the appointment as it ends: cancelled, at the time it was moved to */
    public static AppointmentDetails bookMoveAndCancel(UseCases app, Clock clock) {
        // a new owner each run, so the example can run again on the same database
        var signUp = RegisterAccountUseCase.Command.builder(
                        "lola-" + UUID.randomUUID() + "@example.com", "a long passphrase")
                .fullName("Lola")
                .language("es")
                .businessName("Salón Lola")
                .businessType("salon")
                .timezone("Europe/Madrid")
                .currency("EUR")
                .build();
        RegisterAccountUseCase.Result lola = app.registerAccount().register(signUp);
        Actor.Member owner = new Actor.Member(lola.userId());
        BusinessId salon = lola.businessId();
        var everyDay = WeeklyHours.sameOn(List.of(DayOfWeek.values()), List.of(OpeningWindow.of("09:00", "18:00")));
        app.businessHours().setWeeklyHours(owner, salon, everyDay);
        Service cut = app.createService()
                .create(CreateServiceUseCase.Command.builder(owner, salon, "Cut", 30, new BigDecimal("20.00"))
                        .build());

        ZoneId madrid = ZoneId.of("Europe/Madrid");
        LocalDate tomorrow = LocalDate.now(clock.withZone(madrid)).plusDays(1);
        Instant tomorrowAtTen = tomorrow.atTime(10, 0).atZone(madrid).toInstant();
        var carmen = new BookAppointmentUseCase.ClientDetails("Carmen", Optional.of("+34600111222"), Optional.empty());
        var booking = BookAppointmentUseCase.Command.builder(
                owner, salon, cut.id(), tomorrowAtTen, carmen, BookingSource.API);
        AppointmentId id =
                app.bookAppointment().book(booking.build()).appointment().id();

        app.changeAppointment().reschedule(owner, id, tomorrowAtTen.plus(Duration.ofHours(2)), Optional.empty());
        return app.changeAppointment().cancel(owner, id, "Carmen cannot come");
    }
}
