package com.voiceappoint.testkit;

import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.ClientRepository;
import com.voiceappoint.application.port.out.MembershipRepository;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.port.out.ScheduleRepository;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.application.port.out.UserRepository;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.business.BookingPolicy;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.BusinessType;
import com.voiceappoint.domain.business.DashboardConfig;
import com.voiceappoint.domain.business.Membership;
import com.voiceappoint.domain.business.OnboardingStatus;
import com.voiceappoint.domain.business.Role;
import com.voiceappoint.domain.business.Slug;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.client.ClientId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.CountryCode;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.shared.Money;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builders that write straight through the outbound ports, with unique e-mails, slugs and phones each time, so
 * tests share a database without stepping on each other. A contract gets the rows its store refers to from here (an
 * appointment needs a business, a provider, a service and a client), written through the stores beside it.
 */
public record TestData(
        TransactionRunner transactions,
        UserRepository users,
        BusinessRepository businesses,
        MembershipRepository memberships,
        ProviderRepository providers,
        ServiceRepository services,
        ScheduleRepository schedules,
        ClientRepository clients,
        AppointmentRepository appointments) {
    public static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    public static TestData of(OutboundPorts ports) {
        return new TestData(
                ports.transactions(),
                ports.users(),
                ports.businesses(),
                ports.memberships(),
                ports.providers(),
                ports.services(),
                ports.schedules(),
                ports.clients(),
                ports.appointments());
    }

    /** For a test holding every port: {@code TestData.of(ports).user()}. */
    public static User user(OutboundPorts ports) {
        return of(ports).user();
    }

    public static Tenant tenant(OutboundPorts ports) {
        return of(ports).tenant();
    }

    public static Provider provider(OutboundPorts ports, BusinessId businessId, Optional<UserId> user, String name) {
        return of(ports).provider(businessId, user, name);
    }

    public static void openEveryDay(OutboundPorts ports, BusinessId businessId, String opens, String closes) {
        of(ports).openEveryDay(businessId, opens, closes);
    }

    public static Service service(OutboundPorts ports, BusinessId businessId, String name, int minutes) {
        return of(ports).service(businessId, name, minutes);
    }

    public static Client client(OutboundPorts ports, BusinessId businessId) {
        return of(ports).client(businessId);
    }

    /** A business in Madrid with its owner, who is also its first provider. */
    public record Tenant(User owner, Business business, Provider provider) {
        public BusinessId id() {
            return business.id();
        }
    }

    public User user() {
        User user = new User(
                UserId.random(),
                new EmailAddress("user-" + UUID.randomUUID() + "@example.com"),
                "hash",
                "Lola Test",
                Language.ES,
                Instant.parse("2026-11-01T10:00:00Z"));
        users().add(user);
        return user;
    }

    public Tenant tenant() {
        User owner = user();
        Business business = new Business(
                BusinessId.random(),
                new Slug("salon-" + UUID.randomUUID().toString().substring(0, 13)),
                "Salón Lola",
                BusinessType.SALON,
                Language.ES,
                MADRID,
                Currency.getInstance("EUR"),
                true,
                BookingPolicy.DEFAULT,
                Optional.of(new CountryCode("ES")));
        businesses()
                .add(
                        business,
                        DashboardConfig.defaultsFor(business.id()),
                        OnboardingStatus.justRegistered(business.id()));
        memberships().add(new Membership(business.id(), owner.id(), Role.OWNER));
        Provider provider = provider(business.id(), Optional.of(owner.id()), "Lola");
        return new Tenant(owner, business, provider);
    }

    public Provider provider(BusinessId businessId, Optional<UserId> user, String name) {
        Provider provider = new Provider(ProviderId.random(), businessId, user, name, Optional.empty(), true);
        providers().add(provider);
        return provider;
    }

    /** Opens the business every day of the week, from {@code opens} to {@code closes} ("09:00", "24:00"). */
    public void openEveryDay(BusinessId businessId, String opens, String closes) {
        schedules()
                .replaceWeeklyHours(
                        businessId,
                        WeeklyHours.sameOn(List.of(DayOfWeek.values()), List.of(OpeningWindow.of(opens, closes))));
    }

    public Service service(BusinessId businessId, String name, int minutes) {
        Service service = newService(businessId, name, minutes);
        services().add(service);
        return service;
    }

    /** 30-ish minutes at 25.50 EUR with 10 minutes of clean-up after; not stored. */
    public static Service newService(BusinessId businessId, String name, int minutes) {
        return new Service(
                ServiceId.random(),
                businessId,
                Optional.empty(),
                name,
                "",
                Duration.ofMinutes(minutes),
                Money.of("25.50", "EUR"),
                Duration.ZERO,
                Duration.ofMinutes(10),
                true,
                true,
                Set.of(),
                Optional.empty());
    }

    public Client client(BusinessId businessId) {
        return clients()
                .addOrGetExisting(new Client(
                        ClientId.random(),
                        businessId,
                        "Carmen",
                        Optional.of(randomPhone()),
                        Optional.empty(),
                        Optional.empty()));
    }

    public static PhoneNumber randomPhone() {
        return new PhoneNumber(
                "+346" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999)));
    }

    public static Appointment appointment(Service service, ProviderId provider, ClientId client, Instant start) {
        return Appointment.confirmed(
                AppointmentId.random(),
                service,
                provider,
                client,
                start,
                BookingSource.API,
                "",
                start.minus(Duration.ofDays(3)));
    }
}
