package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Role;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.WeeklyHours;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A business in Madrid for the diary's tests, founded through {@link Salons} and set up through the use cases as its
 * owner would: open every hour of every day (so a night the clocks change can be booked), one 30-minute service, the
 * owner as its first staff member.
 */
final class OpenSalon {
    final WebServer server;
    final UseCases uses;
    final Salons salons;
    final Salons.Salon salon;
    final UserId ownerUser;
    final Actor.Member owner;
    final BusinessId id;
    final String slug;
    final ServiceId cut;
    final ProviderId ownerProvider;

    private OpenSalon(WebServer server, Salons salons, Salons.Salon salon, ServiceId cut) {
        this.server = server;
        this.uses = server.useCases();
        this.salons = salons;
        this.salon = salon;
        this.owner = salon.owner();
        this.ownerUser = owner.userId();
        this.id = salon.id();
        this.slug = salon.slug();
        this.cut = cut;
        this.ownerProvider = uses.staff().list(owner, id).stream()
                .filter(p -> p.userId().equals(Optional.of(ownerUser)))
                .map(Provider::id)
                .findFirst()
                .orElseThrow();
    }

    static OpenSalon open(WebServer server) {
        Salons salons = new Salons(server);
        Salons.Salon salon = salons.found("es");
        UseCases uses = server.useCases();
        uses.businessHours()
                .setWeeklyHours(
                        salon.owner(),
                        salon.id(),
                        WeeklyHours.sameOn(
                                Arrays.asList(DayOfWeek.values()), List.of(OpeningWindow.of("00:00", "24:00"))));
        ServiceId cut = uses.createService()
                .create(CreateServiceUseCase.Command.builder(
                                salon.owner(), salon.id(), "Corte", 30, new BigDecimal("20.00"))
                        .build())
                .id();
        return new OpenSalon(server, salons, salon, cut);
    }

    AppointmentDetails book(Instant start, String client, String phone, BookingSource source) {
        return book(owner, start, ownerProvider, client, phone, source);
    }

    AppointmentDetails book(
            Actor actor, Instant start, ProviderId provider, String client, String phone, BookingSource source) {
        return uses.bookAppointment()
                .book(BookAppointmentUseCase.Command.builder(
                                actor,
                                id,
                                cut,
                                start,
                                new BookAppointmentUseCase.ClientDetails(client, Optional.of(phone), Optional.empty()),
                                source)
                        .provider(Optional.of(provider))
                        .build())
                .details();
    }

    /** Someone invited with {@code role} who accepted. */
    UserId member(Role role) {
        return salons.join(salon, role, "es").userId();
    }

    /** A staff member's column in the diary, linked to their login. */
    ProviderId provider(UserId user, String name) {
        return uses.staff().create(owner, id, name, Optional.of(user)).id();
    }

    Browser browserOf(UserId user) {
        return salons.browserOf(new Actor.Member(user), salon);
    }

    Browser ownersBrowser() {
        return browserOf(ownerUser);
    }

    String at(String page) {
        return "/dashboard/" + slug + (page.isEmpty() ? "" : "/" + page);
    }
}
