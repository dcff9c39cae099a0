package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.billing.Plans;
import java.util.Objects;
import java.util.Optional;

/** Every outbound port the interactors need: what an adapter set (or the in-memory fakes) must provide. */
public record OutboundPorts(
        TransactionRunner transactions,
        UserRepository users,
        SessionRepository sessions,
        PasswordResetStore passwordResets,
        BusinessRepository businesses,
        MembershipRepository memberships,
        InvitationRepository invitations,
        ProviderRepository providers,
        ServiceRepository services,
        CategoryRepository categories,
        ScheduleRepository schedules,
        ClientRepository clients,
        AppointmentRepository appointments,
        VoiceSettingsRepository voiceSettings,
        CallLogRepository callLog,
        VoicePlatformGateway voicePlatform,
        AnalyticsRepository analytics,
        PasswordHasher passwordHasher,
        BookingOutcomePublisher bookingOutcomes,
        NotificationPorts notifications,
        BusinessEventStore events,
        LiveEventPublisher liveEvents,
        LogoStore logos,
        PlatformRepository platform,
        PaymentPorts payments,
        BillingPorts billing) {
    public OutboundPorts {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(passwordResets, "passwordResets");
        Objects.requireNonNull(businesses, "businesses");
        Objects.requireNonNull(memberships, "memberships");
        Objects.requireNonNull(invitations, "invitations");
        Objects.requireNonNull(providers, "providers");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(categories, "categories");
        Objects.requireNonNull(schedules, "schedules");
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(appointments, "appointments");
        Objects.requireNonNull(voiceSettings, "voiceSettings");
        Objects.requireNonNull(callLog, "callLog");
        Objects.requireNonNull(voicePlatform, "voicePlatform");
        Objects.requireNonNull(analytics, "analytics");
        Objects.requireNonNull(passwordHasher, "passwordHasher");
        Objects.requireNonNull(bookingOutcomes, "bookingOutcomes");
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(liveEvents, "liveEvents");
        Objects.requireNonNull(logos, "logos");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(payments, "payments");
        Objects.requireNonNull(billing, "billing");
    }

    /**
     * The same ports, planning messages in {@code store} (the stores' own {@link DataStore#notifications()}, so that
     * a message is planned in the transaction of the change it announces) and sending them through these channels.
     */
    public OutboundPorts sendingMessages(
            NotificationStore store,
            MessageTemplates templates,
            EmailSender email,
            SmsSender sms,
            Optional<String> manageLinkBase) {
        return with(
                transactions,
                new NotificationPorts(store, templates, email, sms, manageLinkBase),
                liveEvents,
                payments,
                billing);
    }

    /**
     * The same ports, taking clients' payments through {@code gateway} and sending them back to {@code publicUrl}, with
     * the platform's share of each.
     */
    public OutboundPorts takingPaymentsThrough(
            PaymentGateway gateway, Optional<String> publicUrl, int applicationFeePercent) {
        return with(
                transactions,
                notifications,
                liveEvents,
                new PaymentPorts(payments.store(), gateway, publicUrl, applicationFeePercent),
                billing);
    }

    /**
     * The same ports, telling the other instances of the server of the events committed here, and hearing of theirs,
     * through {@code liveEvents}.
     */
    public OutboundPorts announcingEventsThrough(LiveEventPublisher liveEvents) {
        return with(transactions, notifications, liveEvents, payments, billing);
    }

    /** The same ports, running their transactions through {@code transactions}, which must wrap these ports' own. */
    public OutboundPorts runningTransactionsThrough(TransactionRunner transactions) {
        return with(transactions, notifications, liveEvents, payments, billing);
    }

    /** These ports with the five that an embedder or the application puts around the stores' own. */
    private OutboundPorts with(
            TransactionRunner transactions,
            NotificationPorts notifications,
            LiveEventPublisher liveEvents,
            PaymentPorts payments,
            BillingPorts billing) {
        return new OutboundPorts(
                transactions,
                users,
                sessions,
                passwordResets,
                businesses,
                memberships,
                invitations,
                providers,
                services,
                categories,
                schedules,
                clients,
                appointments,
                voiceSettings,
                callLog,
                voicePlatform,
                analytics,
                passwordHasher,
                bookingOutcomes,
                notifications,
                events,
                liveEvents,
                logos,
                platform,
                payments,
                billing);
    }

    /** Those of them booking needs. */
    public BookingPorts booking() {
        return new BookingPorts(
                transactions, businesses, memberships, services, providers, schedules, clients, appointments);
    }

    /**
     * The same ports, billing the businesses for {@code plans} through {@code gateway} (on the platform's own Stripe
     * account) and sending their owners back to {@code publicUrl}; voice bookings are capped by each business's plan.
     */
    public OutboundPorts billingThrough(PaymentGateway gateway, Plans plans, Optional<String> publicUrl) {
        return with(
                transactions,
                notifications,
                liveEvents,
                payments,
                new BillingPorts(billing.store(), gateway, plans, publicUrl));
    }
}
