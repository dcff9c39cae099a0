package com.voiceappoint.application.port.out;

import java.util.Objects;

/**
 * The outbound ports booking needs, and no others: who may act in a business, what it sells, who works when, its
 * clients and their appointments, and the transactions they are written in.
 */
public record BookingPorts(
        TransactionRunner transactions,
        BusinessRepository businesses,
        MembershipRepository memberships,
        ServiceRepository services,
        ProviderRepository providers,
        ScheduleRepository schedules,
        ClientRepository clients,
        AppointmentRepository appointments) {
    public BookingPorts {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(businesses, "businesses");
        Objects.requireNonNull(memberships, "memberships");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(providers, "providers");
        Objects.requireNonNull(schedules, "schedules");
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(appointments, "appointments");
    }
}
