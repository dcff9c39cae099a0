package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.OutcomeUnknownException;
import com.voiceappoint.application.port.in.SmsReplyUseCase;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.ClientRepository;
import com.voiceappoint.application.port.out.NotificationStore;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.application.port.out.VoiceSettingsRepository;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.CancelledBy;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.notification.MessageKind;
import com.voiceappoint.domain.notification.Notification;
import com.voiceappoint.domain.notification.NotificationPlan;
import com.voiceappoint.domain.notification.NotificationSettings;
import com.voiceappoint.domain.notification.ReplyIntent;
import com.voiceappoint.domain.notification.TextReply;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.Language;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Acts on a client's reply to our texts. The provider vouches for the sender's number, not for any business: every
 * business may text from the same line, and one number may be a client of several. So the reply is taken as an answer
 * to the latest text we sent to that number from the line it came in on, which is what the client's phone shows it
 * under, and to nothing older than {@link #RECENT}. Only that text's business and appointment can be touched.
 *
 * <p>The reply is kept, by its provider id, in the transaction that acts on it: a delivery repeated finds it kept,
 * acts on nothing and gets the first answer again.
 */
final class SmsReplyInteractor implements SmsReplyUseCase {
    /** A reply to a text older than this answers nothing: the client has likely forgotten what it was about. */
    static final Duration RECENT = Duration.ofDays(14);
    /**
     * Texts about two appointments sent this close together leave a reply's meaning open: the client may have read
     * either last.
     */
    static final Duration TOO_CLOSE = Duration.ofMinutes(10);

    static final String CANCELLATION_REASON = "cancelled by the client's text message";

    private static final int TEXTS_READ = 20;

    private final TransactionRunner transactions;
    private final NotificationStore store;
    private final BusinessRepository businesses;
    private final ClientRepository clients;
    private final AppointmentRepository appointments;
    private final VoiceSettingsRepository voiceSettings;
    private final AppointmentWrites writes;
    private final Clock clock;

    SmsReplyInteractor(
            TransactionRunner transactions,
            NotificationStore store,
            BusinessRepository businesses,
            ClientRepository clients,
            AppointmentRepository appointments,
            VoiceSettingsRepository voiceSettings,
            AppointmentWrites writes,
            Clock clock) {
        this.transactions = transactions;
        this.store = store;
        this.businesses = businesses;
        this.clients = clients;
        this.appointments = appointments;
        this.voiceSettings = voiceSettings;
        this.writes = writes;
        this.clock = clock;
    }

    @Override
    public Answer reply(InboundSms sms) {
        Optional<TextReply> seen = store.findReply(sms.providerId());
        if (seen.isPresent()) {
            return answer(seen.get());
        }
        Instant now = clock.instant();
        List<NotificationStore.TextSent> texts = store.textsTo(sms.from(), sms.lines(), now.minus(RECENT), TEXTS_READ);
        if (texts.isEmpty()) {
            return Answer.of(Outcome.UNKNOWN_SENDER);
        }
        NotificationStore.TextSent latest = texts.get(0);
        List<NotificationStore.TextSent> close = texts.stream()
                .filter(text -> !text.sentAt().isBefore(latest.sentAt().minus(TOO_CLOSE)))
                .toList();
        if (close.stream().anyMatch(text -> !text.appointmentId().equals(latest.appointmentId()))) {
            boolean oneBusiness =
                    close.stream().allMatch(text -> text.businessId().equals(latest.businessId()));
            // the business may be named when it is the only one: the client can call it
            return oneBusiness ? about(latest, Outcome.AMBIGUOUS, false) : Answer.of(Outcome.AMBIGUOUS);
        }
        Optional<Business> found = businesses.findById(latest.businessId());
        if (found.isEmpty()) {
            // the business has closed its account since: there is no one to act for
            return Answer.of(Outcome.UNKNOWN_SENDER);
        }
        Business business = found.get();
        ReplyIntent intent = ReplyIntent.of(sms.text());
        TextReply kept;
        try {
            kept = transactions.inTransaction(() -> act(sms, business, latest, intent, now));
        } catch (OutcomeUnknownException lost) {
            // kept with its action, or neither: the reply itself says which
            kept = new LostCommit(clock)
                    .ask(lost, () -> store.findReply(sms.providerId()))
                    .orElseThrow(() -> lost);
        }
        return answer(kept);
    }

    private TextReply act(
            InboundSms sms, Business business, NotificationStore.TextSent text, ReplyIntent intent, Instant now) {
        Appointment current = appointments
                .findById(List.of(business.id()), text.appointmentId())
                .orElseThrow();
        boolean open = current.status() == AppointmentStatus.CONFIRMED && now.isBefore(current.start());
        Optional<Appointment> cancelled = Optional.empty();
        TextReply.Outcome outcome;
        if (intent == ReplyIntent.OTHER) {
            outcome = TextReply.Outcome.FORWARDED;
        } else if (!open) {
            outcome = TextReply.Outcome.NOT_OPEN;
        } else if (intent == ReplyIntent.CONFIRM) {
            outcome = TextReply.Outcome.CONFIRMED;
        } else {
            try {
                cancelled = Optional.of(current.cancel(
                        CancelledBy.CLIENT,
                        CANCELLATION_REASON,
                        business.policy().cancellationCutoff(),
                        now));
                outcome = TextReply.Outcome.CANCELLED;
            } catch (DomainException refused) {
                if (refused.code() != ErrorCode.CANCELLATION_TOO_LATE) {
                    throw refused;
                }
                outcome = TextReply.Outcome.TOO_LATE;
            }
        }
        TextReply reply =
                new TextReply(business.id(), sms.providerId(), current.id(), sms.from(), sms.text(), outcome, now);
        if (!store.recordReply(reply)) {
            // the same reply, delivered again while the first was being handled: that one acted
            return store.findReply(sms.providerId()).orElse(reply);
        }
        if (cancelled.isPresent()) {
            writes.updateAnsweredByText(current, cancelled.get());
        } else if (outcome == TextReply.Outcome.FORWARDED) {
            forward(reply, now);
        }
        return reply;
    }

    /** The staff alert with what the client wrote, once per reply: its provider id is the alert's occasion. */
    private void forward(TextReply reply, Instant now) {
        NotificationSettings settings = store.settings(reply.businessId());
        List<Notification> alerts = settings.channelsFor(MessageKind.STAFF_CLIENT_REPLY).stream()
                .map(channel -> Notification.queued(
                        reply.businessId(),
                        reply.appointmentId(),
                        MessageKind.STAFF_CLIENT_REPLY,
                        channel,
                        reply.providerId(),
                        now,
                        now))
                .toList();
        if (!alerts.isEmpty()) {
            store.apply(reply.businessId(), reply.appointmentId(), new NotificationPlan(alerts, false));
        }
    }

    private Answer answer(TextReply reply) {
        return about(
                new NotificationStore.TextSent(reply.businessId(), reply.appointmentId(), reply.receivedAt()),
                Outcome.of(reply.outcome()),
                true);
    }

    /**
     * An answer naming the business, in the client's language (else the business's), and the appointment's time when
     * the reply was about one (an ambiguous reply could be about either).
     */
    private Answer about(NotificationStore.TextSent text, Outcome outcome, boolean namesAppointment) {
        Optional<Business> found = businesses.findById(text.businessId());
        if (found.isEmpty()) {
            return Answer.of(outcome);
        }
        Business business = found.get();
        Optional<Appointment> appointment = appointments.findById(List.of(business.id()), text.appointmentId());
        Language language = appointment
                .flatMap(a -> clients.findById(business.id(), a.clientId()))
                .flatMap(Client::language)
                .orElse(business.language());
        NotificationSettings settings = store.settings(business.id());
        return new Answer(
                outcome,
                Optional.of(language),
                Optional.of(settings.senderName().orElse(business.name())),
                NotificationDeliveryInteractor.printedPhone(settings, voiceSettings, business.id()),
                namesAppointment ? appointment.map(a -> a.start().atZone(business.zone())) : Optional.empty());
    }
}
