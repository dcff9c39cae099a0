package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.application.port.in.RegisterAccountUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.business.BusinessId;
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
 * A business in Madrid for the dashboard's tests, set up through the use cases as its owner would: open every hour of
 * every day (so a night the clocks change can be booked), one 30-minute service, the owner as its first staff member.
 */
final class Salon {
    static final String PASSWORD = "s3cret-enough";

    final WebServer server;
    final UseCases uses;
    final UserId ownerUser;
    final Actor.Member owner;
    final BusinessId id;
    final String slug;
    final ServiceId cut;
    final ProviderId ownerProvider;

    private Salon(WebServer server, UserId ownerUser, BusinessId id, String slug, ServiceId cut) {
        this.server = server;
        this.uses = server.useCases();
        this.ownerUser = ownerUser;
        this.owner = new Actor.Member(ownerUser);
        this.id = id;
        this.slug = slug;
        this.cut = cut;
        this.ownerProvider = uses.staff().list(owner, id).stream()
                .filter(p -> p.userId().equals(Optional.of(ownerUser)))
                .map(Provider::id)
                .findFirst()
                .orElseThrow();
    }

    /** A new business whose setup has not begun: no hours, no services. */
    static RegisterAccountUseCase.Result register(WebServer server, String email, String name) {
        return server.useCases()
                .registerAccount()
                .register(RegisterAccountUseCase.Command.builder(email, PASSWORD)
                        .fullName("Lola Pérez")
                        .language("es")
                        .businessName(name)
                        .businessType("salon")
                        .timezone("Europe/Madrid")
                        .currency("EUR")
                        .country("ES")
                        .build());
    }

    static Salon open(WebServer server, String email, String name) {
        RegisterAccountUseCase.Result registered = register(server, email, name);
        UseCases uses = server.useCases();
        Actor.Member owner = new Actor.Member(registered.userId());
        uses.businessHours()
                .setWeeklyHours(
                        owner,
                        registered.businessId(),
                        WeeklyHours.sameOn(
                                Arrays.asList(DayOfWeek.values()), List.of(OpeningWindow.of("00:00", "24:00"))));
        ServiceId cut = uses.createService()
                .create(CreateServiceUseCase.Command.builder(
                                owner, registered.businessId(), "Corte", 30, new BigDecimal("20.00"))
                        .build())
                .id();
        return new Salon(
                server,
                registered.userId(),
                registered.businessId(),
                registered.businessSlug().value(),
                cut);
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

    /** Someone invited with {@code role} who accepted, signed up without a business of their own. */
    UserId member(String email, String role) {
        UserId user = uses.registerAccount()
                .register(RegisterAccountUseCase.Command.builder(email, PASSWORD)
                        .fullName(role + " member")
                        .language("es")
                        .build())
                .userId();
        var invitation = uses.members().invite(owner, id, email, role);
        uses.invitations().accept(new Actor.Member(user), invitation.id());
        return user;
    }

    /** A staff member's column in the diary, linked to their login. */
    ProviderId provider(UserId user, String name) {
        return uses.staff().create(owner, id, name, Optional.of(user)).id();
    }

    Browser browserOf(UserId user) {
        return server.browser().signedIn(uses.sessions().start(user).token());
    }

    Browser ownersBrowser() {
        return browserOf(ownerUser);
    }

    String at(String page) {
        return "/dashboard/" + slug + (page.isEmpty() ? "" : "/" + page);
    }
}
