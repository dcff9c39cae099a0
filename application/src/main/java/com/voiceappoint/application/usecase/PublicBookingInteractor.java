package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.PaymentDue;
import com.voiceappoint.application.port.in.PublicBookingUseCase;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.CategoryRepository;
import com.voiceappoint.application.port.out.NotificationStore;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.port.out.ScheduleRepository;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.application.port.out.VoiceSettingsRepository;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.CancelledBy;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Slug;
import com.voiceappoint.domain.event.BusinessEvent;
import com.voiceappoint.domain.notification.NotificationSettings;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.PaymentId;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.voice.VoiceSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The public side: a business's page, booking on it, and the manage link ({@link ManageTokens}) a booking returns. */
public final class PublicBookingInteractor implements PublicBookingUseCase {

    private final BusinessRepository businesses;
    private final ServiceRepository services;
    private final CategoryRepository categories;
    private final ProviderRepository providers;
    private final ScheduleRepository schedules;
    private final VoiceSettingsRepository voiceSettings;
    private final NotificationStore notificationSettings;
    private final AppointmentRepository appointments;
    private final BookAppointmentInteractor booking;
    private final Rescheduling rescheduling;
    private final StatusChanges statusChanges;
    private final AppointmentDetailsAssembler assembler;
    private final ManageCodes codes;
    private final Clock clock;
    private final ManageTokens tokens;
    private final PaymentDues dues;

    PublicBookingInteractor(
            BusinessRepository businesses,
            ServiceRepository services,
            CategoryRepository categories,
            ProviderRepository providers,
            ScheduleRepository schedules,
            VoiceSettingsRepository voiceSettings,
            NotificationStore notificationSettings,
            AppointmentRepository appointments,
            BookAppointmentInteractor booking,
            Rescheduling rescheduling,
            StatusChanges statusChanges,
            AppointmentDetailsAssembler assembler,
            PaymentDues dues,
            Clock clock) {
        this.businesses = businesses;
        this.services = services;
        this.categories = categories;
        this.providers = providers;
        this.schedules = schedules;
        this.voiceSettings = voiceSettings;
        this.notificationSettings = notificationSettings;
        this.appointments = appointments;
        this.booking = booking;
        this.rescheduling = rescheduling;
        this.statusChanges = statusChanges;
        this.assembler = assembler;
        this.codes = new ManageCodes(appointments);
        this.tokens = new ManageTokens(appointments);
        this.dues = dues;
        this.clock = clock;
    }

    @Override
    public Business business(String slug) {
        Slug parsed;
        try {
            parsed = new Slug(slug);
        } catch (InvalidValueException notASlug) {
            throw new NotFoundException("business");
        }
        return businesses.findBySlug(parsed).orElseThrow(() -> new NotFoundException("business"));
    }

    @Override
    public BusinessPage page(BusinessId businessId) {
        Business business = businesses.findById(businessId).orElseThrow(() -> new NotFoundException("business"));
        LocalDate today = LocalDate.ofInstant(clock.instant(), business.zone());
        Optional<VoiceSettings> voice = voiceSettings.find(businessId);
        NotificationSettings contact = notificationSettings.settings(businessId);
        return new BusinessPage(
                business,
                services.findByBusiness(businessId, false),
                categories.findByBusiness(businessId),
                providers.findByBusiness(businessId).stream()
                        .filter(Provider::active)
                        .toList(),
                schedules.weeklyHours(businessId),
                schedules.specialDays(businessId, today, today.plusDays(SPECIAL_DAYS_SHOWN)).stream()
                        .filter(day -> day.provider().isEmpty())
                        .toList(),
                voice.map(VoiceSettings::description).orElse(""),
                contact.address(),
                NotificationDeliveryInteractor.printedPhone(contact, voiceSettings, businessId),
                business.allowVoiceBooking() ? voice.map(VoiceSettings::numbers).orElse(List.of()) : List.of(),
                dues.asked(businessId));
    }

    @Override
    public Booked book(BookAppointmentUseCase.Command command) {
        if (!(command.actor() instanceof Actor.Caller)) {
            throw new IllegalArgumentException("public bookings are made by callers");
        }
        // anyone may type a client's number or e-mail into the page: a repeat of their booking without its key is a
        // taken time, never their appointment
        BookAppointmentUseCase.Result result = booking.bookForCaller(command);
        Optional<String> token = Optional.empty();
        Optional<String> code = Optional.empty();
        // the booking is made by now: losing the database before its link and code are kept must not turn it into a
        // failure; the client is answered without them, and a retry with the same key issues them
        try {
            token = Optional.of(tokens.issue(result.appointment()));
            code = Optional.of(codes.issue(result.appointment()));
        } catch (StoreUnavailableException notKept) {
            // answered as booked, with what was kept
        }
        Optional<PaymentDue> payment = Optional.empty();
        try {
            if (result.appointment().status() == AppointmentStatus.PENDING_PAYMENT) {
                payment = dues.of(businessOf(result.appointment()), result.details());
            }
        } catch (StoreUnavailableException notRead) {
            // the time is kept all the same: the deposit's page opens from the link the client is sent
        }
        return new Booked(result, token, code, payment);
    }

    @Override
    public Optional<PaymentDue> paymentDue(String manageToken) {
        return dues.owed(assembler.details(byToken(manageToken)));
    }

    @Override
    public DepositPage deposit(BusinessId businessId, PaymentId paymentId) {
        Business business = businesses.findById(businessId).orElseThrow(() -> new NotFoundException("payment"));
        Payment payment = dues.find(businessId, paymentId).orElseThrow(() -> new NotFoundException("payment"));
        Appointment appointment = appointments
                .findById(Set.of(businessId), payment.appointmentId())
                .orElseThrow(() -> new NotFoundException("payment"));
        AppointmentDetails details = assembler.details(appointment);
        return new DepositPage(business, details, dues.due(business, payment, details));
    }

    @Override
    public ManagedAppointment appointment(String manageToken) {
        Appointment appointment = byToken(manageToken);
        return new ManagedAppointment(
                businessOf(appointment), assembler.details(appointment), Optional.of(codes.issue(appointment)));
    }

    @Override
    public ManagedAppointment cancel(String manageToken, String reason) {
        Appointment current = byToken(manageToken);
        Business business = businessOf(current);
        Appointment cancelled =
                current.cancel(CancelledBy.CLIENT, reason, business.policy().cancellationCutoff(), clock.instant());
        return new ManagedAppointment(
                business,
                assembler.details(
                        statusChanges.write(current, cancelled, new BusinessEvent.Client(BusinessEvent.Channel.WEB))));
    }

    @Override
    public ManagedAppointment reschedule(String manageToken, Instant start) {
        Appointment current = byToken(manageToken);
        Business business = businessOf(current);
        Appointment moved = rescheduling.move(
                business,
                current,
                start,
                current.providerId(),
                true,
                new BusinessEvent.Client(BusinessEvent.Channel.WEB));
        return new ManagedAppointment(business, assembler.details(moved), Optional.of(codes.issue(moved)));
    }

    private Appointment byToken(String token) {
        return tokens.open(token).orElseThrow(() -> new NotFoundException("appointment"));
    }

    private Business businessOf(Appointment appointment) {
        return businesses.findById(appointment.businessId()).orElseThrow(() -> new NotFoundException("appointment"));
    }
}
