package com.voiceappoint.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.application.fakes.RecordedMessages;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.Page;
import com.voiceappoint.application.port.in.SmsReplyUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.NotificationStore;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.usecase.Interactors;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.notification.NotificationId;
import com.voiceappoint.domain.notification.TextReply;
import com.voiceappoint.testkit.TestData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Replies to texts on a real PostgreSQL: the texts a number was sent are found across businesses by the whole number
 * and the line they went from (migration V19), and a reply delivered several times at once acts once.
 */
class JdbiTextRepliesTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private static final PhoneNumber CARMEN = new PhoneNumber("+34600111222");
    /** Monday 7 December 2026, 10:00 in Madrid. */
    private static final Instant MONDAY = Instant.parse("2026-12-07T09:00:00Z");
    /** Wednesday 9 December 2026, 10:00 in Madrid. */
    private static final Instant WEDNESDAY_TEN = Instant.parse("2026-12-09T09:00:00Z");

    private final RecordedMessages messages = new RecordedMessages();
    private OutboundPorts ports;
    private NotificationStore store;
    private TestData.Tenant lola;
    private TestData.Tenant ana;

    @BeforeEach
    void setUp() {
        postgres.execute("delete from text_replies");
        postgres.execute("delete from scheduled_tasks");
        postgres.execute("delete from notifications");
        PostgresPersistence persistence = postgres.persistence();
        store = persistence.notifications();
        ports = persistence
                .ports(new FakePasswordHasher())
                .sendingMessages(store, messages, messages, messages, Optional.empty());
        lola = TestData.tenant(ports);
        ana = TestData.tenant(ports);
        for (TestData.Tenant tenant : List.of(lola, ana)) {
            TestData.openEveryDay(ports, tenant.id(), "08:00", "20:00");
        }
    }

    private UseCases at(Instant instant) {
        return Interactors.create(ports, Clock.fixed(instant, ZoneOffset.UTC));
    }

    /** Carmen books by phone at {@code when}, and what is due then is sent. */
    private AppointmentDetails book(TestData.Tenant tenant, Instant start, Instant when) {
        Service cut = TestData.service(ports, tenant.id(), "Cut " + UUID.randomUUID(), 30);
        AppointmentDetails booked = at(when).bookAppointment()
                .book(BookAppointmentUseCase.Command.builder(
                                new Actor.Caller(BookingSource.VOICE),
                                tenant.id(),
                                cut.id(),
                                start,
                                new BookAppointmentUseCase.ClientDetails(
                                        "Carmen", Optional.of(CARMEN.value()), Optional.empty()),
                                BookingSource.VOICE)
                        .build())
                .details();
        for (String due : postgres.strings(
                "select business_id || '/' || id from notifications where status = 'queued' and due_at <= ?",
                java.sql.Timestamp.from(when))) {
            String[] parts = due.split("/");
            at(when).deliverNotification()
                    .deliver(new BusinessId(UUID.fromString(parts[0])), new NotificationId(UUID.fromString(parts[1])));
        }
        return booked;
    }

    private SmsReplyUseCase.Answer reply(Instant when, String sid, String text) {
        return at(when).smsReplies()
                .reply(new SmsReplyUseCase.InboundSms(sid, CARMEN, Set.of(RecordedMessages.LINE), text));
    }

    @Test
    void a_sent_text_keeps_the_whole_number_and_its_line_and_is_found_across_businesses_newest_first() {
        AppointmentDetails atLola = book(lola, WEDNESDAY_TEN, MONDAY);
        Instant later = MONDAY.plus(Duration.ofHours(3));
        AppointmentDetails atAna = book(ana, WEDNESDAY_TEN.plus(Duration.ofDays(1)), later);

        assertThat(postgres.strings("select recipient || ' ' || sent_to || ' ' || sent_from from notifications "
                        + "where status = 'sent' and channel = 'sms' order by updated_at"))
                .containsExactly(
                        "+34***222 +34600111222 " + RecordedMessages.LINE,
                        "+34***222 +34600111222 " + RecordedMessages.LINE);
        assertThat(store.textsTo(CARMEN, Set.of(RecordedMessages.LINE, "MG-other"), MONDAY, 10))
                .containsExactly(
                        new NotificationStore.TextSent(
                                ana.id(), atAna.appointment().id(), later),
                        new NotificationStore.TextSent(
                                lola.id(), atLola.appointment().id(), MONDAY));
        assertThat(store.textsTo(CARMEN, Set.of(RecordedMessages.LINE), MONDAY.plusSeconds(1), 10))
                .extracting(NotificationStore.TextSent::businessId)
                .containsExactly(ana.id());
        assertThat(store.textsTo(CARMEN, Set.of("+34910999999"), MONDAY, 10)).isEmpty();
        assertThat(store.textsTo(new PhoneNumber("+34600111223"), Set.of(RecordedMessages.LINE), MONDAY, 10))
                .isEmpty();
    }

    @Test
    void one_reply_delivered_many_times_at_once_cancels_once() throws Exception {
        AppointmentDetails booked = book(lola, WEDNESDAY_TEN, MONDAY);
        Instant later = MONDAY.plus(Duration.ofHours(1));
        int deliveries = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        List<Future<SmsReplyUseCase.Answer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < deliveries; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return reply(later, "SM0123456789abcdef0123456789abcdef", "X");
                }));
            }
            start.countDown();
            for (Future<SmsReplyUseCase.Answer> answer : answers) {
                assertThat(answer.get().outcome()).isEqualTo(SmsReplyUseCase.Outcome.CANCELLED);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(ports.appointments()
                        .findById(List.of(lola.id()), booked.appointment().id())
                        .orElseThrow()
                        .status())
                .isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(postgres.count("select count(*) from text_replies")).isEqualTo(1);
        assertThat(postgres.count("select count(*) from notifications where kind = 'staff_cancellation'"))
                .isEqualTo(1);
        assertThat(postgres.count("select count(*) from notifications where kind = 'cancelled' and channel = 'sms'"))
                .as("the answer to the text told her")
                .isZero();
    }

    @Test
    void words_go_to_the_staff_once_and_the_replies_are_listed_page_by_page() {
        AppointmentDetails booked = book(lola, WEDNESDAY_TEN, MONDAY);
        Instant later = MONDAY.plus(Duration.ofHours(1));

        reply(later, "SM00000000000000000000000000000001", "Sí");
        reply(later.plusSeconds(60), "SM00000000000000000000000000000002", "llegaré 10 min tarde");
        reply(later.plusSeconds(90), "SM00000000000000000000000000000002", "llegaré 10 min tarde");

        assertThat(postgres.strings(
                        "select occasion || ' ' || channel from notifications " + "where kind = 'staff_client_reply'"))
                .containsExactly("SM00000000000000000000000000000002 email");
        Actor owner = new Actor.Member(lola.owner().id());
        Page<TextReply> first = at(later)
                .notifications()
                .replies(
                        owner,
                        lola.id(),
                        Optional.of(booked.appointment().id()),
                        new Page.Request(1, Optional.empty()));
        assertThat(first.items())
                .extracting(TextReply::outcome, TextReply::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TextReply.Outcome.FORWARDED, "llegaré 10 min tarde"));
        Page<TextReply> second = at(later)
                .notifications()
                .replies(owner, lola.id(), Optional.empty(), new Page.Request(1, first.next()));
        assertThat(second.items())
                .extracting(TextReply::outcome, TextReply::receivedAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TextReply.Outcome.CONFIRMED, later));
        assertThat(second.next()).isEmpty();
        assertThat(store.findReply("SM00000000000000000000000000000001"))
                .get()
                .extracting(TextReply::businessId)
                .isEqualTo(lola.id());
    }
}
