package com.voiceappoint.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.application.fakes.PortSwap;
import com.voiceappoint.application.fakes.RecordedMessages;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.application.port.in.ManageBusinessesUseCase;
import com.voiceappoint.application.port.in.ManageServicesUseCase;
import com.voiceappoint.application.port.in.NotificationsUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase;
import com.voiceappoint.application.port.out.CategoryRepository;
import com.voiceappoint.application.port.out.NotificationStore;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.application.port.out.VoiceSettingsRepository;
import com.voiceappoint.application.usecase.Interactors;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.business.Membership;
import com.voiceappoint.domain.business.Role;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceCategory;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.testkit.TestData;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two owners change one business at the same moment, through the real use cases and PostgreSQL. Each test lets the
 * first change read what it is about to change, then lets the second run before the first writes (or as far as it
 * can: until it waits for the first). Whatever the order, neither undoes the other, and no rule checked by one is
 * broken by the other.
 */
class ConfigurationChangesRaceTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private static final WeeklyHours MORNINGS =
            WeeklyHours.sameOn(List.of(DayOfWeek.values()), List.of(OpeningWindow.of("08:00", "14:00")));

    private final OutboundPorts ports = postgres.persistence().ports(new FakePasswordHasher());
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void a_rename_and_new_hours_saved_at_once_both_survive() throws Exception {
        var tenant = TestData.tenant(ports);
        Actor owner = Actor.member(tenant.owner().id());
        Provider stylist = tenant.provider();
        Pause pause = new Pause();
        UseCases app = app(PortSwap.with(
                ports, ProviderRepository.class, pause.after(ProviderRepository.class, ports.providers(), "findById")));

        pause.race(
                () -> app.staff().update(owner, tenant.id(), stylist.id(), Optional.of("Marta"), Optional.empty()),
                () -> app.staff().setWorkingHours(owner, tenant.id(), stylist.id(), Optional.of(MORNINGS)));

        Provider stored = ports.providers().findById(tenant.id(), stylist.id()).orElseThrow();
        assertThat(stored.displayName()).isEqualTo("Marta");
        assertThat(stored.workingHours()).contains(MORNINGS);
    }

    @Test
    void two_changes_to_one_service_at_once_both_survive() throws Exception {
        var tenant = TestData.tenant(ports);
        Actor owner = Actor.member(tenant.owner().id());
        Service cut = TestData.service(ports, tenant.id(), "Cut", 30);
        Pause pause = new Pause();
        UseCases app = app(PortSwap.with(
                ports, ServiceRepository.class, pause.after(ServiceRepository.class, ports.services(), "findById")));

        pause.race(
                () -> app.services().update(owner, cut.id(), serviceChanges(Optional.of("Haircut"), Optional.empty())),
                () -> app.services()
                        .update(
                                owner,
                                cut.id(),
                                serviceChanges(
                                        Optional.empty(),
                                        Optional.of(Set.of(tenant.provider().id())))));

        Service stored = ports.services().findById(tenant.id(), cut.id()).orElseThrow();
        assertThat(stored.name()).isEqualTo("Haircut");
        assertThat(stored.providers()).containsExactly(tenant.provider().id());
    }

    @Test
    void a_booked_service_removed_while_renamed_is_kept_renamed_and_inactive() throws Exception {
        var tenant = TestData.tenant(ports);
        Actor owner = Actor.member(tenant.owner().id());
        Service cut = TestData.service(ports, tenant.id(), "Cut", 30);
        ports.appointments()
                .add(
                        TestData.appointment(
                                cut,
                                tenant.provider().id(),
                                TestData.client(ports, tenant.id()).id(),
                                Instant.parse("2026-11-24T10:00:00Z")),
                        Optional.empty());
        Pause pause = new Pause();
        UseCases app = app(PortSwap.with(
                ports, ServiceRepository.class, pause.after(ServiceRepository.class, ports.services(), "findById")));

        pause.race(
                () -> app.services().remove(owner, cut.id()),
                () -> app.services().update(owner, cut.id(), serviceChanges(Optional.of("Haircut"), Optional.empty())));

        Service stored = ports.services().findById(tenant.id(), cut.id()).orElseThrow();
        assertThat(stored.name()).isEqualTo("Haircut");
        assertThat(stored.active()).isFalse();
    }

    @Test
    void a_greeting_and_new_numbers_saved_at_once_both_survive() throws Exception {
        var tenant = TestData.tenant(ports);
        Actor owner = Actor.member(tenant.owner().id());
        Pause pause = new Pause();
        UseCases app = app(PortSwap.with(
                ports,
                VoiceSettingsRepository.class,
                pause.after(VoiceSettingsRepository.class, ports.voiceSettings(), "find")));
        String number = TestData.randomPhone().value();

        pause.race(
                () -> app.voiceSettings()
                        .update(
                                owner,
                                tenant.id(),
                                new VoiceSettingsUseCase.Changes(
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.of(Optional.of("Hola, soy Lola")),
                                        Optional.empty())),
                () -> app.voiceSettings()
                        .update(
                                owner,
                                tenant.id(),
                                new VoiceSettingsUseCase.Changes(
                                        Optional.empty(),
                                        Optional.of(List.of(number)),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty())));

        var stored = ports.voiceSettings().find(tenant.id()).orElseThrow();
        assertThat(stored.greeting()).contains("Hola, soy Lola");
        assertThat(stored.numbers()).containsExactly(new PhoneNumber(number));
    }

    @Test
    void reminder_times_and_a_sender_name_saved_at_once_both_survive() throws Exception {
        var tenant = TestData.tenant(ports);
        Actor owner = Actor.member(tenant.owner().id());
        Pause pause = new Pause();
        PostgresPersistence persistence = postgres.persistence();
        RecordedMessages messages = new RecordedMessages();
        UseCases app = app(ports.sendingMessages(
                pause.after(NotificationStore.class, persistence.notifications(), "settings"),
                messages,
                messages,
                messages,
                Optional.empty()));

        pause.race(
                () -> app.notifications()
                        .updateSettings(
                                owner, tenant.id(), settingsChanges(Optional.of(List.of(60)), Optional.empty())),
                () -> app.notifications()
                        .updateSettings(
                                owner,
                                tenant.id(),
                                settingsChanges(Optional.empty(), Optional.of(Optional.of("Salón Lola")))));

        var stored = persistence.notifications().settings(tenant.id());
        assertThat(stored.reminderLeads()).containsExactly(Duration.ofHours(1));
        assertThat(stored.senderName()).contains("Salón Lola");
    }

    @Test
    void categories_added_at_once_without_a_position_each_go_last() throws Exception {
        var tenant = TestData.tenant(ports);
        Actor owner = Actor.member(tenant.owner().id());
        Pause pause = new Pause();
        UseCases app = app(PortSwap.with(
                ports,
                CategoryRepository.class,
                pause.after(CategoryRepository.class, ports.categories(), "findByBusiness")));

        pause.race(
                () -> app.categories().create(owner, tenant.id(), "Hair", Optional.empty()),
                () -> app.categories().create(owner, tenant.id(), "Nails", Optional.empty()));

        assertThat(ports.categories().findByBusiness(tenant.id()))
                .extracting(ServiceCategory::position)
                .containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void a_new_currency_and_a_new_service_at_once_never_leave_a_service_in_another_currency() throws Exception {
        var tenant = TestData.tenant(ports);
        Actor owner = Actor.member(tenant.owner().id());
        Pause pause = new Pause();
        UseCases app = app(PortSwap.with(
                ports,
                ServiceRepository.class,
                pause.after(ServiceRepository.class, ports.services(), "findByBusiness")));
        ManageBusinessesUseCase.Changes dollars = new ManageBusinessesUseCase.Changes(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of("USD"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());

        Outcome<?> currency = pause.race(
                        () -> app.businesses().update(owner, tenant.id(), dollars),
                        () -> app.createService()
                                .create(CreateServiceUseCase.Command.builder(
                                                owner, tenant.id(), "Cut", 30, new BigDecimal("20.00"))
                                        .build()))
                .first();

        // the currency changed before the service was priced, or was refused because a service was priced in it
        String stored = ports.businesses()
                .findById(tenant.id())
                .orElseThrow()
                .currency()
                .getCurrencyCode();
        assertThat(ports.services().findByBusiness(tenant.id(), true))
                .singleElement()
                .satisfies(service ->
                        assertThat(service.price().currency().getCurrencyCode()).isEqualTo(stored));
        if (stored.equals("EUR")) {
            assertThat(currency.refusal()).contains(ErrorCode.CURRENCY_IN_USE);
        }
    }

    @Test
    void a_member_added_as_staff_twice_at_once_is_added_once() throws Exception {
        var tenant = TestData.tenant(ports);
        Actor owner = Actor.member(tenant.owner().id());
        User member = TestData.user(ports);
        ports.memberships().add(new Membership(tenant.id(), member.id(), Role.STAFF));
        Pause pause = new Pause();
        UseCases app = app(PortSwap.with(
                ports,
                ProviderRepository.class,
                pause.after(ProviderRepository.class, ports.providers(), "findByUser")));

        Race race = pause.race(
                () -> app.staff().create(owner, tenant.id(), "Sam", Optional.of(member.id())),
                () -> app.staff().create(owner, tenant.id(), "Sam", Optional.of(member.id())));

        assertThat(List.of(race.first().refusal(), race.second().refusal()))
                .containsExactlyInAnyOrder(Optional.empty(), Optional.of(ErrorCode.ALREADY_PROVIDER));
        assertThat(ports.providers().findByBusiness(tenant.id()))
                .filteredOn(p -> p.userId().equals(Optional.of(member.id())))
                .hasSize(1);
    }

    private static UseCases app(OutboundPorts ports) {
        return Interactors.create(ports, Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));
    }

    private static NotificationsUseCase.SettingsChanges settingsChanges(
            Optional<List<Integer>> reminderLeadMinutes, Optional<Optional<String>> senderName) {
        return new NotificationsUseCase.SettingsChanges(
                Optional.empty(),
                reminderLeadMinutes,
                Optional.empty(),
                senderName,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private static ManageServicesUseCase.Changes serviceChanges(
            Optional<String> name, Optional<Set<com.voiceappoint.domain.schedule.ProviderId>> providers) {
        return new ManageServicesUseCase.Changes(
                name,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                providers,
                Optional.empty());
    }

    /** How one change ended: done, or refused by a rule of the domain. */
    record Outcome<T>(Optional<T> value, Optional<ErrorCode> refusal) {}

    record Race(Outcome<?> first, Outcome<?> second) {}

    /**
     * Stops the first change right after it read what it changes, until the second has finished or waits for a lock
     * held by the first; the second's own reads are not stopped.
     */
    private final class Pause {
        private final AtomicBoolean paused = new AtomicBoolean();
        private final CountDownLatch read = new CountDownLatch(1);
        private volatile Thread first;
        private volatile Future<?> second;

        @SuppressWarnings("unchecked")
        <T> T after(Class<T> port, T real, String method) {
            return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, called, args) -> {
                Object result;
                try {
                    result = called.invoke(real, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                if (Thread.currentThread() == first
                        && called.getName().equals(method)
                        && paused.compareAndSet(false, true)) {
                    read.countDown();
                    while (second == null || !second.isDone() && !someoneWaitsForALock()) {
                        Thread.sleep(20);
                    }
                }
                return result;
            });
        }

        Race race(Callable<?> firstChange, Callable<?> secondChange) throws Exception {
            Future<Outcome<?>> one = threads.submit(() -> {
                first = Thread.currentThread();
                return outcome(firstChange);
            });
            read.await(60, TimeUnit.SECONDS);
            Future<Outcome<?>> two = threads.submit(() -> outcome(secondChange));
            second = two;
            return new Race(one.get(60, TimeUnit.SECONDS), two.get(60, TimeUnit.SECONDS));
        }
    }

    private static Outcome<?> outcome(Callable<?> change) throws Exception {
        try {
            return new Outcome<>(Optional.ofNullable(change.call()), Optional.empty());
        } catch (DomainException refused) {
            return new Outcome<>(Optional.empty(), Optional.of(refused.code()));
        }
    }

    private static boolean someoneWaitsForALock() {
        return postgres.count("select count(*) from pg_stat_activity where datname = current_database() "
                        + "and wait_event_type = 'Lock'")
                > 0;
    }
}
