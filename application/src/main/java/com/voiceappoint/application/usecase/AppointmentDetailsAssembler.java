package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.ClientRepository;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.client.ClientId;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Adds names to appointments of one business: one read per kind of thing, whatever the number of appointments. */
final class AppointmentDetailsAssembler {
    private final BusinessRepository businesses;
    private final ServiceRepository services;
    private final ProviderRepository providers;
    private final ClientRepository clients;

    AppointmentDetailsAssembler(
            BusinessRepository businesses,
            ServiceRepository services,
            ProviderRepository providers,
            ClientRepository clients) {
        this.businesses = businesses;
        this.services = services;
        this.providers = providers;
        this.clients = clients;
    }

    AppointmentDetails details(Appointment appointment) {
        return details(appointment.businessId(), List.of(appointment)).get(0);
    }

    List<AppointmentDetails> details(BusinessId businessId, List<Appointment> appointments) {
        if (appointments.isEmpty()) {
            return List.of();
        }
        ZoneId zone = businesses.findById(businessId).orElseThrow().zone();
        Map<ServiceId, Service> serviceById = services.findByBusiness(businessId, true).stream()
                .collect(Collectors.toMap(Service::id, Function.identity()));
        Map<ProviderId, Provider> providerById = providers.findByBusiness(businessId).stream()
                .collect(Collectors.toMap(Provider::id, Function.identity()));
        Map<ClientId, Client> clientById = clients
                .findByIds(
                        businessId,
                        appointments.stream().map(Appointment::clientId).collect(Collectors.toSet()))
                .stream()
                .collect(Collectors.toMap(Client::id, Function.identity()));
        return appointments.stream()
                .map(a -> new AppointmentDetails(
                        a,
                        serviceById.get(a.serviceId()).name(),
                        providerById.get(a.providerId()).displayName(),
                        clientById.get(a.clientId()),
                        zone))
                .toList();
    }
}
