package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.CallNotPlacedException;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.DeliverNotificationUseCase;
import com.voiceappoint.application.port.in.PlaceOutboundCallUseCase;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.Delivery;
import com.voiceappoint.application.port.out.EmailSender;
import com.voiceappoint.application.port.out.MembershipRepository;
import com.voiceappoint.application.port.out.Message;
import com.voiceappoint.application.port.out.NotificationPorts;
import com.voiceappoint.application.port.out.NotificationStore;
import com.voiceappoint.application.port.out.PaymentPorts;
import com.voiceappoint.application.port.out.ScheduleRepository;
import com.voiceappoint.application.port.out.UserRepository;
import com.voiceappoint.application.port.out.VoiceSettingsRepository;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.Cancellation;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Membership;
import com.voiceappoint.domain.business.Role;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.event.BusinessEvent;
import com.voiceappoint.domain.notification.CallingHours;
import com.voiceappoint.domain.notification.Channel;
import com.voiceappoint.domain.notification.DeliveryStatus;
import com.voiceappoint.domain.notification.MessageKind;
import com.voiceappoint.domain.notification.Notification;
import com.voiceappoint.domain.notification.NotificationId;
import com.voiceappoint.domain.notification.NotificationPlan;
import com.voiceappoint.domain.notification.NotificationSettings;
import com.voiceappoint.domain.notification.TextReply;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.voice.VoiceSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sends a planned message once it is due. Everything the message needs is read first; then the message is claimed
 * (queued to sending), handed to its channel and its end recorded. A sender that dies between the claim and the record
 * leaves it "sending", and whoever runs the job again records it as interrupted rather than sending it a second time:
 * a client may miss a text in that rare case, but never gets two.
 */
final class NotificationDeliveryInteractor implements DeliverNotificationUseCase {
    private static final System.Logger LOG = System.getLogger(NotificationDeliveryInteractor.class.getName());

    /** A reminder call is not made later than this before the appointment. */
    static final Duration CALL_BEFORE = Duration.ofMinutes(30);

    /** Waits after each passing failure; a message that failed this often is given up. */
    static final List<Duration> BACKOFF = List.of(
            Duration.ofMinutes(1),
            Duration.ofMinutes(5),
            Duration.ofMinutes(15),
            Duration.ofHours(1),
            Duration.ofHours(3));

    private final NotificationStore store;
    private final NotificationPorts ports;
    private final PaymentPorts payments;
    private final AppointmentRepository appointments;
    private final BusinessRepository businesses;
    private final MembershipRepository memberships;
    private final UserRepository users;
    private final VoiceSettingsRepository voiceSettings;
    private final ScheduleRepository schedules;
    private final OutboundCallsInteractor calls;
    private final AppointmentDetailsAssembler assembler;
    private final ManageTokens tokens;
    private final Optional<String> manageLinkBase;
    private final EventJournal events;
    private final Clock clock;

    NotificationDeliveryInteractor(
            NotificationPorts ports,
            PaymentPorts payments,
            AppointmentRepository appointments,
            BusinessRepository businesses,
            MembershipRepository memberships,
            UserRepository users,
            VoiceSettingsRepository voiceSettings,
            ScheduleRepository schedules,
            OutboundCallsInteractor calls,
            AppointmentDetailsAssembler assembler,
            EventJournal events,
            Clock clock) {
        this.store = ports.store();
        this.events = events;
        this.ports = ports;
        this.payments = payments;
        this.appointments = appointments;
        this.businesses = businesses;
        this.memberships = memberships;
        this.users = users;
        this.voiceSettings = voiceSettings;
        this.schedules = schedules;
        this.calls = calls;
        this.assembler = assembler;
        this.tokens = new ManageTokens(appointments);
        this.manageLinkBase = ports.manageLinkBase();
        this.clock = clock;
    }

    @Override
    public Attempt deliver(BusinessId businessId, NotificationId id) {
        return store.find(businessId, id)
                .map(notification -> deliver(notification, new Shared(businessId)))
                .orElseGet(Attempt.Done::new);
    }

    @Override
    public Attempt deliverDue(BusinessId businessId, AppointmentId appointmentId) {
        // the messages of one appointment due together share their reads: a booking's confirmations and alert are one
        // job, not three
        Shared shared = new Shared(businessId);
        Optional<Instant> retry = Optional.empty();
        for (Notification notification : store.due(businessId, appointmentId, clock.instant())) {
            if (deliver(notification, shared) instanceof Attempt.RetryAt again
                    && retry.filter(at -> at.isBefore(again.at())).isEmpty()) {
                retry = Optional.of(again.at());
            }
        }
        return retry.<Attempt>map(Attempt.RetryAt::new).orElseGet(Attempt.Done::new);
    }

    /** What the messages of one business's appointment share, each read once, when first needed. */
    private final class Shared {
        private final BusinessId businessId;
        private Optional<Business> business;
        private Optional<Appointment> appointment;
        private NotificationSettings settings;
        private AppointmentDetails details;
        private Optional<Payment> deposit;

        Shared(BusinessId businessId) {
            this.businessId = businessId;
        }

        Optional<Business> business() {
            if (business == null) {
                business = businesses.findById(businessId);
            }
            return business;
        }

        Optional<Appointment> appointment(AppointmentId id) {
            if (appointment == null
                    || appointment.filter(a -> a.id().equals(id)).isEmpty()) {
                appointment = business().flatMap(b -> appointments.findById(List.of(businessId), id));
                details = null;
                deposit = null;
            }
            return appointment;
        }

        NotificationSettings settings() {
            if (settings == null) {
                settings = store.settings(businessId);
            }
            return settings;
        }

        AppointmentDetails details(Appointment of) {
            if (details == null) {
                details = assembler.details(of);
            }
            return details;
        }

        /** The deposit the appointment waits for, the latest open one: what a request to pay asks for. */
        Optional<Payment> deposit(Appointment of) {
            if (deposit == null) {
                deposit = payments.store().ofAppointment(businessId, of.id()).stream()
                        .filter(Payment::isOpen)
                        .reduce((first, later) -> later);
            }
            return deposit;
        }
    }

    private Attempt deliver(Notification notification, Shared shared) {
        BusinessId businessId = notification.businessId();
        NotificationId id = notification.id();
        if (notification.status() == DeliveryStatus.SENDING) {
            store.finish(
                    businessId,
                    id,
                    DeliveryStatus.FAILED,
                    Optional.of("interrupted while sending; not sent again so that it cannot arrive twice"),
                    Optional.empty(),
                    clock.instant());
            return new Attempt.Done();
        }
        if (notification.status() != DeliveryStatus.QUEUED) {
            return new Attempt.Done();
        }
        Optional<Appointment> found = shared.appointment(notification.appointmentId());
        if (found.isEmpty()) {
            // a deleted business's messages stay unsent, and say why, rather than failing every minute for ever
            return skip(notification, "the business no longer takes appointments");
        }
        Business business = shared.business().orElseThrow();
        Appointment appointment = found.get();
        Optional<String> stale = stale(notification, appointment);
        if (stale.isPresent()) {
            return skip(notification, stale.get());
        }
        Optional<Payment> deposit = Optional.empty();
        if (notification.kind() == MessageKind.PAYMENT_REQUEST) {
            deposit = shared.deposit(appointment);
            if (deposit.isEmpty()) {
                return skip(notification, "the deposit was paid or closed before this went out");
            }
            // a retry after a passing failure may come too late: the time is no longer kept, nor the page open
            if (deposit.get()
                    .payBy()
                    .filter(payBy -> !clock.instant().isBefore(payBy))
                    .isPresent()) {
                return skip(notification, "the time to pay had run out before this went out");
            }
            if (payments.publicUrl().isEmpty()) {
                return skip(notification, "no public address to link the payment to: PUBLIC_URL is not set");
            }
        }
        NotificationSettings settings = shared.settings();
        AppointmentDetails details = shared.details(appointment);
        Optional<Recipient> recipient = recipient(notification, details, business, settings);
        if (recipient.isEmpty()) {
            return skip(
                    notification,
                    notification.kind().forStaff()
                            ? "no staff e-mail address"
                            : notification.channel() == Channel.EMAIL
                                    ? "the client gave no e-mail address"
                                    : "the client gave no phone number");
        }
        Language language = notification.kind().forStaff()
                ? business.language()
                : details.client().language().orElse(business.language());
        Instant now = clock.instant();
        Optional<Instant> callAt = Optional.of(now);
        if (notification.channel() == Channel.CALL) {
            callAt = callingHours(business, appointment, now);
            if (callAt.isEmpty()) {
                return skip(notification, "the business is closed from now until the appointment: no call");
            }
        }
        if (store.claim(businessId, id, now).isEmpty()) {
            return new Attempt.Done();
        }
        if (callAt.get().isAfter(now)) {
            store.requeue(businessId, id, callAt.get(), "waiting for the business to open to call", now);
            return new Attempt.RetryAt(callAt.get());
        }
        // the link is made once the message is ours to send: a message never sent leaves no working link behind
        Message message = message(notification, language, business, settings, details, deposit);
        Delivery delivery = send(notification, recipient.get(), message, settings, business);
        return record(notification, recipient.get(), delivery, details);
    }

    /** Why a message planned earlier no longer fits what the appointment has become. */
    private static Optional<String> stale(Notification notification, Appointment appointment) {
        boolean confirmed = appointment.status() == AppointmentStatus.CONFIRMED;
        String start = appointment.time().start().toString();
        return switch (notification.kind()) {
            case REMINDER ->
                !confirmed
                        ? Optional.of("the appointment is "
                                + appointment.status().name().toLowerCase(Locale.ROOT))
                        : notification.occasion().endsWith("@" + start)
                                ? Optional.empty()
                                : Optional.of("the appointment moved");
            case MOVED ->
                !confirmed || !notification.occasion().endsWith(NotificationPlan.MOVED_TO + start)
                        ? Optional.of("the appointment changed again")
                        : Optional.empty();
            case CONFIRMED, STAFF_NEW_BOOKING ->
                confirmed
                        ? Optional.empty()
                        : Optional.of("the appointment was "
                                + appointment.status().name().toLowerCase(Locale.ROOT)
                                + " before this went out");
            // paid (and confirmed), released or called off meanwhile: the request would ask for nothing owed
            case PAYMENT_REQUEST ->
                appointment.status() == AppointmentStatus.PENDING_PAYMENT
                        ? Optional.empty()
                        : Optional.of("the appointment was "
                                + appointment.status().name().toLowerCase(Locale.ROOT)
                                + " before this went out");
            case CANCELLED, STAFF_CANCELLATION, STAFF_CLIENT_REPLY, PAYMENT_REFUNDED, STAFF_PAYMENT_REFUNDED ->
                Optional.empty();
        };
    }

    private Attempt skip(Notification notification, String why) {
        store.finish(
                notification.businessId(),
                notification.id(),
                DeliveryStatus.SKIPPED,
                Optional.of(why),
                Optional.empty(),
                clock.instant());
        return new Attempt.Done();
    }

    private Optional<Recipient> recipient(
            Notification notification, AppointmentDetails details, Business business, NotificationSettings settings) {
        if (notification.kind().forStaff()) {
            return settings.staffEmail().or(() -> ownerEmail(business)).map(Recipient::email);
        }
        return notification.channel() == Channel.EMAIL
                ? details.client().email().map(Recipient::email)
                : details.client().phone().map(Recipient::phone);
    }

    /**
     * When a reminder call may be made: now if the business is open, else when it next opens, as long as that is at
     * least {@link #CALL_BEFORE} before the appointment.
     */
    private Optional<Instant> callingHours(Business business, Appointment appointment, Instant now) {
        Instant deadline = appointment.time().start().minus(CALL_BEFORE);
        LocalDate today = LocalDate.ofInstant(now, business.zone());
        LocalDate last = LocalDate.ofInstant(deadline, business.zone());
        if (last.isBefore(today)) {
            return Optional.empty();
        }
        return new CallingHours(
                        schedules.weeklyHours(business.id()),
                        schedules.specialDays(business.id(), today, last),
                        business.zone())
                .firstFrom(now, deadline);
    }

    /** The first owner's address: staff alerts need somewhere to go before anyone sets one. */
    private Optional<EmailAddress> ownerEmail(Business business) {
        List<Membership> owners = memberships.findByBusiness(business.id()).stream()
                .filter(m -> m.role() == Role.OWNER)
                .toList();
        return users.findByIds(owners.stream().map(Membership::userId).toList()).stream()
                .map(User::email)
                .sorted(Comparator.comparing(EmailAddress::value))
                .findFirst();
    }

    private Message message(
            Notification notification,
            Language language,
            Business business,
            NotificationSettings settings,
            AppointmentDetails details,
            Optional<Payment> deposit) {
        Appointment appointment = details.appointment();
        Optional<String> link = offersManageLink(notification)
                ? manageLinkBase.map(base -> base + tokens.issue(appointment))
                : Optional.empty();
        Optional<PhoneNumber> phone = printedPhone(settings, voiceSettings, business.id());
        return new Message(
                notification.kind(),
                language,
                appointment.id(),
                settings.senderName().orElse(business.name()),
                settings.address(),
                phone,
                details.client().name(),
                details.serviceName(),
                details.providerName(),
                appointment.time().start().atZone(business.zone()),
                appointment.time().end().atZone(business.zone()),
                NotificationPlan.movedFrom(notification).map(from -> from.atZone(business.zone())),
                appointment.cancellation().map(Cancellation::by),
                appointment.source(),
                link,
                (int) Duration.between(appointment.createdAt(), appointment.updatedAt())
                        .toSeconds(),
                clientReply(notification),
                deposit.map(Payment::amount).or(() -> NotificationPlan.refundedAmount(notification)),
                deposit.flatMap(Payment::payBy).map(payBy -> payBy.atZone(business.zone())),
                deposit.map(
                        payment -> Checkouts.depositPage(payments.publicUrl().orElseThrow(), business, payment)));
    }

    /**
     * Whether the message carries a manage link: a client's, unless it is of money given back for a time someone
     * else took (there is nothing left to manage), or a text asking for a deposit (which has room for the link to
     * pay only).
     */
    private static boolean offersManageLink(Notification notification) {
        return switch (notification.kind()) {
            case PAYMENT_REFUNDED -> false;
            case PAYMENT_REQUEST -> notification.channel() == Channel.EMAIL;
            default -> !notification.kind().forStaff();
        };
    }

    /** What the client wrote, for the staff alert that forwards it: the reply is the alert's occasion. */
    private Optional<String> clientReply(Notification notification) {
        if (notification.kind() != MessageKind.STAFF_CLIENT_REPLY) {
            return Optional.empty();
        }
        return store.findReply(notification.occasion())
                .filter(reply -> reply.businessId().equals(notification.businessId()))
                .map(TextReply::text);
    }

    /** The number messages give for the business: the one its settings name, else its first voice number. */
    static Optional<PhoneNumber> printedPhone(
            NotificationSettings settings, VoiceSettingsRepository voiceSettings, BusinessId businessId) {
        return settings.phone()
                .or(() -> voiceSettings
                        .find(businessId)
                        .map(VoiceSettings::numbers)
                        .flatMap(numbers -> numbers.stream().findFirst()));
    }

    private Delivery send(
            Notification notification,
            Recipient recipient,
            Message message,
            NotificationSettings settings,
            Business business) {
        String key = notification.businessId() + "/" + notification.appointmentId() + "/"
                + notification.kind().code() + "/" + notification.channel().code() + "/" + notification.occasion();
        try {
            return switch (notification.channel()) {
                case EMAIL ->
                    ports.email()
                            .send(new EmailSender.Envelope(
                                    recipient.email().orElseThrow(),
                                    settings.senderName().orElse(business.name()),
                                    settings.replyTo(),
                                    key,
                                    ports.templates().email(message)));
                case SMS ->
                    ports.sms()
                            .send(
                                    recipient.phone().orElseThrow(),
                                    ports.templates().sms(message),
                                    key);
                case CALL -> call(business, recipient.phone().orElseThrow(), message);
            };
        } catch (RuntimeException e) {
            // a channel that throws has not said it sent anything: a passing failure
            LOG.log(System.Logger.Level.WARNING, "sending " + key + " failed", e);
            return new Delivery.Failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** A reminder by phone: the assistant opens with it, then confirms, moves or cancels as the client asks. */
    private Delivery call(Business business, PhoneNumber to, Message message) {
        try {
            PlaceOutboundCallUseCase.Placed placed = calls.call(
                    business,
                    to,
                    Optional.of(message.clientName()),
                    Optional.of(ports.templates().callOpening(message)));
            return new Delivery.Sent(placed.callId());
        } catch (CallNotPlacedException e) {
            // a business that takes no calls by voice will not take this one later either
            return e.code() == ErrorCode.CALL_REJECTED
                    ? new Delivery.Refused(e.getMessage())
                    : new Delivery.Failed(e.getMessage());
        }
    }

    private Attempt record(
            Notification notification, Recipient recipient, Delivery delivery, AppointmentDetails details) {
        Appointment appointment = details.appointment();
        // this try, counted by the claim that made it: a message tried before keeps its count whatever job runs it
        int attempt = notification.attempts() + 1;
        Instant now = clock.instant();
        BusinessId business = notification.businessId();
        NotificationId id = notification.id();
        String masked = recipient.masked();
        if (delivery instanceof Delivery.Sent sent && recipient.phone().isPresent()) {
            // the whole number and the line it went from, so that the client's reply finds what it answers
            store.textSent(
                    business,
                    id,
                    sent.reference(),
                    masked,
                    recipient.phone().get(),
                    ports.sms().line(),
                    now);
        } else if (delivery instanceof Delivery.Sent sent) {
            store.finish(business, id, DeliveryStatus.SENT, Optional.of(sent.reference()), Optional.of(masked), now);
        } else if (delivery instanceof Delivery.Refused refused) {
            failed(notification, refused.reason(), masked, attempt, details, now);
        } else if (delivery instanceof Delivery.Failed failed) {
            Optional<Instant> retry =
                    attempt <= BACKOFF.size() ? Optional.of(now.plus(BACKOFF.get(attempt - 1))) : Optional.empty();
            // a reminder that would go after its appointment began is no use to anyone
            boolean useless = notification.kind() == MessageKind.REMINDER
                    && retry.filter(at -> at.isBefore(appointment.time().start()))
                            .isEmpty();
            if (retry.isPresent() && !useless) {
                store.requeue(business, id, retry.get(), failed.reason(), now);
                return new Attempt.RetryAt(retry.get());
            }
            failed(
                    notification,
                    "gave up after " + attempt + " attempts: " + failed.reason(),
                    masked,
                    attempt,
                    details,
                    now);
        } else {
            LOG.log(
                    System.Logger.Level.INFO,
                    "not sent, no " + notification.channel().code() + " channel configured: "
                            + notification.kind().code() + " for appointment " + notification.appointmentId());
            store.finish(
                    business,
                    id,
                    DeliveryStatus.SKIPPED,
                    Optional.of("not sent: no channel configured"),
                    Optional.of(masked),
                    now);
        }
        return new Attempt.Done();
    }

    /** Logs a message that will not go out, and tells the business's dashboards, in one transaction. */
    private void failed(
            Notification notification,
            String why,
            String masked,
            int attempts,
            AppointmentDetails details,
            Instant now) {
        events.inTransaction(() -> {
            store.finish(
                    notification.businessId(),
                    notification.id(),
                    DeliveryStatus.FAILED,
                    Optional.of(why),
                    Optional.of(masked),
                    now);
            events.record(
                    notification.businessId(),
                    BusinessEvent.Kind.NOTIFICATION_FAILED,
                    new BusinessEvent.Engine(),
                    new BusinessEvent.NotificationFailure(
                            new Notification(
                                    notification.id(),
                                    notification.businessId(),
                                    notification.appointmentId(),
                                    notification.kind(),
                                    notification.channel(),
                                    notification.occasion(),
                                    notification.dueAt(),
                                    DeliveryStatus.FAILED,
                                    Optional.of(why),
                                    Optional.of(masked),
                                    attempts,
                                    notification.createdAt(),
                                    now),
                            details.appointment().providerId(),
                            details.client().name()));
            return null;
        });
    }

    /** Where a message goes, and how the delivery log shows it. */
    private record Recipient(Optional<EmailAddress> email, Optional<PhoneNumber> phone) {
        static Recipient email(EmailAddress address) {
            return new Recipient(Optional.of(address), Optional.empty());
        }

        static Recipient phone(PhoneNumber number) {
            return new Recipient(Optional.empty(), Optional.of(number));
        }

        String masked() {
            return email.map(EmailAddress::masked)
                    .orElseGet(() -> phone.orElseThrow().masked());
        }
    }
}
