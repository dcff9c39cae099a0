package com.voiceappoint.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.testkit.TestData;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The migrations write statuses into constraints by hand, since a constraint cannot ask Java; these tests hold the
 * migrated schema to the one definition in {@link AppointmentStatus}, so a status added or moved in the enum fails
 * here until a migration follows.
 */
class AppointmentStatusConstraintsTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private static final Pattern QUOTED = Pattern.compile("'([a-z_]+)'");

    @Test
    void the_exclusion_constraint_covers_exactly_the_statuses_that_block_time() {
        List<String> exclusions = constraints("x");

        assertThat(exclusions).hasSize(1);
        assertThat(quotedIn(exclusions.get(0))).isEqualTo(codes(AppointmentStatus.timeBlocking()));
    }

    @Test
    void the_status_column_accepts_exactly_the_statuses_of_the_enum() {
        List<String> statusChecks = constraints("c").stream()
                .filter(definition -> definition.contains("'no_show'"))
                .toList();

        assertThat(statusChecks).hasSize(1);
        assertThat(quotedIn(statusChecks.get(0))).isEqualTo(codes(Set.of(AppointmentStatus.values())));
    }

    @Test
    void the_queries_write_statuses_as_the_literals_the_constraints_hold() {
        assertThat(Rows.sqlList(EnumSet.of(AppointmentStatus.HELD, AppointmentStatus.CONFIRMED)))
                .isEqualTo("('held', 'confirmed')");
    }

    @Test
    void the_sweep_of_lapsed_holds_reads_the_statuses_its_index_holds() {
        List<String> index = postgres.strings("select pg_get_indexdef('appointments_lapsing_holds'::regclass)");

        assertThat(index).hasSize(1);
        assertThat(quotedIn(index.get(0)))
                .isEqualTo(quotedIn(Rows.LAPSING))
                .isEqualTo(codes(EnumSet.of(AppointmentStatus.HELD, AppointmentStatus.PENDING_PAYMENT)));
    }

    @Test
    void a_time_kept_for_a_payment_is_refused_without_a_deadline() {
        TestData data = TestData.of(postgres.persistence().ports(new FakePasswordHasher()));
        TestData.Tenant tenant = data.tenant();
        Service cut = data.service(tenant.id(), "Cut", 30);
        Appointment confirmed = TestData.appointment(
                cut, tenant.provider().id(), data.client(tenant.id()).id(), Instant.parse("2026-12-01T09:00:00Z"));
        data.appointments().add(confirmed, Optional.empty());
        String toPending = "update appointments set status = 'pending_payment', hold_expires_at = %s where id = '"
                + confirmed.id() + "'";

        assertThatThrownBy(() -> postgres.execute(toPending.formatted("null")))
                .hasStackTraceContaining("appointments_payment_has_deadline");
        postgres.execute(toPending.formatted("now()"));
    }

    private static Set<String> codes(Set<AppointmentStatus> statuses) {
        return Arrays.stream(AppointmentStatus.values())
                .filter(statuses::contains)
                .map(AppointmentStatus::code)
                .collect(Collectors.toSet());
    }

    private static Set<String> quotedIn(String definition) {
        Matcher quoted = QUOTED.matcher(definition);
        return quoted.results().map(m -> m.group(1)).collect(Collectors.toSet());
    }

    /** The definitions of the appointments table's constraints of one kind, as PostgreSQL prints them. */
    private static List<String> constraints(String type) {
        DatabaseUrl url = postgres.url();
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
                PreparedStatement statement = connection.prepareStatement("select pg_get_constraintdef(oid) "
                        + "from pg_constraint where conrelid = 'appointments'::regclass and contype = ?")) {
            statement.setString(1, type);
            List<String> definitions = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    definitions.add(rs.getString(1));
                }
            }
            return definitions;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
