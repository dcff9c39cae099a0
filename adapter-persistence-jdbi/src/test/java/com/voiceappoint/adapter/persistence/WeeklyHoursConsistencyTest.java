package com.voiceappoint.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.testkit.TestData;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Opening hours stay a valid week whatever writes at the same time: replacing a week is atomic against another
 * replacement, and PostgreSQL refuses overlapping windows of one owner on one weekday, as it refuses overlapping
 * appointments.
 */
class WeeklyHoursConsistencyTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private static final int WRITERS = 8;
    private static final int ROUNDS = 10;
    private static final WeeklyHours MORNINGS = everyDay("08:00", "14:00");
    private static final WeeklyHours AFTERNOONS = everyDay("10:00", "20:00");

    private final OutboundPorts ports = postgres.persistence().ports(new FakePasswordHasher());

    @Test
    void weeks_replaced_at_the_same_moment_leave_one_of_them_never_their_union() throws Exception {
        BusinessId business = TestData.tenant(ports).id();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> writes = new ArrayList<>();
                for (int i = 0; i < WRITERS; i++) {
                    WeeklyHours week = i % 2 == 0 ? MORNINGS : AFTERNOONS;
                    writes.add(pool.submit(() -> {
                        go.await();
                        ports.schedules().replaceWeeklyHours(business, week);
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> write : writes) {
                    write.get(60, TimeUnit.SECONDS);
                }
                assertThat(storedWindows(business, null)).isIn(rows(MORNINGS), rows(AFTERNOONS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ports.schedules().weeklyHours(business)).isIn(MORNINGS, AFTERNOONS);
    }

    @Test
    void the_database_refuses_an_overlapping_window_of_the_business_or_of_a_provider() throws Exception {
        var tenant = TestData.tenant(ports);
        UUID business = tenant.id().value();
        UUID provider = tenant.provider().id().value();
        ports.schedules().replaceWeeklyHours(tenant.id(), MORNINGS);
        setHours(tenant.provider(), MORNINGS);

        // 08:00-14:00 is stored for both on every day; 13:00-15:00 overlaps it, 14:00-15:00 only touches it
        assertThatThrownBy(() -> insertWindow(business, null, 1, 13 * 60, 15 * 60))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("23P01");
                    assertThat(e.getMessage()).contains("weekly_hours_business_no_overlap");
                });
        assertThatThrownBy(() -> insertWindow(business, provider, 1, 8 * 60, 14 * 60))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("23P01");
                    assertThat(e.getMessage()).contains("weekly_hours_provider_no_overlap");
                });
        insertWindow(business, null, 1, 14 * 60, 15 * 60);
        insertWindow(business, provider, 2, 14 * 60, 15 * 60);
        Provider other = TestData.provider(ports, tenant.id(), Optional.empty(), "Other");
        insertWindow(business, other.id().value(), 1, 8 * 60, 14 * 60);
    }

    @Test
    void a_window_written_meanwhile_behind_the_repository_s_back_is_refused_as_invalid_hours() throws Exception {
        BusinessId business = TestData.tenant(ports).id();
        DatabaseUrl url = postgres.url();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection psql = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
            psql.setAutoCommit(false);
            insertWindow(psql, business.value(), null, 1, 9 * 60, 12 * 60);
            Future<?> replacing = pool.submit(() -> ports.schedules().replaceWeeklyHours(business, MORNINGS));
            // the replacement cannot see the uncommitted window, and waits for it when its own overlaps
            while (!replacing.isDone()
                    && postgres.count("select count(*) from pg_stat_activity where datname = current_database() "
                                    + "and wait_event_type = 'Lock'")
                            == 0) {
                Thread.sleep(20);
            }
            psql.commit();

            assertThatThrownBy(() -> replacing.get(60, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("hours"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(storedWindows(business, null)).containsExactly(List.of(1, 9 * 60, 12 * 60));
    }

    private void setHours(Provider provider, WeeklyHours hours) {
        ports.providers()
                .update(new Provider(
                        provider.id(),
                        provider.businessId(),
                        provider.userId(),
                        provider.displayName(),
                        Optional.of(hours),
                        provider.active()));
    }

    private static WeeklyHours everyDay(String opens, String closes) {
        return WeeklyHours.sameOn(List.of(DayOfWeek.values()), List.of(OpeningWindow.of(opens, closes)));
    }

    /** The rows a week is stored as: weekday, opening and closing minute, in that order. */
    private static List<List<Integer>> rows(WeeklyHours week) {
        List<List<Integer>> rows = new ArrayList<>();
        week.asMap()
                .forEach((day, windows) ->
                        windows.forEach(w -> rows.add(List.of(day.getValue(), w.openingMinute(), w.closingMinute()))));
        return rows;
    }

    /** What is stored for the business's own hours ({@code provider} null) or a provider's, straight from SQL. */
    private static List<List<Integer>> storedWindows(BusinessId business, UUID provider) throws SQLException {
        DatabaseUrl url = postgres.url();
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
                PreparedStatement statement = connection.prepareStatement(
                        "select weekday, opens_minute, closes_minute from weekly_hours where business_id = ? "
                                + "and provider_id is not distinct from ? order by 1, 2, 3")) {
            statement.setObject(1, business.value());
            statement.setObject(2, provider);
            List<List<Integer>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3)));
                }
            }
            return rows;
        }
    }

    private static void insertWindow(UUID business, UUID provider, int weekday, int opens, int closes)
            throws SQLException {
        DatabaseUrl url = postgres.url();
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
            insertWindow(connection, business, provider, weekday, opens, closes);
        }
    }

    private static void insertWindow(
            Connection connection, UUID business, UUID provider, int weekday, int opens, int closes)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("insert into weekly_hours (business_id, "
                + "provider_id, weekday, opens_minute, closes_minute) values (?, ?, ?, ?, ?)")) {
            statement.setObject(1, business);
            statement.setObject(2, provider);
            statement.setInt(3, weekday);
            statement.setInt(4, opens);
            statement.setInt(5, closes);
            statement.executeUpdate();
        }
    }
}
