package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.ConcurrentUpdateException;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.PaymentsUseCase;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.PaymentGateway;
import com.voiceappoint.application.port.out.PaymentPorts;
import com.voiceappoint.application.port.out.PaymentRepository;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.PaymentId;
import com.voiceappoint.domain.payment.PaymentKind;
import com.voiceappoint.domain.payment.PaymentSettings;
import com.voiceappoint.domain.payment.PaymentStatus;
import com.voiceappoint.domain.payment.Refund;
import com.voiceappoint.domain.payment.RefundReason;
import com.voiceappoint.domain.shared.CountryCode;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Money;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

final class PaymentsInteractor implements PaymentsUseCase {
    private final BusinessAccess access;
    private final TransactionRunner transactions;
    private final PaymentPorts ports;
    private final AppointmentRepository appointments;
    private final ServiceRepository services;
    private final AppointmentWrites writes;
    private final RefundDesk desk;
    private final Clock clock;

    PaymentsInteractor(
            BusinessAccess access,
            TransactionRunner transactions,
            PaymentPorts ports,
            AppointmentRepository appointments,
            ServiceRepository services,
            AppointmentWrites writes,
            RefundDesk desk,
            Clock clock) {
        this.access = access;
        this.transactions = transactions;
        this.ports = ports;
        this.appointments = appointments;
        this.services = services;
        this.writes = writes;
        this.desk = desk;
        this.clock = clock;
    }

    @Override
    public Setup setup(Actor actor, BusinessId business) {
        access.require(actor, business, Permission.MANAGE_SETTINGS);
        return new Setup(store().settings(business), ports.configured());
    }

    @Override
    public Setup change(
            Actor actor, BusinessId business, Optional<Duration> paymentWindow, Optional<Integer> refundPercent) {
        access.require(actor, business, Permission.MANAGE_SETTINGS);
        return transactions.inTransaction(() -> {
            PaymentSettings current = store().settings(business);
            PaymentSettings changed = new PaymentSettings(
                    business,
                    current.account(),
                    current.chargesEnabled(),
                    paymentWindow.orElse(current.paymentWindow()),
                    refundPercent.orElse(current.refundPercent()));
            store().saveSettings(changed);
            return new Setup(changed, ports.configured());
        });
    }

    @Override
    public URI connect(Actor actor, BusinessId businessId, URI refreshUrl, URI returnUrl) {
        Business business =
                access.require(actor, businessId, Permission.MANAGE_SETTINGS).business();
        if (!ports.configured()) {
            throw new DomainException(ErrorCode.PAYMENTS_NOT_CONNECTED, "this server is not set up to take payments");
        }
        PaymentSettings settings = store().settings(businessId);
        String account = settings.account().orElseGet(() -> {
            // derived from the business: a second click while the first is on its way opens no second account
            String opened = ports.gateway()
                    .createAccount(new PaymentGateway.NewAccount(
                            business.name(),
                            Optional.empty(),
                            business.country().map(CountryCode::value),
                            "account-" + businessId));
            transactions.inTransaction(() -> {
                PaymentSettings now = store().settings(businessId);
                if (now.account().isEmpty()) {
                    store().saveSettings(new PaymentSettings(
                            businessId, Optional.of(opened), false, now.paymentWindow(), now.refundPercent()));
                }
                return null;
            });
            return opened;
        });
        return ports.gateway().onboardingLink(account, refreshUrl, returnUrl);
    }

    @Override
    public Setup refreshAccount(Actor actor, BusinessId business) {
        access.require(actor, business, Permission.MANAGE_SETTINGS);
        PaymentSettings settings = store().settings(business);
        if (settings.account().isEmpty() || !ports.configured()) {
            return new Setup(settings, ports.configured());
        }
        PaymentGateway.AccountState state =
                ports.gateway().accountState(settings.account().get());
        return transactions.inTransaction(() -> {
            PaymentSettings now = store().settings(business);
            PaymentSettings changed = new PaymentSettings(
                    business, now.account(), state.chargesEnabled(), now.paymentWindow(), now.refundPercent());
            store().saveSettings(changed);
            return new Setup(changed, ports.configured());
        });
    }

    @Override
    public List<PaymentRecord> payments(
            Actor actor, BusinessId business, Optional<AppointmentId> appointment, int page) {
        access.require(actor, business, Permission.MANAGE_APPOINTMENTS);
        InvalidValueException.check(page >= 1 && page <= 10_000, "page", "a page from 1 to 10000");
        List<Payment> payments = appointment
                .map(id -> store().ofAppointment(business, id))
                .orElseGet(() -> store().list(business, (page - 1) * PAGE_SIZE, PAGE_SIZE));
        return payments.stream().map(this::record).toList();
    }

    @Override
    public PaymentRecord refund(Actor actor, BusinessId business, PaymentId paymentId, Optional<BigDecimal> amount) {
        access.require(actor, business, Permission.MANAGE_APPOINTMENTS);
        Instant now = clock.instant();
        Payment payment = store().find(business, paymentId).orElseThrow(() -> new NotFoundException("payment"));
        Money wanted = payment.checkRefund(
                amount.map(a -> new Money(a, payment.amount().currency())).orElse(payment.refundable()));
        Refund refund = Refund.requested(payment, wanted, RefundReason.BY_STAFF, now);
        boolean reserved = transactions.inTransaction(() -> store().requestRefund(refund));
        if (!reserved) {
            // another refund took what was left meanwhile
            Payment current = store().find(business, paymentId).orElseThrow(() -> new NotFoundException("payment"));
            current.checkRefund(wanted);
            throw new DomainException(ErrorCode.NOT_REFUNDABLE, "amount", "refunded meanwhile", Map.of());
        }
        desk.send(refund, payment);
        return record(store().find(business, paymentId).orElseThrow());
    }

    @Override
    public PaymentRecord takeInPerson(Actor actor, BusinessId businessId, AppointmentId appointmentId) {
        access.require(actor, businessId, Permission.MANAGE_APPOINTMENTS);
        Instant now = clock.instant();
        Payment taken;
        try {
            taken = takeInPerson(businessId, appointmentId, actor, now);
        } catch (ConcurrentUpdateException recordedMeanwhile) {
            throw new DomainException(
                    ErrorCode.CONCURRENT_UPDATE, null, "the deposit was recorded meanwhile", Map.of());
        }
        return record(taken);
    }

    private Payment takeInPerson(BusinessId businessId, AppointmentId appointmentId, Actor actor, Instant now) {
        return transactions.inTransaction(() -> {
            Appointment appointment = appointments
                    .findById(Set.of(businessId), appointmentId)
                    .orElseThrow(() -> new NotFoundException("appointment"));
            Money deposit = services.findById(businessId, appointment.serviceId())
                    .flatMap(s -> s.deposit())
                    .filter(d -> d.amount().signum() > 0)
                    .orElseThrow(() -> new InvalidValueException("appointment", "this service asks no deposit"));
            List<Payment> payments = store().ofAppointment(businessId, appointmentId);
            if (payments.stream().anyMatch(p -> p.kind() == PaymentKind.DEPOSIT && p.status() == PaymentStatus.PAID)) {
                throw new DomainException(
                        ErrorCode.INVALID_STATE_TRANSITION,
                        null,
                        "the deposit is paid already",
                        Map.of("from", PaymentStatus.PAID.code(), "to", PaymentStatus.PAID.code()));
            }
            for (Payment open : payments) {
                if (open.isOpen() && !store().markCancelled(businessId, open.id(), now)) {
                    throw new DomainException(
                            ErrorCode.CONCURRENT_UPDATE, null, "the deposit was paid meanwhile", Map.of());
                }
            }
            if (appointment.status() == AppointmentStatus.PENDING_PAYMENT) {
                writes.update(appointment, appointment.confirm(now), EventJournal.by(actor));
            }
            Payment payment = Payment.takenInPerson(businessId, appointmentId, deposit, now);
            store().add(payment);
            return payment;
        });
    }

    private PaymentRecord record(Payment payment) {
        return new PaymentRecord(payment, store().refunds(payment.businessId(), payment.id()));
    }

    private PaymentRepository store() {
        return ports.store();
    }
}
