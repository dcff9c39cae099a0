package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.ConcurrentUpdateException;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.ClientRepository;
import com.voiceappoint.application.port.out.NotificationStore;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.ManageCode;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.notification.NotificationPlan;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Every write of an appointment, with the messages it calls for planned in the same transaction: a booking kept is a
 * booking announced, one rolled back announces nothing, and a cancellation withdraws its reminders atomically.
 */
final class AppointmentWrites {
    private final TransactionRunner transactions;
    private final AppointmentRepository appointments;
    private final BusinessRepository businesses;
    private final ClientRepository clients;
    private final NotificationStore notifications;
    private final Clock clock;

    AppointmentWrites(
            TransactionRunner transactions,
            AppointmentRepository appointments,
            BusinessRepository businesses,
            ClientRepository clients,
            NotificationStore notifications,
            Clock clock) {
        this.transactions = transactions;
        this.appointments = appointments;
        this.businesses = businesses;
        this.clients = clients;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Adds a new appointment of {@code client}, in the caller's transaction. */
    void add(
            Business business,
            Client client,
            Appointment appointment,
            Optional<AppointmentRepository.IdempotencyKey> idempotencyKey,
            Optional<ManageCode> manageCode) {
        appointments.add(appointment, idempotencyKey, manageCode);
        announce(() -> business, () -> Optional.of(client), Optional.empty(), appointment, UnaryOperator.identity());
    }

    /**
     * Writes a change, answering a lost race as "changed meanwhile" rather than overwriting it; in a transaction (the
     * caller's, or one of its own), so that a database lost midway cannot keep a change it reports lost.
     */
    void update(Appointment previous, Appointment next) {
        update(previous, next, UnaryOperator.identity());
    }

    /**
     * A change the client asked for by text, as {@link #update}: the answer to their text tells them of it, so they are
     * sent no second text about it.
     */
    void updateAnsweredByText(Appointment previous, Appointment next) {
        update(previous, next, NotificationPlan::answeredByText);
    }

    private void update(Appointment previous, Appointment next, UnaryOperator<NotificationPlan> planned) {
        try {
            transactions.inTransaction(() -> {
                appointments.update(previous, next);
                announce(
                        () -> businesses
                                .findById(next.businessId())
                                .orElseThrow(() -> new NotFoundException("business")),
                        () -> clients.findById(next.businessId(), next.clientId()),
                        Optional.of(previous),
                        next,
                        planned);
                return null;
            });
        } catch (ConcurrentUpdateException e) {
            throw new DomainException(
                    ErrorCode.CONCURRENT_UPDATE,
                    null,
                    "the appointment was changed meanwhile; read it again and retry",
                    Map.of());
        }
    }

    private void announce(
            Supplier<Business> business,
            Supplier<Optional<Client>> client,
            Optional<Appointment> before,
            Appointment after,
            UnaryOperator<NotificationPlan> planned) {
        // holds coming and going are no one's news: they cost the booking path no read
        if (notifications == NotificationStore.NONE || !NotificationPlan.mayAnnounce(before, after)) {
            return;
        }
        Business owner = business.get();
        NotificationPlan plan = planned.apply(NotificationPlan.forChange(
                notifications.settings(owner.id()), owner.zone(), before, after, clock.instant()));
        if (plan.queued().stream().anyMatch(n -> !n.kind().forStaff())) {
            plan = client.get().map(plan::reaching).orElse(plan);
        }
        if (!plan.empty()) {
            notifications.apply(owner.id(), after.id(), plan);
        }
    }
}
