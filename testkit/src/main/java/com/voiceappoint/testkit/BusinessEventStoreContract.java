package com.voiceappoint.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.port.out.BusinessEventStore;
import com.voiceappoint.application.port.out.BusinessEventStore.Window;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.appointment.Cancellation;
import com.voiceappoint.domain.appointment.CancelledBy;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.client.ClientId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.event.BusinessEvent;
import com.voiceappoint.domain.notification.Channel;
import com.voiceappoint.domain.notification.DeliveryStatus;
import com.voiceappoint.domain.notification.MessageKind;
import com.voiceappoint.domain.notification.Notification;
import com.voiceappoint.domain.notification.NotificationId;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.shared.TimeRange;
import com.voiceappoint.domain.voice.CallMessage;
import com.voiceappoint.domain.voice.VoiceCall;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store of business events must do for the live streams: number each business's events 1, 2, 3... in
 * the order their transactions commit, with no gaps (a rolled-back transaction gives its numbers back), give them back
 * exactly as they were kept, and forget old ones without ever leaving a hole in what it keeps.
 *
 * <p>The tests that forget use times in 2001, and forget every event of theirs that old, so tests sharing a database
 * do not forget each other's events.
 */
public abstract class BusinessEventStoreContract<E extends BusinessEventStore, T extends TransactionRunner> {
    /** Times to the microsecond, as PostgreSQL keeps them. */
    private static final Instant TEN = Instant.parse("2026-12-01T09:00:00.123456Z");

    private static final Instant LONG_AGO = Instant.parse("2001-01-01T00:00:00Z");
    private static final int RACERS = 8;
    private static final int COMMITS_EACH = 25;

    protected E events;
    protected T transactions;
    protected TestData data;
    private BusinessId salon;
    private BusinessId barber;

    /**
     * The store and the transaction runner under test, made anew before each test, and the {@link TestData} that
     * writes the businesses the events belong to into the same database, through the same runner.
     */
    protected abstract E createBusinessEventStore();

    protected abstract T createTransactionRunner();

    protected abstract TestData testData();

    @BeforeEach
    void setUpPorts() {
        events = createBusinessEventStore();
        transactions = createTransactionRunner();
        data = testData();
        salon = data.tenant().id();
        barber = data.tenant().id();
    }

    private static BusinessEvent hoursChanged(BusinessId business, Instant at) {
        return BusinessEvent.draft(
                business,
                BusinessEvent.Kind.HOURS_CHANGED,
                at,
                new BusinessEvent.Engine(),
                new BusinessEvent.HoursChange(Optional.empty()));
    }

    private List<BusinessEvent> append(BusinessId business, BusinessEvent... drafts) {
        return transactions.inTransaction(() -> events.append(business, List.of(drafts)));
    }

    private static List<Long> numbers(List<BusinessEvent> events) {
        return events.stream().map(BusinessEvent::sequence).toList();
    }

    @Test
    void each_business_numbers_its_events_from_one_without_gaps() {
        List<BusinessEvent> first = append(salon, hoursChanged(salon, TEN), hoursChanged(salon, TEN.plusSeconds(1)));
        List<BusinessEvent> barbers = append(barber, hoursChanged(barber, TEN));
        List<BusinessEvent> then = append(
                salon,
                hoursChanged(salon, TEN.plusSeconds(2)),
                hoursChanged(salon, TEN.plusSeconds(3)),
                hoursChanged(salon, TEN.plusSeconds(4)));

        assertThat(numbers(first)).containsExactly(1L, 2L);
        assertThat(numbers(barbers)).containsExactly(1L);
        assertThat(numbers(then)).containsExactly(3L, 4L, 5L);
        List<BusinessEvent> all = new ArrayList<>(first);
        all.addAll(then);
        assertThat(events.since(salon, 0, 100)).isEqualTo(all);
        assertThat(events.since(barber, 0, 100)).isEqualTo(barbers);
    }

    @Test
    void an_event_appended_outside_a_transaction_is_numbered_and_kept_all_the_same() {
        assertThat(numbers(events.append(salon, List.of(hoursChanged(salon, TEN)))))
                .containsExactly(1L);
        assertThat(numbers(events.since(salon, 0, 10))).containsExactly(1L);
    }

    @Test
    void nothing_to_append_numbers_nothing() {
        assertThat(events.append(salon, List.of())).isEmpty();
        assertThat(events.window(salon)).isEqualTo(Window.EMPTY);
    }

    @Test
    void an_event_of_another_business_is_refused() {
        assertThatThrownBy(() -> events.append(salon, List.of(hoursChanged(barber, TEN))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(events.window(salon)).isEqualTo(Window.EMPTY);
        assertThat(events.window(barber)).isEqualTo(Window.EMPTY);
    }

    @Test
    void since_gives_the_events_after_a_number_oldest_first_and_no_more_than_asked() {
        for (int i = 0; i < 5; i++) {
            append(salon, hoursChanged(salon, TEN.plusSeconds(i)));
        }

        assertThat(numbers(events.since(salon, 0, 2))).containsExactly(1L, 2L);
        assertThat(numbers(events.since(salon, 2, 2))).containsExactly(3L, 4L);
        assertThat(numbers(events.since(salon, 4, 10))).containsExactly(5L);
        assertThat(events.since(salon, 5, 10)).isEmpty();
        assertThat(events.since(barber, 0, 10)).isEmpty();
    }

    @Test
    void the_window_is_empty_before_the_first_event_and_spans_what_is_kept_after() {
        assertThat(events.window(salon)).isEqualTo(Window.EMPTY);
        assertThat(events.window(salon).canResumeAfter(0)).isTrue();

        append(salon, hoursChanged(salon, TEN), hoursChanged(salon, TEN), hoursChanged(salon, TEN));

        Window window = events.window(salon);
        assertThat(window).isEqualTo(new Window(1, 3));
        assertThat(window.canResumeAfter(0)).isTrue();
        assertThat(window.canResumeAfter(3)).isTrue();
        assertThat(window.canResumeAfter(4)).isFalse();
        assertThat(events.window(barber)).isEqualTo(Window.EMPTY);
    }

    @Test
    void forgetting_drops_old_events_in_batches_and_numbering_goes_on() {
        append(salon, hoursChanged(salon, LONG_AGO.plusSeconds(60)));
        append(salon, hoursChanged(salon, LONG_AGO.plusSeconds(120)));
        append(salon, hoursChanged(salon, TEN));
        append(barber, hoursChanged(barber, LONG_AGO.plusSeconds(60)));
        Instant before = LONG_AGO.plusSeconds(150);

        assertThat(events.forget(before, 2)).isEqualTo(2);
        assertThat(events.forget(before, 2)).isEqualTo(1);
        assertThat(events.forget(before, 2)).isZero();

        assertThat(numbers(events.since(salon, 0, 10))).containsExactly(3L);
        assertThat(events.window(salon)).isEqualTo(new Window(3, 3));
        assertThat(events.window(salon).canResumeAfter(1)).isFalse();
        assertThat(events.window(salon).canResumeAfter(2)).isTrue();
        assertThat(events.window(barber)).isEqualTo(new Window(2, 1));
        assertThat(events.since(barber, 0, 10)).isEmpty();
        assertThat(numbers(append(barber, hoursChanged(barber, TEN)))).containsExactly(2L);
        assertThat(events.window(barber)).isEqualTo(new Window(2, 2));
    }

    @Test
    void an_event_of_the_very_moment_is_kept() {
        append(salon, hoursChanged(salon, LONG_AGO.plusSeconds(60)));
        append(salon, hoursChanged(salon, LONG_AGO.plusSeconds(120)));

        assertThat(events.forget(LONG_AGO.plusSeconds(120), 10)).isEqualTo(1);
        assertThat(events.window(salon)).isEqualTo(new Window(2, 2));
        assertThat(events.forget(LONG_AGO.plusSeconds(121), 10)).isEqualTo(1);
        assertThat(events.window(salon)).isEqualTo(new Window(3, 2));
    }

    @Test
    void forgetting_never_leaves_a_hole_when_times_run_out_of_number_order() {
        // numbered in commit order, timed when recorded: the second committed first but was recorded later
        append(salon, hoursChanged(salon, LONG_AGO.plusSeconds(120)));
        append(salon, hoursChanged(salon, LONG_AGO.plusSeconds(60)));
        append(salon, hoursChanged(salon, LONG_AGO.plusSeconds(180)));
        append(salon, hoursChanged(salon, TEN));

        assertThat(events.forget(LONG_AGO.plusSeconds(90), 10)).isEqualTo(2);
        assertThat(events.window(salon)).isEqualTo(new Window(3, 4));
        assertThat(numbers(events.since(salon, 0, 10))).containsExactly(3L, 4L);

        assertThat(events.forget(LONG_AGO.plusSeconds(200), 10)).isEqualTo(1);
        assertThat(numbers(events.since(salon, 0, 10))).containsExactly(4L);
    }

    @Test
    void a_rolled_back_transaction_gives_its_numbers_back() {
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
                    assertThat(numbers(events.append(salon, List.of(hoursChanged(salon, TEN)))))
                            .containsExactly(1L);
                    throw new IllegalStateException("changed its mind");
                }))
                .hasMessage("changed its mind");
        assertThat(events.window(salon)).isEqualTo(Window.EMPTY);
        assertThat(events.since(salon, 0, 10)).isEmpty();

        assertThat(numbers(append(salon, hoursChanged(salon, TEN)))).containsExactly(1L);

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
                    assertThat(numbers(
                                    events.append(salon, List.of(hoursChanged(salon, TEN), hoursChanged(salon, TEN)))))
                            .containsExactly(2L, 3L);
                    throw new IllegalStateException("changed its mind again");
                }))
                .hasMessage("changed its mind again");
        assertThat(events.window(salon)).isEqualTo(new Window(1, 1));

        List<BusinessEvent> next = append(salon, hoursChanged(salon, TEN.plusSeconds(1)));
        assertThat(numbers(next)).containsExactly(2L);
        assertThat(numbers(events.since(salon, 0, 10))).containsExactly(1L, 2L);
    }

    @Test
    void every_kind_of_subject_and_actor_reads_back_equal_to_what_was_kept() {
        List<BusinessEvent> drafts = everyVariant(salon);

        List<BusinessEvent> kept = transactions.inTransaction(() -> events.append(salon, drafts));

        List<BusinessEvent> numbered = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            numbered.add(drafts.get(i).numbered(i + 1));
        }
        assertThat(kept).isEqualTo(numbered);
        List<BusinessEvent> read = events.since(salon, 0, 100);
        for (int i = 0; i < numbered.size(); i++) {
            assertThat(read.get(i)).as("event %d", i + 1).isEqualTo(numbered.get(i));
        }
        assertThat(read).hasSameSizeAs(numbered);
    }

    @Test
    void an_event_reads_back_as_append_answered_it_to_the_microsecond_at_least() {
        Instant precise = Instant.parse("2026-12-01T09:00:00.123456789Z");

        BusinessEvent kept = append(salon, hoursChanged(salon, precise)).get(0);

        assertThat(kept.at()).isIn(precise, precise.truncatedTo(ChronoUnit.MICROS));
        assertThat(events.since(salon, 0, 10)).containsExactly(kept);
    }

    @Test
    void numbers_follow_commits_when_transactions_of_one_business_race() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS + 1);
        ConcurrentLinkedQueue<String> outOfOrder = new ConcurrentLinkedQueue<>();
        AtomicBoolean racing = new AtomicBoolean(true);
        try {
            CountDownLatch go = new CountDownLatch(1);
            // a dashboard following the business: every number it sees must be the one after the last it saw
            Future<Long> reader = pool.submit(() -> {
                go.await();
                long last = 0;
                while (true) {
                    // read before the page is: once the writers had all finished, an empty page is the end
                    boolean finished = !racing.get();
                    List<BusinessEvent> page = events.since(salon, last, 1000);
                    if (finished && page.isEmpty()) {
                        break;
                    }
                    for (BusinessEvent event : page) {
                        if (event.sequence() != last + 1) {
                            outOfOrder.add("saw " + event.sequence() + " after " + last);
                        }
                        last = event.sequence();
                    }
                }
                return last;
            });
            List<Future<?>> racers = new ArrayList<>();
            for (int r = 0; r < RACERS; r++) {
                racers.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < COMMITS_EACH; i++) {
                        if (i % 5 == 2) {
                            rollBackAnAppend();
                        }
                        boolean slow = i % 2 == 0;
                        transactions.inTransaction(() -> {
                            events.append(salon, List.of(hoursChanged(salon, Instant.now())));
                            if (slow) {
                                // the commit comes a while after the number: the next may not overtake it
                                pause();
                            }
                            return null;
                        });
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> racer : racers) {
                racer.get(120, TimeUnit.SECONDS);
            }
            racing.set(false);

            long total = (long) RACERS * COMMITS_EACH;
            long lastSeen = reader.get(60, TimeUnit.SECONDS);
            assertThat(outOfOrder).isEmpty();
            assertThat(lastSeen).isEqualTo(total);
            assertThat(numbers(events.since(salon, 0, 1000)))
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, total).boxed().toList());
            assertThat(events.window(salon)).isEqualTo(new Window(1, total));
        } finally {
            racing.set(false);
            pool.shutdownNow();
        }
    }

    private void rollBackAnAppend() {
        try {
            transactions.inTransaction(() -> {
                events.append(salon, List.of(hoursChanged(salon, Instant.now())));
                throw new IllegalStateException("changed its mind");
            });
        } catch (IllegalStateException expected) {
            // nothing kept, no number used
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One event of each kind of subject, each kind of actor among them, every optional part both filled and not. */
    private static List<BusinessEvent> everyVariant(BusinessId business) {
        Instant created = Instant.parse("2026-11-30T18:01:02.123456789Z");
        ProviderId provider = ProviderId.random();
        Client regular = new Client(
                ClientId.random(),
                business,
                "Carmen Ruiz",
                Optional.of(new PhoneNumber("+34600111222")),
                Optional.of(new EmailAddress("carmen@example.com")),
                Optional.of(Language.ES));
        Client byMail = new Client(
                ClientId.random(),
                business,
                "Ana",
                Optional.empty(),
                Optional.of(new EmailAddress("ana@example.com")),
                Optional.empty());
        TimeRange time = new TimeRange(TEN, TEN.plus(Duration.ofMinutes(45)));
        Appointment cancelled = new Appointment(
                AppointmentId.random(),
                business,
                ServiceId.random(),
                provider,
                regular.id(),
                time,
                time.widen(Duration.ofMinutes(5), Duration.ofMinutes(10)),
                AppointmentStatus.CANCELLED,
                BookingSource.VOICE,
                Money.of("25.50", "EUR"),
                "Fringe only, \"short\" — gracias 🙂",
                Optional.empty(),
                Optional.of(new Cancellation(CancelledBy.CLIENT, "ill", created.plusSeconds(60))),
                created,
                created.plusSeconds(60));
        Appointment held = new Appointment(
                AppointmentId.random(),
                business,
                ServiceId.random(),
                provider,
                byMail.id(),
                time,
                time,
                AppointmentStatus.HELD,
                BookingSource.WEB,
                Money.of("3000", "JPY"),
                "",
                Optional.of(created.plus(Duration.ofMinutes(10))),
                Optional.empty(),
                created,
                created);
        VoiceCall heard = VoiceCall.heardOf(business, "call-1", created);
        VoiceCall ended = new VoiceCall(
                business,
                "call-2",
                Optional.of("inbound"),
                Optional.of("ended"),
                Optional.of("+34600111222"),
                Optional.of("+34910000000"),
                Optional.of(created),
                Optional.of(created.plusSeconds(95)),
                Optional.of(new BigDecimal("0.1230")),
                Optional.of("customer-ended-call"),
                Optional.of("Booked a cut for Tuesday"),
                Optional.of("https://recordings.example/call-2.wav"),
                Optional.of("AI: Hola\nUser: Quiero una cita"),
                List.of(
                        new CallMessage("assistant", "Hola", Optional.of(created.plusSeconds(1))),
                        new CallMessage("user", "Quiero una cita", Optional.empty())),
                created);
        Notification failed = new Notification(
                NotificationId.random(),
                business,
                cancelled.id(),
                MessageKind.REMINDER,
                Channel.SMS,
                TEN.toString(),
                created.plus(Duration.ofHours(2)),
                DeliveryStatus.FAILED,
                Optional.of("number cannot take texts"),
                Optional.of("+34***222"),
                3,
                created,
                created.plusSeconds(7200));
        Notification skipped = new Notification(
                NotificationId.random(),
                business,
                held.id(),
                MessageKind.CONFIRMED,
                Channel.EMAIL,
                "",
                created,
                DeliveryStatus.SKIPPED,
                Optional.empty(),
                Optional.empty(),
                0,
                created,
                created);
        ZoneId madrid = ZoneId.of("Europe/Madrid");
        return List.of(
                BusinessEvent.draft(
                        business,
                        BusinessEvent.Kind.APPOINTMENT_CANCELLED,
                        TEN,
                        new BusinessEvent.Member(UserId.random()),
                        new BusinessEvent.AppointmentChange(
                                cancelled, "Corte", "Lola", regular, madrid, Optional.empty())),
                BusinessEvent.draft(
                        business,
                        BusinessEvent.Kind.APPOINTMENT_RESCHEDULED,
                        TEN.plusSeconds(1),
                        new BusinessEvent.Client(BusinessEvent.Channel.VOICE),
                        new BusinessEvent.AppointmentChange(
                                held,
                                "Tinte",
                                "Marta",
                                byMail,
                                ZoneId.of("Asia/Tokyo"),
                                Optional.of(new TimeRange(created, created.plusSeconds(1800))))),
                BusinessEvent.draft(
                        business,
                        BusinessEvent.Kind.CALL_STARTED,
                        TEN.plusSeconds(2),
                        new BusinessEvent.Client(BusinessEvent.Channel.WEB),
                        new BusinessEvent.CallChange(heard)),
                BusinessEvent.draft(
                        business,
                        BusinessEvent.Kind.CALL_ENDED,
                        TEN.plusSeconds(3),
                        new BusinessEvent.Client(BusinessEvent.Channel.TEXT),
                        new BusinessEvent.CallChange(ended)),
                BusinessEvent.draft(
                        business,
                        BusinessEvent.Kind.NOTIFICATION_FAILED,
                        TEN.plusSeconds(4),
                        new BusinessEvent.Engine(),
                        new BusinessEvent.NotificationFailure(failed, provider, "Carmen Ruiz")),
                BusinessEvent.draft(
                        business,
                        BusinessEvent.Kind.NOTIFICATION_FAILED,
                        TEN.plusSeconds(5),
                        new BusinessEvent.Engine(),
                        new BusinessEvent.NotificationFailure(skipped, provider, "")),
                BusinessEvent.draft(
                        business,
                        BusinessEvent.Kind.SERVICE_CHANGED,
                        TEN.plusSeconds(6),
                        new BusinessEvent.Member(UserId.random()),
                        new BusinessEvent.ServiceChange(ServiceId.random(), "Corte y peinado", false)),
                BusinessEvent.draft(
                        business,
                        BusinessEvent.Kind.SERVICE_CHANGED,
                        TEN.plusSeconds(7),
                        new BusinessEvent.Member(UserId.random()),
                        new BusinessEvent.ServiceChange(ServiceId.random(), "Mechas", true)),
                BusinessEvent.draft(
                        business,
                        BusinessEvent.Kind.HOURS_CHANGED,
                        TEN.plusSeconds(8),
                        new BusinessEvent.Member(UserId.random()),
                        new BusinessEvent.HoursChange(Optional.of(provider))),
                BusinessEvent.draft(
                        business,
                        BusinessEvent.Kind.HOLD_EXPIRED,
                        TEN.plusSeconds(9),
                        new BusinessEvent.Engine(),
                        new BusinessEvent.HoursChange(Optional.empty())));
    }
}
