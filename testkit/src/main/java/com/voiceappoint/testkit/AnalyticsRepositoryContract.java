package com.voiceappoint.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.port.out.AnalyticsRepository;
import com.voiceappoint.application.port.out.CallLogRepository;
import com.voiceappoint.domain.analytics.AppointmentStats;
import com.voiceappoint.domain.analytics.CallStats;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.appointment.CancelledBy;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.shared.TimeRange;
import com.voiceappoint.domain.voice.VoiceCall;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The figures every analytics store must compute alike, over one week of a salon's calls and appointments. */
public abstract class AnalyticsRepositoryContract<R extends AnalyticsRepository, L extends CallLogRepository> {
    private static final Instant MONDAY = Instant.parse("2026-11-23T08:00:00Z");
    private static final TimeRange WEEK = new TimeRange(MONDAY, MONDAY.plus(Duration.ofDays(7)));

    protected R analytics;
    protected L callLog;
    protected TestData data;
    private TestData.Tenant tenant;
    private Service cut;
    private Service dye;
    private Client client;

    /**
     * The stores under test, made anew before each test, and the {@link TestData} that writes what they refer to
     * into the same database.
     */
    protected abstract R createAnalyticsRepository();

    protected abstract L createCallLogRepository();

    protected abstract TestData testData();

    @BeforeEach
    void setUpPorts() {
        analytics = createAnalyticsRepository();
        callLog = createCallLogRepository();
        data = testData();
        tenant = data.tenant();
        cut = data.service(tenant.id(), "Cut", 30);
        dye = data.service(tenant.id(), "Dye", 60);
        client = data.client(tenant.id());
    }

    private Appointment book(Service service, Instant start, BookingSource source) {
        Appointment a = Appointment.confirmed(
                AppointmentId.random(),
                service,
                tenant.provider().id(),
                client.id(),
                start,
                source,
                "",
                MONDAY.minus(Duration.ofDays(2)));
        data.appointments().add(a, Optional.empty());
        return a;
    }

    private void change(Appointment from, Appointment to) {
        data.appointments().update(from, to);
    }

    private void call(String id, Instant seen, Optional<Duration> lasted, String endedReason, Appointment... made) {
        VoiceCall heard = VoiceCall.heardOf(tenant.id(), id, seen);
        callLog.merge(heard.with(new VoiceCall(
                tenant.id(),
                id,
                Optional.empty(),
                Optional.of("ended"),
                Optional.empty(),
                Optional.empty(),
                lasted.map(d -> seen),
                lasted.map(seen::plus),
                Optional.empty(),
                Optional.of(endedReason),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                seen)));
        for (Appointment appointment : made) {
            callLog.link(tenant.id(), id, appointment.id(), seen);
        }
    }

    @Test
    void calls_are_counted_averaged_by_reason_and_converted_when_they_booked() {
        Instant tuesday = MONDAY.plus(Duration.ofDays(1));
        Appointment booked = book(cut, tuesday.plus(Duration.ofHours(2)), BookingSource.VOICE);
        Appointment held = Appointment.held(
                AppointmentId.random(),
                cut,
                tenant.provider().id(),
                client.id(),
                tuesday.plus(Duration.ofHours(5)),
                Duration.ofMinutes(5),
                BookingSource.VOICE,
                MONDAY);
        data.appointments().add(held, Optional.empty());
        change(held, held.expire(MONDAY.plus(Duration.ofMinutes(10))));
        call("booked", MONDAY.plus(Duration.ofHours(1)), Optional.of(Duration.ofSeconds(90)), "hangup", booked);
        call("held-only", MONDAY.plus(Duration.ofHours(2)), Optional.of(Duration.ofSeconds(31)), "hangup", held);
        call("silent", MONDAY.plus(Duration.ofHours(3)), Optional.empty(), "silence-timed-out");
        call("last-week", MONDAY.minus(Duration.ofDays(3)), Optional.of(Duration.ofSeconds(600)), "hangup");

        CallStats stats = analytics.calls(tenant.id(), WEEK);

        assertThat(stats.calls()).isEqualTo(3);
        assertThat(stats.averageDuration()).contains(Duration.ofSeconds(60)); // (90 + 31) / 2, rounded down
        assertThat(stats.endedReasons()).isEqualTo(Map.of("hangup", 2L, "silence-timed-out", 1L));
        assertThat(stats.converted()).isEqualTo(1);
        assertThat(analytics.calls(data.tenant().id(), WEEK).calls()).isZero();
    }

    @Test
    void appointments_are_counted_by_source_and_status_and_earn_when_confirmed_or_completed() {
        Instant tuesday = MONDAY.plus(Duration.ofDays(1));
        book(cut, tuesday, BookingSource.VOICE);
        book(cut, tuesday.plus(Duration.ofHours(1)), BookingSource.API);
        Appointment done = book(dye, tuesday.plus(Duration.ofHours(2)), BookingSource.WEB);
        change(done, done.complete(tuesday.plus(Duration.ofHours(3))));
        Appointment missed = book(cut, tuesday.plus(Duration.ofHours(4)), BookingSource.VOICE);
        change(missed, missed.markNoShow(tuesday.plus(Duration.ofHours(5))));
        Appointment called = book(cut, tuesday.plus(Duration.ofHours(6)), BookingSource.API);
        change(called, called.cancel(CancelledBy.CLIENT, "", Duration.ZERO, MONDAY));
        book(cut, MONDAY.plus(Duration.ofDays(9)), BookingSource.VOICE);

        AppointmentStats stats = analytics.appointments(tenant.id(), WEEK);

        assertThat(stats.bySource())
                .isEqualTo(Map.of(BookingSource.VOICE, 2L, BookingSource.API, 2L, BookingSource.WEB, 1L));
        assertThat(stats.byStatus())
                .isEqualTo(Map.of(
                        AppointmentStatus.CONFIRMED, 2L,
                        AppointmentStatus.COMPLETED, 1L,
                        AppointmentStatus.NO_SHOW, 1L,
                        AppointmentStatus.CANCELLED, 1L));
        assertThat(stats.byService())
                .containsExactlyInAnyOrder(
                        new AppointmentStats.ServiceFigures(cut.id(), 4, Money.of("51.00", "EUR")),
                        new AppointmentStats.ServiceFigures(dye.id(), 1, Money.of("25.50", "EUR")));
        assertThat(stats.popular(1))
                .extracting(AppointmentStats.ServiceFigures::service)
                .containsExactly(cut.id());
        assertThat(stats.noShowRate()).contains(0.5);
    }
}
