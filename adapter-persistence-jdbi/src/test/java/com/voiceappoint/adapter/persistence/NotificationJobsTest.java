package com.voiceappoint.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.application.fakes.RecordedMessages;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.usecase.Interactors;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.testkit.TestData;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Messages planned in the booking's own transaction on a real PostgreSQL, and sent by db-scheduler jobs: the
 * confirmation of a committed booking is always queued, a rolled-back one plans nothing, a cancellation withdraws its
 * reminders, a move moves them, and however many servers run the jobs, each message goes out at most once.
 */
class NotificationJobsTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    /** Monday 7 December 2026, 10:00 in Madrid. */
    private static final Instant MONDAY = Instant.parse("2026-12-07T09:00:00Z");
    /** Wednesday 9 December 2026, 10:00 in Madrid. */
    private static final Instant WEDNESDAY_TEN = Instant.parse("2026-12-09T09:00:00Z");

    private final MovableClock clock = new MovableClock(MONDAY);
    private final RecordedMessages messages = new RecordedMessages();
    private UseCases app;
    private TestData.Tenant tenant;
    private Service cut;

    @BeforeEach
    void setUp() {
        postgres.execute("delete from scheduled_tasks");
        postgres.execute("delete from notifications");
        PostgresPersistence persistence = postgres.persistence();
        OutboundPorts ports = persistence
                .ports(new FakePasswordHasher())
                .sendingMessages(
                        persistence.notifications(),
                        messages,
                        messages,
                        messages,
                        Optional.of("https://book.example/manage/"));
        app = Interactors.create(ports, clock);
        tenant = TestData.tenant(ports);
        TestData.openEveryDay(ports, tenant.id(), "08:00", "20:00");
        cut = TestData.service(ports, tenant.id(), "Cut", 30);
    }

    @Test
    void a_committed_booking_has_its_confirmation_staff_alert_and_reminders_queued_with_their_jobs() {
        AppointmentDetails booked = book(WEDNESDAY_TEN);

        assertThat(rows(booked))
                .containsExactlyInAnyOrder(
                        "confirmed email 2026-12-07T09:00:00Z",
                        "confirmed sms 2026-12-07T09:00:00Z",
                        "staff_new_booking email 2026-12-07T09:00:00Z",
                        // the day before at the same hour, and two hours before, in Madrid
                        "reminder email 2026-12-08T09:00:00Z",
                        "reminder sms 2026-12-08T09:00:00Z",
                        "reminder email 2026-12-09T07:00:00Z",
                        "reminder sms 2026-12-09T07:00:00Z");
        // one job per time: the confirmations and the alert now, then each reminder's two channels together
        assertThat(postgres.strings("select execution_time at time zone 'UTC' from scheduled_tasks "
                        + "where task_name = 'notification' order by 1"))
                .containsExactly("2026-12-07 09:00:00", "2026-12-08 09:00:00", "2026-12-09 07:00:00");
    }

    @Test
    void a_booking_rolled_back_after_its_messages_were_planned_plans_none() {
        assertThatThrownBy(() -> postgres.persistence().transactions().inTransaction(() -> {
                    book(WEDNESDAY_TEN);
                    throw new IllegalStateException("the caller's transaction fails after the booking");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(postgres.count("select count(*) from notifications")).isZero();
        assertThat(postgres.count("select count(*) from scheduled_tasks")).isZero();
    }

    @Test
    void a_cancellation_withdraws_the_reminders_and_a_move_moves_them_in_the_same_transaction() {
        AppointmentDetails booked = book(WEDNESDAY_TEN);
        Instant thursdayTen = WEDNESDAY_TEN.plus(Duration.ofDays(1));

        app.changeAppointment()
                .reschedule(
                        new Actor.Member(tenant.owner().id()),
                        booked.appointment().id(),
                        thursdayTen,
                        Optional.empty());

        assertThat(rows(booked))
                .contains(
                        "moved email 2026-12-07T09:00:00Z",
                        "reminder email 2026-12-09T09:00:00Z",
                        "reminder sms 2026-12-10T07:00:00Z")
                .doesNotContain("reminder email 2026-12-08T09:00:00Z");
        assertThat(statuses(booked, "reminder")).containsOnly("queued", "skipped");

        app.changeAppointment()
                .cancel(
                        new Actor.Member(tenant.owner().id()),
                        booked.appointment().id(),
                        "closed");

        assertThat(rows(booked)).contains("cancelled email 2026-12-07T09:00:00Z", "cancelled sms 2026-12-07T09:00:00Z");
        assertThat(statuses(booked, "reminder")).containsOnly("skipped");
        // only the job of the messages still to send remains: the confirmation, the move and the cancellation, now
        assertThat(postgres.strings("select execution_time at time zone 'UTC' from scheduled_tasks"))
                .containsExactly("2026-12-07 09:00:00");
    }

    @Test
    void a_day_before_reminder_keeps_its_hour_across_the_clock_change() {
        clock.set(Instant.parse("2026-10-20T09:00:00Z"));
        // Sunday 25 October 2026, 10:00 in Madrid, the morning summer time ended
        AppointmentDetails booked = book(Instant.parse("2026-10-25T09:00:00Z"));

        assertThat(rows(booked)).contains("reminder email 2026-10-24T08:00:00Z"); // Saturday 10:00, summer time
    }

    @Test
    void the_jobs_send_each_message_when_it_is_due_and_record_it() {
        AppointmentDetails booked = book(WEDNESDAY_TEN);
        ManualScheduler scheduler = manualScheduler();

        scheduler.runAnyDueExecutions();
        assertThat(sent())
                .containsExactlyInAnyOrder("email confirmed es", "sms confirmed es", "email staff_new_booking es");
        assertThat(statuses(booked, "confirmed")).containsOnly("sent");

        move(scheduler, Instant.parse("2026-12-08T09:00:00Z"));
        assertThat(sent()).contains("email reminder es", "sms reminder es").hasSize(5);
        assertThat(postgres.count(
                        "select count(*) from notifications where recipient like '%***%' and status = 'sent'"))
                .isEqualTo(5);
    }

    @Test
    void a_message_whose_sender_died_mid_send_is_never_sent_twice() {
        AppointmentDetails booked = book(WEDNESDAY_TEN);
        // a server took the confirmation e-mail and died: the message is "sending", its job picked, heartbeat old
        postgres.execute("update notifications set status = 'sending' where kind = 'confirmed' and channel = 'email'");
        postgres.execute("update scheduled_tasks set picked = true, picked_by = 'dead-server', "
                + "last_heartbeat = now() - interval '1 hour' where execution_time in (select due_at "
                + "from notifications where status = 'sending')");
        ManualScheduler scheduler = manualScheduler();

        scheduler.runDeadExecutionDetection();
        scheduler.runAnyDueExecutions();

        assertThat(sent()).doesNotContain("email confirmed es").contains("sms confirmed es");
        assertThat(postgres.count("select count(*) from notifications where kind = 'confirmed' and channel = 'email' "
                        + "and status = 'failed' and detail like 'interrupted%'"))
                .isEqualTo(1);
        assertThat(rows(booked)).isNotEmpty();
    }

    @Test
    void two_servers_on_one_database_send_each_of_many_due_messages_exactly_once() throws Exception {
        // real servers poll on the real clock
        clock.set(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        Instant inThreeDays = LocalDate.now(TestData.MADRID)
                .plusDays(3)
                .atTime(10, 0)
                .atZone(TestData.MADRID)
                .toInstant();
        int bookings = 10;
        for (int i = 0; i < bookings; i++) {
            book(inThreeDays.plus(Duration.ofHours(i)));
        }
        long due =
                postgres.count("select count(*) from notifications where due_at <= ?", Timestamp.from(clock.instant()));
        // each booking's confirmation e-mail and staff alert, and its text unless this runs in quiet hours
        assertThat(due).isGreaterThanOrEqualTo(2L * bookings);

        try (NotificationJobs one = NotificationJobs.start(
                        postgres.persistence(), app.deliverNotification(), 4, Duration.ofMillis(100));
                NotificationJobs two = NotificationJobs.start(
                        postgres.persistence(), app.deliverNotification(), 4, Duration.ofMillis(100))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (messages.sent().size() < due && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(300); // long enough for a second send of anything to show
        }

        assertThat(sent()).hasSize((int) due);
        assertThat(messages.sendKeys()).doesNotHaveDuplicates();
        assertThat(postgres.count("select count(*) from notifications where status = 'sent'"))
                .isEqualTo(due);
    }

    private AppointmentDetails book(Instant start) {
        return app.bookAppointment()
                .book(BookAppointmentUseCase.Command.builder(
                                Actor.member(tenant.owner().id()),
                                tenant.id(),
                                cut.id(),
                                start,
                                new BookAppointmentUseCase.ClientDetails(
                                        "Carmen",
                                        Optional.of(TestData.randomPhone().value()),
                                        Optional.of("carmen-" + UUID.randomUUID() + "@example.com")),
                                BookingSource.API)
                        .provider(Optional.of(tenant.provider().id()))
                        .build())
                .details();
    }

    /** What was sent, without to whom: "email confirmed es". */
    private List<String> sent() {
        return messages.sent().stream()
                .map(line -> line.substring(0, line.indexOf(" to ")))
                .toList();
    }

    private ManualScheduler manualScheduler() {
        ManualScheduler scheduler = TestHelper.createManualScheduler(
                        postgres.persistence().dataSource(), NotificationJobs.task(app.deliverNotification()))
                .clock(clock.scheduler)
                .build();
        scheduler.setTime(clock.instant());
        return scheduler;
    }

    private void move(ManualScheduler scheduler, Instant to) {
        clock.set(to);
        scheduler.setTime(to);
        scheduler.runAnyDueExecutions();
    }

    private List<String> rows(AppointmentDetails booked) {
        return postgres.strings(
                "select kind || ' ' || channel || ' ' || to_char(due_at at time zone 'UTC', "
                        + "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from notifications where appointment_id = ? and status = 'queued'",
                booked.appointment().id().value());
    }

    private List<String> statuses(AppointmentDetails booked, String kind) {
        return postgres.strings(
                "select status from notifications where appointment_id = ? and kind = ?",
                booked.appointment().id().value(),
                kind);
    }

    /** The application's clock and db-scheduler's, moved together. */
    private static final class MovableClock extends Clock {
        final SettableClock scheduler = new SettableClock();
        private volatile Instant now;

        MovableClock(Instant now) {
            set(now);
        }

        void set(Instant instant) {
            now = instant;
            scheduler.set(instant);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
