package com.voiceappoint.application.port.in;

import java.util.Objects;

/** Every inbound port the server offers, from which the composition root hands each driving adapter only its own. */
public record UseCases(
        RegisterAccountUseCase registerAccount,
        AuthenticateUseCase authenticate,
        SessionUseCase sessions,
        ManageAccountUseCase account,
        PasswordResetUseCase passwordResets,
        GetProfileQuery profile,
        GetBusinessQuery business,
        ManageBusinessesUseCase businesses,
        BusinessSettingsUseCase settings,
        MembersUseCase members,
        InvitationsUseCase invitations,
        CreateServiceUseCase createService,
        ListServicesQuery listServices,
        ManageServicesUseCase services,
        ServiceCategoriesUseCase categories,
        BusinessHoursUseCase businessHours,
        StaffUseCase staff,
        ClientsUseCase clients,
        FindAvailableSlotsQuery findAvailableSlots,
        BookAppointmentUseCase bookAppointment,
        AppointmentsQuery appointments,
        ChangeAppointmentUseCase changeAppointment,
        PublicBookingUseCase publicBooking,
        VoiceSettingsUseCase voiceSettings,
        VoiceRoutingQuery voiceRouting,
        CallerAppointmentsUseCase callerAppointments,
        CallLogUseCase callLog,
        PlaceOutboundCallUseCase outboundCalls,
        AnalyticsQuery analytics,
        NotificationsUseCase notifications,
        DeliverNotificationUseCase deliverNotification,
        SmsReplyUseCase smsReplies,
        LiveEventsUseCase liveEvents,
        ExpireLapsedHoldsUseCase lapsedHolds,
        BusinessLogoUseCase logos,
        OperatorsUseCase operators,
        PaymentsUseCase payments,
        PaymentEventsUseCase paymentEvents,
        PaymentUpkeepUseCase paymentUpkeep,
        BillingUseCase billing) {
    public UseCases {
        Objects.requireNonNull(registerAccount, "registerAccount");
        Objects.requireNonNull(authenticate, "authenticate");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(passwordResets, "passwordResets");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(business, "business");
        Objects.requireNonNull(businesses, "businesses");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(invitations, "invitations");
        Objects.requireNonNull(createService, "createService");
        Objects.requireNonNull(listServices, "listServices");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(categories, "categories");
        Objects.requireNonNull(businessHours, "businessHours");
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(findAvailableSlots, "findAvailableSlots");
        Objects.requireNonNull(bookAppointment, "bookAppointment");
        Objects.requireNonNull(appointments, "appointments");
        Objects.requireNonNull(changeAppointment, "changeAppointment");
        Objects.requireNonNull(publicBooking, "publicBooking");
        Objects.requireNonNull(voiceSettings, "voiceSettings");
        Objects.requireNonNull(voiceRouting, "voiceRouting");
        Objects.requireNonNull(callerAppointments, "callerAppointments");
        Objects.requireNonNull(callLog, "callLog");
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(deliverNotification, "deliverNotification");
        Objects.requireNonNull(smsReplies, "smsReplies");
        Objects.requireNonNull(outboundCalls, "outboundCalls");
        Objects.requireNonNull(analytics, "analytics");
        Objects.requireNonNull(liveEvents, "liveEvents");
        Objects.requireNonNull(lapsedHolds, "lapsedHolds");
        Objects.requireNonNull(logos, "logos");
        Objects.requireNonNull(operators, "operators");
        Objects.requireNonNull(billing, "billing");
    }
}
