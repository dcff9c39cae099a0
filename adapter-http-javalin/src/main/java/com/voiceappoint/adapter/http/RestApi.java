package com.voiceappoint.adapter.http;

import com.voiceappoint.application.port.in.AnalyticsQuery;
import com.voiceappoint.application.port.in.AppointmentsQuery;
import com.voiceappoint.application.port.in.AuthenticateUseCase;
import com.voiceappoint.application.port.in.BillingUseCase;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.BusinessHoursUseCase;
import com.voiceappoint.application.port.in.BusinessSettingsUseCase;
import com.voiceappoint.application.port.in.CallLogUseCase;
import com.voiceappoint.application.port.in.ChangeAppointmentUseCase;
import com.voiceappoint.application.port.in.ClientsUseCase;
import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.application.port.in.FindAvailableSlotsQuery;
import com.voiceappoint.application.port.in.GetBusinessQuery;
import com.voiceappoint.application.port.in.GetProfileQuery;
import com.voiceappoint.application.port.in.InvitationsUseCase;
import com.voiceappoint.application.port.in.ListServicesQuery;
import com.voiceappoint.application.port.in.LiveEventsUseCase;
import com.voiceappoint.application.port.in.ManageAccountUseCase;
import com.voiceappoint.application.port.in.ManageBusinessesUseCase;
import com.voiceappoint.application.port.in.ManageServicesUseCase;
import com.voiceappoint.application.port.in.MembersUseCase;
import com.voiceappoint.application.port.in.NotificationsUseCase;
import com.voiceappoint.application.port.in.PaymentsUseCase;
import com.voiceappoint.application.port.in.PlaceOutboundCallUseCase;
import com.voiceappoint.application.port.in.PublicBookingUseCase;
import com.voiceappoint.application.port.in.RegisterAccountUseCase;
import com.voiceappoint.application.port.in.ServiceCategoriesUseCase;
import com.voiceappoint.application.port.in.SessionUseCase;
import com.voiceappoint.application.port.in.StaffUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase;
import java.util.Objects;

/**
 * The inbound ports the REST API drives, by area (clients' payments: a business's own; the business paying the
 * platform: its plan; Stripe's news comes in through its webhook, not here). Each route class is handed only the ports it calls; the voice
 * platform's own (routing a call, a caller's appointments) are not here.
 */
public record RestApi(
        Accounts accounts,
        Businesses businesses,
        Catalog catalog,
        Bookings bookings,
        Voice voice,
        AnalyticsQuery analytics,
        NotificationsUseCase notifications,
        LiveEventsUseCase liveEvents,
        PaymentsUseCase payments,
        BillingUseCase billing) {
    public RestApi {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(businesses, "businesses");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(bookings, "bookings");
        Objects.requireNonNull(voice, "voice");
        Objects.requireNonNull(analytics, "analytics");
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(liveEvents, "liveEvents");
        Objects.requireNonNull(payments, "payments");
        Objects.requireNonNull(billing, "billing");
    }

    /** The REST API's share of the whole application: the composition root's usual way to build it. */
    public static RestApi of(UseCases app) {
        return new RestApi(
                new Accounts(app.registerAccount(), app.authenticate(), app.sessions(), app.account(), app.profile()),
                new Businesses(
                        app.business(),
                        app.businesses(),
                        app.settings(),
                        app.members(),
                        app.invitations(),
                        app.businessHours(),
                        app.staff()),
                new Catalog(app.createService(), app.listServices(), app.services(), app.categories()),
                new Bookings(
                        app.findAvailableSlots(),
                        app.bookAppointment(),
                        app.appointments(),
                        app.changeAppointment(),
                        app.clients(),
                        app.publicBooking()),
                new Voice(app.voiceSettings(), app.callLog(), app.outboundCalls()),
                app.analytics(),
                app.notifications(),
                app.liveEvents(),
                app.payments(),
                app.billing());
    }

    /** Signing up, logging in and out, and one's own account. */
    public record Accounts(
            RegisterAccountUseCase registration,
            AuthenticateUseCase authentication,
            SessionUseCase sessions,
            ManageAccountUseCase account,
            GetProfileQuery profiles) {
        public Accounts {
            Objects.requireNonNull(registration, "registration");
            Objects.requireNonNull(authentication, "authentication");
            Objects.requireNonNull(sessions, "sessions");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(profiles, "profiles");
        }
    }

    /** A member's businesses, their settings, team, opening hours and staff. */
    public record Businesses(
            GetBusinessQuery business,
            ManageBusinessesUseCase businesses,
            BusinessSettingsUseCase settings,
            MembersUseCase members,
            InvitationsUseCase invitations,
            BusinessHoursUseCase hours,
            StaffUseCase staff) {
        public Businesses {
            Objects.requireNonNull(business, "business");
            Objects.requireNonNull(businesses, "businesses");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(members, "members");
            Objects.requireNonNull(invitations, "invitations");
            Objects.requireNonNull(hours, "hours");
            Objects.requireNonNull(staff, "staff");
        }
    }

    /** What a business sells, and how it is sorted. */
    public record Catalog(
            CreateServiceUseCase creation,
            ListServicesQuery list,
            ManageServicesUseCase services,
            ServiceCategoriesUseCase categories) {
        public Catalog {
            Objects.requireNonNull(creation, "creation");
            Objects.requireNonNull(list, "list");
            Objects.requireNonNull(services, "services");
            Objects.requireNonNull(categories, "categories");
        }
    }

    /** Free times, appointments and the clients they are for, by members and on the public page. */
    public record Bookings(
            FindAvailableSlotsQuery slots,
            BookAppointmentUseCase booking,
            AppointmentsQuery appointments,
            ChangeAppointmentUseCase changes,
            ClientsUseCase clients,
            PublicBookingUseCase publicBooking) {
        public Bookings {
            Objects.requireNonNull(slots, "slots");
            Objects.requireNonNull(booking, "booking");
            Objects.requireNonNull(appointments, "appointments");
            Objects.requireNonNull(changes, "changes");
            Objects.requireNonNull(clients, "clients");
            Objects.requireNonNull(publicBooking, "publicBooking");
        }
    }

    /** A business's voice set-up, its call log and the calls it places. */
    public record Voice(VoiceSettingsUseCase settings, CallLogUseCase callLog, PlaceOutboundCallUseCase outboundCalls) {
        public Voice {
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(callLog, "callLog");
            Objects.requireNonNull(outboundCalls, "outboundCalls");
        }
    }
}
