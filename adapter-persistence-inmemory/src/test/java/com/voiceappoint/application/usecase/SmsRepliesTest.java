package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import com.voiceappoint.adapter.inmemory.InMemoryPersistence;
import com.voiceappoint.application.fakes.RecordedMessages;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.application.port.in.NotificationsUseCase;
import com.voiceappoint.application.port.in.Page;
import com.voiceappoint.application.port.in.SmsReplyUseCase;
import com.voiceappoint.application.port.in.SmsReplyUseCase.Answer;
import com.voiceappoint.application.port.in.SmsReplyUseCase.Outcome;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.Message;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.appointment.Cancellation;
import com.voiceappoint.domain.appointment.CancelledBy;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.notification.Channel;
import com.voiceappoint.domain.notification.MessageKind;
import com.voiceappoint.domain.notification.Notification;
import com.voiceappoint.domain.notification.TextReply;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.Language;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Clients answering our texts, on the in-memory stores: the reply acts on the latest text sent to the sender from the
 * line it came in on, once however often it is delivered, and never on another business's appointment.
 */
class SmsRepliesTest {
    private static final PhoneNumber CARMEN = new PhoneNumber("+34600111222");
    private static final PhoneNumber STRANGER = new PhoneNumber("+34600999888");
    private static final Set<String> OUR_LINE = Set.of(RecordedMessages.LINE);
    /** Monday 23 November 2026, 09:00 in Madrid. */
    private static final Instant MONDAY_NINE = Instant.parse("2026-11-23T08:00:00Z");
    /** Wednesday 25 November, 10:00 in Madrid: two days ahead, well before the 24-hour cutoff. */
    private static final Instant WEDNESDAY_TEN = Instant.parse("2026-11-25T09:00:00Z");

    private final InMemoryPersistence stores = InMemoryPersistence.create();
    private final RecordedMessages messages = new RecordedMessages();
    private final OutboundPorts ports = InMemoryAdapters.create(stores, messages);
    private final Business lola = open("lola@example.com", "Peluquería Lola");
    private final Business ana = open("ana@example.com", "Barbería Ana");
    private int sids;

    private record Business(Actor owner, BusinessId id, ServiceId cut) {}

    private UseCases at(Instant instant) {
        return Interactors.create(ports, Clock.fixed(instant, ZoneOffset.UTC));
    }

    private Business open(String email, String name) {
        UseCases app = at(MONDAY_NINE);
        var registered = app.registerAccount().register(RegistrationAndLoginTest.command(email, name));
        Actor owner = Actor.member(registered.userId());
        app.businessHours()
                .setWeeklyHours(
                        owner,
                        registered.businessId(),
                        WeeklyHours.sameOn(List.of(DayOfWeek.values()), List.of(OpeningWindow.of("08:00", "20:00"))));
        ServiceId cut = app.createService()
                .create(CreateServiceUseCase.Command.builder(
                                owner, registered.businessId(), "Corte", 30, new BigDecimal("20"))
                        .build())
                .id();
        app.notifications()
                .updateSettings(
                        owner,
                        registered.businessId(),
                        new NotificationsUseCase.SettingsChanges(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(Optional.of(new PhoneNumber("+34910555666"))),
                                Optional.of(Optional.of("equipo@" + email.substring(email.indexOf('@') + 1)))));
        return new Business(owner, registered.businessId(), cut);
    }

    /** Carmen books by phone at {@code when}; her confirmation text goes out at once. */
    private Appointment book(Business business, Instant start, Instant when) {
        Appointment booked = at(when).bookAppointment()
                .book(BookAppointmentUseCase.Command.builder(
                                new Actor.Caller(BookingSource.VOICE),
                                business.id(),
                                business.cut(),
                                start,
                                new BookAppointmentUseCase.ClientDetails(
                                        "Carmen", Optional.of(CARMEN.value()), Optional.empty()),
                                BookingSource.VOICE)
                        .build())
                .appointment();
        deliverDue(when);
        return booked;
    }

    private void deliverDue(Instant when) {
        for (Notification due : stores.dueNotifications(when)) {
            at(when).deliverNotification().deliver(due.businessId(), due.id());
        }
    }

    private String nextSid() {
        return "SM%032d".formatted(++sids);
    }

    private Answer reply(Instant when, String sid, PhoneNumber from, String text) {
        return at(when).smsReplies().reply(new SmsReplyUseCase.InboundSms(sid, from, OUR_LINE, text));
    }

    private Answer reply(Instant when, String text) {
        return reply(when, nextSid(), CARMEN, text);
    }

    private Appointment appointment(Appointment appointment) {
        return ports.appointments()
                .findById(List.of(appointment.businessId()), appointment.id())
                .orElseThrow();
    }

    private List<TextReply> replies(Business business) {
        return at(MONDAY_NINE)
                .notifications()
                .replies(business.owner(), business.id(), Optional.empty(), new Page.Request(50, Optional.empty()))
                .items();
    }

    private List<Notification> log(Business business, MessageKind kind) {
        return at(MONDAY_NINE)
                .notifications()
                .deliveryLog(business.owner(), business.id(), Optional.empty(), new Page.Request(200, Optional.empty()))
                .items()
                .stream()
                .filter(n -> n.kind() == kind)
                .toList();
    }

    @Test
    void yes_in_any_spelling_confirms_attendance_and_leaves_a_trace_the_dashboard_lists() {
        Appointment booked = book(lola, WEDNESDAY_TEN, MONDAY_NINE);
        Instant later = MONDAY_NINE.plus(Duration.ofHours(2));

        Answer answer = reply(later, "  ¡Sí! ");

        assertThat(answer.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(answer.language()).contains(Language.ES);
        assertThat(answer.businessName()).contains("Peluquería Lola");
        assertThat(answer.start()).contains(WEDNESDAY_TEN.atZone(java.time.ZoneId.of("Europe/Madrid")));
        assertThat(appointment(booked).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(replies(lola)).singleElement().satisfies(kept -> {
            assertThat(kept.outcome()).isEqualTo(TextReply.Outcome.CONFIRMED);
            assertThat(kept.appointmentId()).isEqualTo(booked.id());
            assertThat(kept.from()).isEqualTo(CARMEN);
            assertThat(kept.text()).isEqualTo("  ¡Sí! ");
            assertThat(kept.receivedAt()).isEqualTo(later);
        });
        assertThat(replies(ana)).isEmpty();
    }

    @Test
    void x_cancels_within_the_cutoff_once_however_often_twilio_delivers_it() {
        Appointment booked = book(lola, WEDNESDAY_TEN, MONDAY_NINE);
        Instant later = MONDAY_NINE.plus(Duration.ofHours(2));
        String sid = nextSid();

        Answer first = reply(later, sid, CARMEN, "x");
        Answer again = reply(later.plusSeconds(15), sid, CARMEN, "x");

        assertThat(first.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(again).isEqualTo(first);
        Appointment cancelled = appointment(booked);
        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.cancellation().map(Cancellation::by)).contains(CancelledBy.CLIENT);
        assertThat(cancelled.updatedAt())
                .as("cancelled once, by the first delivery")
                .isEqualTo(later);
        assertThat(replies(lola)).hasSize(1);
        assertThat(log(lola, MessageKind.STAFF_CANCELLATION)).hasSize(1);
        assertThat(log(lola, MessageKind.CANCELLED))
                .as("the answer to her text tells her: no second text")
                .noneMatch(n -> n.channel() == Channel.SMS);
        assertThat(log(lola, MessageKind.REMINDER)).allMatch(n -> n.status().done());
    }

    @Test
    void a_cancellation_past_the_cutoff_changes_nothing_and_the_answer_gives_the_business_s_phone() {
        Appointment booked = book(lola, WEDNESDAY_TEN, MONDAY_NINE);
        Instant tuesdayNoon = Instant.parse("2026-11-24T11:00:00Z");

        Answer answer = reply(tuesdayNoon, "CANCELAR.");

        assertThat(answer.outcome()).isEqualTo(Outcome.TOO_LATE);
        assertThat(answer.businessPhone()).contains(new PhoneNumber("+34910555666"));
        assertThat(appointment(booked).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(replies(lola)).extracting(TextReply::outcome).containsExactly(TextReply.Outcome.TOO_LATE);
        assertThat(log(lola, MessageKind.STAFF_CANCELLATION)).isEmpty();
    }

    @Test
    void anything_else_is_forwarded_to_the_staff_once_with_the_client_s_words() {
        Appointment booked = book(lola, WEDNESDAY_TEN, MONDAY_NINE);
        Instant later = MONDAY_NINE.plus(Duration.ofHours(2));
        String sid = nextSid();

        assertThat(reply(later, sid, CARMEN, "cancelar por favor, llego tarde").outcome())
                .isEqualTo(Outcome.FORWARDED);
        assertThat(reply(later, sid, CARMEN, "cancelar por favor, llego tarde").outcome())
                .isEqualTo(Outcome.FORWARDED);
        deliverDue(later);

        assertThat(appointment(booked).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(log(lola, MessageKind.STAFF_CLIENT_REPLY)).singleElement().satisfies(alert -> {
            assertThat(alert.channel()).isEqualTo(Channel.EMAIL);
            assertThat(alert.occasion()).isEqualTo(sid);
            assertThat(alert.appointmentId()).isEqualTo(booked.id());
        });
        assertThat(messages.messages())
                .filteredOn(m -> m.kind() == MessageKind.STAFF_CLIENT_REPLY)
                .singleElement()
                .extracting(Message::clientReply)
                .isEqualTo(Optional.of("cancelar por favor, llego tarde"));
        assertThat(messages.sent()).contains("email staff_client_reply es to equipo@example.com");
    }

    @Test
    void a_stranger_a_reply_to_another_line_or_a_forgotten_text_acts_on_nothing() {
        Appointment booked = book(lola, WEDNESDAY_TEN, MONDAY_NINE);
        Instant later = MONDAY_NINE.plus(Duration.ofHours(2));

        assertThat(reply(later, nextSid(), STRANGER, "X")).isEqualTo(Answer.of(Outcome.UNKNOWN_SENDER));
        assertThat(at(later)
                        .smsReplies()
                        .reply(new SmsReplyUseCase.InboundSms(nextSid(), CARMEN, Set.of("+34910999999"), "X")))
                .isEqualTo(Answer.of(Outcome.UNKNOWN_SENDER));
        assertThat(reply(MONDAY_NINE.plus(SmsReplyInteractor.RECENT).plusSeconds(1), "X")
                        .outcome())
                .isEqualTo(Outcome.UNKNOWN_SENDER);

        assertThat(appointment(booked).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(replies(lola)).isEmpty();
    }

    @Test
    void a_client_of_two_businesses_acts_on_the_one_that_texted_last_and_never_the_other() {
        Appointment atLola = book(lola, WEDNESDAY_TEN, MONDAY_NINE);
        Instant tuesdayNine = Instant.parse("2026-11-24T08:00:00Z");
        Appointment atAna = book(ana, Instant.parse("2026-11-27T09:00:00Z"), tuesdayNine);

        Answer answer = reply(tuesdayNine.plus(Duration.ofMinutes(30)), "NO");

        assertThat(answer.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(answer.businessName()).contains("Barbería Ana");
        assertThat(appointment(atAna).status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(appointment(atLola).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(replies(ana)).hasSize(1);
        assertThat(replies(lola)).isEmpty();
    }

    @Test
    void texts_about_two_appointments_sent_close_together_leave_a_reply_ambiguous_and_nothing_changes() {
        Appointment atLola = book(lola, WEDNESDAY_TEN, MONDAY_NINE);
        Appointment atAna = book(ana, WEDNESDAY_TEN, MONDAY_NINE.plus(Duration.ofMinutes(3)));

        Answer answer = reply(MONDAY_NINE.plus(Duration.ofHours(1)), "X");

        assertThat(answer).isEqualTo(Answer.of(Outcome.AMBIGUOUS));
        assertThat(appointment(atLola).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(appointment(atAna).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(replies(lola)).isEmpty();
        assertThat(replies(ana)).isEmpty();
    }

    @Test
    void a_reply_about_an_appointment_no_longer_open_changes_nothing() {
        Appointment booked = book(lola, WEDNESDAY_TEN, MONDAY_NINE);
        Instant later = MONDAY_NINE.plus(Duration.ofHours(2));
        assertThat(reply(later, "X").outcome()).isEqualTo(Outcome.CANCELLED);

        assertThat(reply(later.plusSeconds(60), "C").outcome()).isEqualTo(Outcome.NOT_OPEN);
        assertThat(reply(later.plusSeconds(120), "x").outcome()).isEqualTo(Outcome.NOT_OPEN);

        assertThat(appointment(booked).status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(replies(lola))
                .extracting(TextReply::outcome)
                .containsExactly(TextReply.Outcome.NOT_OPEN, TextReply.Outcome.NOT_OPEN, TextReply.Outcome.CANCELLED);
    }
}
