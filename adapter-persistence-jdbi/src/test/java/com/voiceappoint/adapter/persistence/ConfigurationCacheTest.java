package com.voiceappoint.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.domain.account.Session;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.DashboardConfig;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.TimeOff;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.TimeRange;
import com.voiceappoint.domain.voice.VoiceSettings;
import com.voiceappoint.testkit.TestData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Businesses' configuration is read from memory, and no instance goes on answering from it once a change has
 * committed: two instances on one real PostgreSQL, changes made by either, by plain SQL, and with the listening
 * connection cut.
 */
class ConfigurationCacheTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    /** A second server on the same database. */
    private static PostgresPersistence elsewhere;

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private final OutboundPorts here = postgres.persistence().ports(new FakePasswordHasher());
    private final OutboundPorts there = elsewhere.ports(new FakePasswordHasher());

    @BeforeAll
    static void secondInstance() {
        elsewhere = PostgresPersistence.connect(postgres.url(), 2, new SimpleMeterRegistry());
    }

    @AfterAll
    static void closeSecondInstance() {
        elsewhere.close();
    }

    @Test
    void repeated_reads_of_a_business_cost_no_connection() {
        var tenant = TestData.tenant(here);
        TestData.service(here, tenant.id(), "Corte", 30);
        awaitListening();
        // the notifications of the writes above may still be on their way, each forgetting what was read before it
        eventually(() -> {
            long before = connectionsTaken();
            readConfiguration(tenant.id());
            return connectionsTaken() == before;
        });
        long before = connectionsTaken();

        for (int i = 0; i < 20; i++) {
            readConfiguration(tenant.id());
        }

        assertThat(connectionsTaken()).isEqualTo(before);
    }

    @Test
    void a_change_made_by_another_instance_is_seen_here() {
        var tenant = TestData.tenant(here);
        Service cut = TestData.service(here, tenant.id(), "Corte", 30);
        PhoneNumber line = TestData.randomPhone();
        awaitListening();
        readConfiguration(tenant.id());
        assertThat(here.voiceSettings().findByNumber(VoiceSettings.DEFAULT_PLATFORM, line))
                .isEmpty();

        there.services().update(renamed(cut, "Corte y peinado"));
        there.schedules().replaceWeeklyHours(tenant.id(), mondayMornings());
        there.voiceSettings()
                .save(new VoiceSettings(
                        tenant.id(), List.of(line), List.of(), Optional.empty(), Optional.empty(), Optional.empty()));

        eventually(() -> here.services()
                .findById(tenant.id(), cut.id())
                .orElseThrow()
                .name()
                .equals("Corte y peinado"));
        eventually(() -> here.schedules().weeklyHours(tenant.id()).equals(mondayMornings()));
        eventually(() -> here.voiceSettings()
                .findByNumber(VoiceSettings.DEFAULT_PLATFORM, line)
                .equals(Optional.of(tenant.id())));
        assertThat(here.voiceSettings().find(tenant.id()).orElseThrow().numbers())
                .containsExactly(line);
    }

    @Test
    void time_off_and_special_days_added_elsewhere_are_seen_here() {
        var tenant = TestData.tenant(here);
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        TimeRange week = new TimeRange(
                tomorrow.atStartOfDay(ZoneOffset.UTC).toInstant(),
                tomorrow.plusDays(7).atStartOfDay(ZoneOffset.UTC).toInstant());
        awaitListening();
        assertThat(here.schedules().timeOff(tenant.id(), week)).isEmpty();
        assertThat(here.schedules().specialDays(tenant.id(), tomorrow, tomorrow.plusDays(7)))
                .isEmpty();

        TimeOff away = new TimeOff(
                UUID.randomUUID(),
                tenant.provider().id(),
                TimeRange.starting(week.start(), Duration.ofHours(3)),
                "dentist");
        there.schedules().addTimeOff(tenant.id(), away);
        SpecialDay closed = new SpecialDay(Optional.empty(), tomorrow.plusDays(2), List.of(), "holiday");
        there.schedules().saveSpecialDay(tenant.id(), closed);

        eventually(() -> here.schedules().timeOff(tenant.id(), week).equals(List.of(away)));
        eventually(() -> here.schedules()
                .specialDays(tenant.id(), tomorrow, tomorrow.plusDays(7))
                .equals(List.of(closed)));
        assertThat(here.schedules().specialDays(tenant.id(), tomorrow, tomorrow.plusDays(1)))
                .as("outside the days asked about")
                .isEmpty();
        assertThat(here.schedules()
                        .timeOff(tenant.id(), TimeRange.starting(away.period().end(), Duration.ofHours(1))))
                .as("ends as the range begins")
                .isEmpty();
    }

    @Test
    void days_long_past_are_read_from_the_database() {
        var tenant = TestData.tenant(here);
        LocalDate longAgo = LocalDate.now(ZoneOffset.UTC).minusDays(30);
        SpecialDay closed = new SpecialDay(Optional.empty(), longAgo, List.of(), "inventory");
        here.schedules().saveSpecialDay(tenant.id(), closed);
        awaitListening();
        here.schedules().specialDays(tenant.id(), LocalDate.now(ZoneOffset.UTC), LocalDate.now(ZoneOffset.UTC));

        assertThat(here.schedules().specialDays(tenant.id(), longAgo, longAgo)).containsExactly(closed);
    }

    @Test
    void a_change_made_with_plain_sql_is_seen() throws SQLException {
        var tenant = TestData.tenant(here);
        awaitListening();
        readConfiguration(tenant.id());

        sql("update businesses set name = 'Renamed by hand' where id = '"
                + tenant.id().value() + "'");

        eventually(() ->
                here.businesses().findById(tenant.id()).orElseThrow().name().equals("Renamed by hand"));
    }

    @Test
    void a_truncated_table_is_forgotten_whole() throws SQLException {
        var tenant = TestData.tenant(here);
        Service cut = TestData.service(here, tenant.id(), "Corte", 30);
        here.services().update(withPerformer(cut, tenant));
        awaitListening();
        assertThat(here.services().findById(tenant.id(), cut.id()).orElseThrow().providers())
                .isNotEmpty();

        sql("truncate service_providers");

        eventually(() -> here.services()
                .findById(tenant.id(), cut.id())
                .orElseThrow()
                .providers()
                .isEmpty());
    }

    @Test
    void this_instance_sees_its_own_change_at_once() {
        var tenant = TestData.tenant(here);
        Service cut = TestData.service(here, tenant.id(), "Corte", 30);
        awaitListening();
        readConfiguration(tenant.id());

        here.services().update(renamed(cut, "Corte nuevo"));
        here.schedules().replaceWeeklyHours(tenant.id(), mondayMornings());

        assertThat(here.services().findById(tenant.id(), cut.id()).orElseThrow().name())
                .isEqualTo("Corte nuevo");
        assertThat(here.schedules().weeklyHours(tenant.id())).isEqualTo(mondayMornings());
    }

    @Test
    void a_transaction_reads_its_own_change_and_a_rollback_leaves_nothing_behind() {
        var tenant = TestData.tenant(here);
        Service cut = TestData.service(here, tenant.id(), "Corte", 30);
        awaitListening();
        readConfiguration(tenant.id());

        assertThatThrownBy(() -> here.transactions().inTransaction(() -> {
                    here.services().update(renamed(cut, "Never committed"));
                    assertThat(here.services()
                                    .findById(tenant.id(), cut.id())
                                    .orElseThrow()
                                    .name())
                            .as("inside the transaction")
                            .isEqualTo("Never committed");
                    throw new IllegalStateException("rolled back");
                }))
                .hasMessage("rolled back");

        assertThat(here.services().findById(tenant.id(), cut.id()).orElseThrow().name())
                .isEqualTo("Corte");
    }

    @Test
    void a_change_made_while_nobody_listens_is_not_missed() throws SQLException {
        var tenant = TestData.tenant(here);
        awaitListening();
        readConfiguration(tenant.id());

        sql("select pg_terminate_backend(pid) from pg_stat_activity "
                + "where application_name = 'voiceappoint configuration-changes' and datname = current_database() "
                + "and pid <> pg_backend_pid()");
        sql("update businesses set name = 'Renamed while deaf' where id = '"
                + tenant.id().value() + "'");

        eventually(() ->
                here.businesses().findById(tenant.id()).orElseThrow().name().equals("Renamed while deaf"));
        awaitListening();
        assertThat(here.businesses().findById(tenant.id()).orElseThrow().name()).isEqualTo("Renamed while deaf");
    }

    @Test
    void a_dashboard_saved_under_the_change_lock_forgets_nobodys_numbers() {
        var tenant = TestData.tenant(here);
        var other = TestData.tenant(here);
        PhoneNumber line = TestData.randomPhone();
        here.voiceSettings()
                .save(new VoiceSettings(
                        tenant.id(), List.of(line), List.of(), Optional.empty(), Optional.empty(), Optional.empty()));
        awaitListening();
        eventually(() -> {
            long before = connectionsTaken();
            here.voiceSettings().findByNumber(VoiceSettings.DEFAULT_PLATFORM, line);
            return connectionsTaken() == before;
        });

        // as every configuration change begins: the business locked, then what the change writes
        here.transactions().inTransaction(() -> {
            here.businesses().lockForChange(other.id());
            here.businesses().saveDashboardConfig(DashboardConfig.defaultsFor(other.id()));
            return null;
        });
        long before = connectionsTaken();

        assertThat(here.voiceSettings().findByNumber(VoiceSettings.DEFAULT_PLATFORM, line))
                .contains(tenant.id());
        assertThat(connectionsTaken()).as("still answered from memory").isEqualTo(before);
    }

    @Test
    void a_change_to_one_business_forgets_its_own_numbers_not_anothers() {
        var tenant = TestData.tenant(here);
        var other = TestData.tenant(here);
        Service cut = TestData.service(here, other.id(), "Corte", 30);
        PhoneNumber line = TestData.randomPhone();
        PhoneNumber othersLine = TestData.randomPhone();
        here.voiceSettings()
                .save(new VoiceSettings(
                        tenant.id(), List.of(line), List.of(), Optional.empty(), Optional.empty(), Optional.empty()));
        here.voiceSettings()
                .save(new VoiceSettings(
                        other.id(),
                        List.of(othersLine),
                        List.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
        awaitListening();
        eventually(() -> {
            long before = connectionsTaken();
            here.voiceSettings().findByNumber(VoiceSettings.DEFAULT_PLATFORM, line);
            here.voiceSettings().findByNumber(VoiceSettings.DEFAULT_PLATFORM, othersLine);
            return connectionsTaken() == before;
        });

        there.voiceSettings()
                .save(new VoiceSettings(
                        other.id(), List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty()));
        there.services().update(renamed(cut, "Corte nuevo"));

        eventually(() -> here.voiceSettings()
                .findByNumber(VoiceSettings.DEFAULT_PLATFORM, othersLine)
                .isEmpty());
        long before = connectionsTaken();
        assertThat(here.voiceSettings().findByNumber(VoiceSettings.DEFAULT_PLATFORM, line))
                .contains(tenant.id());
        assertThat(connectionsTaken())
                .as("another business's change costs this one's number nothing")
                .isEqualTo(before);
    }

    @Test
    void a_login_asked_about_again_costs_no_connection() {
        Login login = Login.started(here);
        awaitListening();
        assertThat(login.onHere()).isTrue();
        long before = connectionsTaken();

        for (int i = 0; i < 20; i++) {
            assertThat(login.onHere()).isTrue();
        }

        assertThat(connectionsTaken()).isEqualTo(before);
    }

    @Test
    void a_login_ended_here_is_off_here_at_once() {
        Login login = Login.started(here);
        awaitListening();
        assertThat(login.onHere()).isTrue();

        postgres.persistence().transactions().inTransaction(() -> {
            here.sessions().revokeFamily(login.family(), NOW);
            return null;
        });

        assertThat(login.onHere()).isFalse();
    }

    @Test
    void a_login_ended_by_another_instance_or_with_plain_sql_is_off_here() throws SQLException {
        Login logout = Login.started(here);
        Login replayed = Login.started(here);
        Login passwordChanged = Login.started(here);
        awaitListening();
        assertThat(logout.onHere()).isTrue();
        assertThat(replayed.onHere()).isTrue();
        assertThat(passwordChanged.onHere()).isTrue();

        there.sessions().revokeFamily(logout.family(), NOW);
        sql("update sessions set revoked_at = now() where family = '" + replayed.family() + "'");
        there.sessions().revokeAllOf(passwordChanged.user(), NOW);

        eventually(() -> !logout.onHere());
        eventually(() -> !replayed.onHere());
        eventually(() -> !passwordChanged.onHere());
    }

    /** A user logged in once: one session of a fresh login. */
    private record Login(OutboundPorts ports, UserId user, UUID family) {
        static Login started(OutboundPorts ports) {
            UserId user = TestData.user(ports).id();
            UUID family = UUID.randomUUID();
            ports.sessions().add(Session.issue(user, family, "hash-" + UUID.randomUUID(), NOW, Duration.ofDays(30)));
            return new Login(ports, user, family);
        }

        boolean onHere() {
            return ports.sessions().isFamilyActive(family, user, NOW.plusSeconds(60));
        }
    }

    private void readConfiguration(BusinessId business) {
        here.businesses().findById(business);
        here.services().findByBusiness(business, false);
        here.providers().findByBusiness(business);
        here.schedules().weeklyHours(business);
        here.voiceSettings().find(business);
    }

    private static void awaitListening() {
        eventually(() ->
                postgres.persistence().servesConfigurationFromMemory() && elsewhere.servesConfigurationFromMemory());
    }

    private static long connectionsTaken() {
        return postgres.metrics().find("hikaricp.connections.acquire").timer().count();
    }

    private static WeeklyHours mondayMornings() {
        return WeeklyHours.sameOn(List.of(DayOfWeek.MONDAY), List.of(OpeningWindow.of("09:00", "13:00")));
    }

    private static Service renamed(Service service, String name) {
        return edited(service, name, service.providers());
    }

    private static Service withPerformer(Service service, TestData.Tenant tenant) {
        return edited(service, service.name(), Set.of(tenant.provider().id()));
    }

    private static Service edited(Service service, String name, Set<ProviderId> performers) {
        return new Service(
                service.id(),
                service.businessId(),
                service.categoryId(),
                name,
                service.description(),
                service.duration(),
                service.price(),
                service.bufferBefore(),
                service.bufferAfter(),
                service.voiceBookingEnabled(),
                service.active(),
                performers,
                service.deposit());
    }

    private static void sql(String statement) throws SQLException {
        DatabaseUrl url = postgres.url();
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
                Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    /** Waits for what a notification brings; ten seconds is far beyond any delivery on one machine. */
    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("still not so after 10 s").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
