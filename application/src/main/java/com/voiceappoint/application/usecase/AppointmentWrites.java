package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.ConcurrentUpdateException;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.ClientRepository;
import com.voiceappoint.application.port.out.NotificationStore;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.ManageCode;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.event.BusinessEvent;
import com.voiceappoint.domain.notification.NotificationPlan;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.Clock;
import java.time.Instant;
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
    private final EventJournal events;
    private final ServiceRepository services;
    private final ProviderRepository providers;
    private final Deposits deposits;
    private final Clock clock;

    AppointmentWrites(
            TransactionRunner transactions,
            AppointmentRepository appointments,
            BusinessRepository businesses,
            ClientRepository clients,
            NotificationStore notifications,
            EventJournal events,
            ServiceRepository services,
            ProviderRepository providers,
            Deposits deposits,
            Clock clock) {
        this.transactions = transactions;
        this.appointments = appointments;
        this.businesses = businesses;
        this.clients = clients;
        this.notifications = notifications;
        this.events = events;
        this.services = services;
        this.providers = providers;
        this.deposits = deposits;
        this.clock = clock;
    }

    /** Adds a new appointment of {@code client}, made by {@code by}, in the caller's transaction. */
    void add(
            Business business,
            Client client,
            Appointment appointment,
            Optional<AppointmentRepository.IdempotencyKey> idempotencyKey,
            Optional<ManageCode> manageCode,
            BusinessEvent.By by) {
        appointments.add(appointment, idempotencyKey, manageCode);
        announce(() -> business, () -> Optional.of(client), Optional.empty(), appointment, UnaryOperator.identity());
        tell(business, client, Optional.empty(), appointment, by);
    }

    /**
     * Expires, in the caller's transaction, the provider's holds that ran out and are in the way of {@code range}: a
     * lapsed hold keeps its row in the way of the exclusion constraint until expired. Each is news to the dashboards.
     */
    void expireLapsedHolds(Business business, ProviderId provider, TimeRange range, Instant now) {
        for (Appointment expired : appointments.expireLapsedHolds(business.id(), provider, range, now)) {
            if (events.keeping()) {
                clients.findById(business.id(), expired.clientId())
                        .ifPresent(client -> tell(
                                business,
                                client,
                                BusinessEvent.Kind.HOLD_EXPIRED,
                                expired,
                                Optional.empty(),
                                new BusinessEvent.Engine()));
            }
        }
    }

    /**
     * Writes a change, answering a lost race as "changed meanwhile" rather than overwriting it; in a transaction (the
     * caller's, or one of its own), so that a database lost midway cannot keep a change it reports lost.
     */
    void update(Appointment previous, Appointment next, BusinessEvent.By by) {
        update(previous, next, by, UnaryOperator.identity());
    }

    /**
     * A change the client asked for by text, as {@link #update}: the answer to their text tells them of it, so they are
     * sent no second text about it.
     */
    void updateAnsweredByText(Appointment previous, Appointment next) {
        update(previous, next, new BusinessEvent.Client(BusinessEvent.Channel.TEXT), NotificationPlan::answeredByText);
    }

    private void update(
            Appointment previous, Appointment next, BusinessEvent.By by, UnaryOperator<NotificationPlan> planned) {
        try {
            transactions.inTransaction(() -> {
                appointments.update(previous, next);
                Supplier<Business> business = () ->
                        businesses.findById(next.businessId()).orElseThrow(() -> new NotFoundException("business"));
                Supplier<Optional<Client>> client = once(() -> clients.findById(next.businessId(), next.clientId()));
                deposits.changed(business, previous, next, clock.instant());
                announce(business, client, Optional.of(previous), next, planned);
                if (events.keeping()
                        && BusinessEvent.Kind.ofChange(Optional.of(previous), next)
                                .isPresent()) {
                    client.get().ifPresent(c -> tell(business.get(), c, Optional.of(previous), next, by));
                }
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

    /** Reads at most once, and only if asked. */
    private static <T> Supplier<T> once(Supplier<T> read) {
        return new Supplier<>() {
            private T value;
            private boolean done;

            @Override
            public T get() {
                if (!done) {
                    value = read.get();
                    done = true;
                }
                return value;
            }
        };
    }

    /** Records the change for the live streams, with the names a calendar shows. */
    private void tell(
            Business business, Client client, Optional<Appointment> before, Appointment after, BusinessEvent.By by) {
        Optional<BusinessEvent.Kind> kind = BusinessEvent.Kind.ofChange(before, after);
        if (!events.keeping() || kind.isEmpty()) {
            return;
        }
        Optional<TimeRange> movedFrom = before.map(Appointment::time).filter(was -> !was.equals(after.time()));
        tell(business, client, kind.get(), after, movedFrom, by);
    }

    private void tell(
            Business business,
            Client client,
            BusinessEvent.Kind kind,
            Appointment after,
            Optional<TimeRange> movedFrom,
            BusinessEvent.By by) {
        events.record(
                business.id(),
                kind,
                by,
                new BusinessEvent.AppointmentChange(
                        after,
                        services.findById(business.id(), after.serviceId())
                                .map(Service::name)
                                .orElse(""),
                        providers
                                .findById(business.id(), after.providerId())
                                .map(Provider::displayName)
                                .orElse(""),
                        client,
                        business.zone(),
                        movedFrom));
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
        apply(
                owner,
                client,
                after,
                planned.apply(NotificationPlan.forChange(
                        notifications.settings(owner.id()), owner.zone(), before, after, clock.instant())));
    }

    /**
     * Plans, in the caller's transaction, the news that a payment which came after its appointment's time was released
     * and given to someone else was given back in full ({@code refunded}): the client hears why their money came
     * back, the staff that it did.
     */
    void latePaymentRefunded(Appointment appointment, Money refunded) {
        if (notifications == NotificationStore.NONE) {
            return;
        }
        Business owner =
                businesses.findById(appointment.businessId()).orElseThrow(() -> new NotFoundException("business"));
        apply(
                owner,
                () -> clients.findById(owner.id(), appointment.clientId()),
                appointment,
                NotificationPlan.latePaymentRefunded(
                        notifications.settings(owner.id()), owner.zone(), appointment, refunded, clock.instant()));
    }

    private void apply(
            Business owner, Supplier<Optional<Client>> client, Appointment appointment, NotificationPlan plan) {
        if (plan.queued().stream().anyMatch(n -> !n.kind().forStaff())) {
            plan = client.get().map(plan::reaching).orElse(plan);
        }
        if (!plan.empty()) {
            notifications.apply(owner.id(), appointment.id(), plan);
        }
    }
}
