package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.application.port.in.ListServicesQuery;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.OnboardingStatus;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.Money;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Creating and listing the services a business sells. */
public final class CatalogInteractor implements CreateServiceUseCase, ListServicesQuery {
    private final BusinessAccess access;
    private final TransactionRunner transactions;
    private final BusinessRepository businesses;
    private final ServiceRepository services;
    private final ProviderRepository providers;

    CatalogInteractor(
            BusinessAccess access,
            TransactionRunner transactions,
            BusinessRepository businesses,
            ServiceRepository services,
            ProviderRepository providers) {
        this.access = access;
        this.transactions = transactions;
        this.businesses = businesses;
        this.services = services;
        this.providers = providers;
    }

    @Override
    public Service create(CreateServiceUseCase.Command command) {
        Business business = access.require(command.actor(), command.businessId(), Permission.MANAGE_CATALOG)
                .business();
        for (ProviderId provider : command.providers()) {
            providers.findById(business.id(), provider).orElseThrow(() -> new NotFoundException("provider"));
        }
        Service service = new Service(
                ServiceId.random(),
                business.id(),
                Optional.empty(),
                command.name(),
                command.description(),
                Duration.ofMinutes(command.durationMinutes()),
                new Money(command.price(), business.currency()),
                Duration.ofMinutes(command.bufferBeforeMinutes()),
                Duration.ofMinutes(command.bufferAfterMinutes()),
                command.voiceBookingEnabled(),
                true,
                command.providers(),
                command.deposit().map(amount -> new Money(amount, business.currency())));
        return transactions.inTransaction(() -> {
            services.add(service);
            businesses.completeOnboardingStep(business.id(), OnboardingStatus.Step.SERVICES);
            return service;
        });
    }

    @Override
    public List<Service> list(Actor actor, BusinessId businessId, boolean includeInactive) {
        BusinessAccess.Granted granted = access.require(actor, businessId, Permission.VIEW_BUSINESS);
        boolean inactiveAllowed = includeInactive && granted.membership().isPresent();
        return services.findByBusiness(businessId, inactiveAllowed).stream()
                .filter(s -> !BusinessAccess.isVoiceCaller(actor) || s.voiceBookingEnabled())
                .toList();
    }
}
