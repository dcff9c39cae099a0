package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.application.port.in.ListServicesQuery;
import com.voiceappoint.application.port.in.ManageServicesUseCase;
import com.voiceappoint.application.port.in.ServiceCategoriesUseCase;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.CategoryRepository;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.OnboardingStatus;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceCategory;
import com.voiceappoint.domain.catalog.ServiceCategoryId;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.event.BusinessEvent;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The catalogue: the services a business sells, and the categories they are grouped in. */
public final class CatalogInteractor
        implements CreateServiceUseCase, ListServicesQuery, ManageServicesUseCase, ServiceCategoriesUseCase {
    private final BusinessAccess access;
    private final TransactionRunner transactions;
    private final BusinessRepository businesses;
    private final ServiceRepository services;
    private final CategoryRepository categories;
    private final ProviderRepository providers;
    private final AppointmentRepository appointments;
    private final EventJournal events;

    CatalogInteractor(
            BusinessAccess access,
            TransactionRunner transactions,
            BusinessRepository businesses,
            ServiceRepository services,
            CategoryRepository categories,
            ProviderRepository providers,
            AppointmentRepository appointments) {
        this.access = access;
        this.transactions = transactions;
        this.businesses = businesses;
        this.services = services;
        this.categories = categories;
        this.providers = providers;
        this.appointments = appointments;
        this.events = EventJournal.of(transactions);
    }

    @Override
    public Service create(CreateServiceUseCase.Command command) {
        BusinessId businessId = access.require(command.actor(), command.businessId(), Permission.MANAGE_CATALOG)
                .business()
                .id();
        requireProviders(businessId, command.providers());
        command.categoryId().ifPresent(c -> requireCategory(businessId, c));
        return transactions.inTransaction(() -> {
            // priced in the currency the business has now: a change of currency waits, or is waited for
            Business business = lockedForChange(businessId);
            Service service = new Service(
                    ServiceId.random(),
                    businessId,
                    command.categoryId(),
                    command.name(),
                    command.description(),
                    Duration.ofMinutes(command.durationMinutes()),
                    new Money(command.price(), business.currency()),
                    Duration.ofMinutes(command.bufferBeforeMinutes()),
                    Duration.ofMinutes(command.bufferAfterMinutes()),
                    command.voiceBookingEnabled(),
                    true,
                    command.providers(),
                    deposit(command.deposit(), business));
            services.add(service);
            changed(command.actor(), service, false);
            businesses.completeOnboardingStep(businessId, OnboardingStatus.Step.SERVICES);
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

    @Override
    public Service get(Actor actor, ServiceId serviceId) {
        return find(actor, serviceId, Permission.VIEW_BUSINESS);
    }

    /** Applied to the service as it is when the change is stored: two changes at once both survive. */
    @Override
    public Service update(Actor actor, ServiceId serviceId, Changes changes) {
        BusinessId businessId =
                find(actor, serviceId, Permission.MANAGE_CATALOG).businessId();
        changes.providers().ifPresent(p -> requireProviders(businessId, p));
        changes.category().flatMap(c -> c).ifPresent(c -> requireCategory(businessId, c));
        return transactions.inTransaction(() -> {
            Business business = lockedForChange(businessId);
            Service current =
                    services.findById(businessId, serviceId).orElseThrow(() -> new NotFoundException("service"));
            Service updated = new Service(
                    current.id(),
                    businessId,
                    changes.category().orElse(current.categoryId()),
                    changes.name().orElse(current.name()),
                    changes.description().orElse(current.description()),
                    changes.durationMinutes().map(m -> Duration.ofMinutes(m)).orElse(current.duration()),
                    changes.price().map(p -> new Money(p, business.currency())).orElse(current.price()),
                    changes.bufferBeforeMinutes()
                            .map(m -> Duration.ofMinutes(m))
                            .orElse(current.bufferBefore()),
                    changes.bufferAfterMinutes().map(m -> Duration.ofMinutes(m)).orElse(current.bufferAfter()),
                    changes.voiceBookingEnabled().orElse(current.voiceBookingEnabled()),
                    changes.active().orElse(current.active()),
                    changes.providers().orElse(current.providers()),
                    changes.deposit().isPresent() ? deposit(changes.deposit(), business) : current.deposit());
            services.update(updated);
            changed(actor, updated, false);
            return updated;
        });
    }

    @Override
    public Removal remove(Actor actor, ServiceId serviceId) {
        BusinessId businessId =
                find(actor, serviceId, Permission.MANAGE_CATALOG).businessId();
        return transactions.inTransaction(() -> {
            businesses.lockForChange(businessId);
            Service service =
                    services.findById(businessId, serviceId).orElseThrow(() -> new NotFoundException("service"));
            changed(actor, service, true);
            if (appointments.existsForService(businessId, serviceId)) {
                services.update(service.deactivated());
                return Removal.DEACTIVATED;
            }
            services.remove(businessId, serviceId);
            return Removal.DELETED;
        });
    }

    private void changed(Actor actor, Service service, boolean removed) {
        events.record(
                service.businessId(),
                BusinessEvent.Kind.SERVICE_CHANGED,
                EventJournal.by(actor),
                new BusinessEvent.ServiceChange(service.id(), service.name(), removed));
    }

    @Override
    public List<ServiceCategory> list(Actor actor, BusinessId businessId) {
        access.require(actor, businessId, Permission.VIEW_BUSINESS);
        return categories.findByBusiness(businessId);
    }

    /** Without a position, after every category there is: two added at once are not both put last. */
    @Override
    public ServiceCategory create(Actor actor, BusinessId businessId, String name, Optional<Integer> position) {
        access.require(actor, businessId, Permission.MANAGE_CATALOG);
        return transactions.inTransaction(() -> {
            businesses.lockForChange(businessId);
            ServiceCategory category = new ServiceCategory(
                    ServiceCategoryId.random(),
                    businessId,
                    name,
                    position.orElseGet(() -> categories.findByBusiness(businessId).stream()
                            .mapToInt(c -> c.position() + 1)
                            .max()
                            .orElse(0)));
            categories.add(category);
            return category;
        });
    }

    @Override
    public ServiceCategory update(
            Actor actor, ServiceCategoryId id, Optional<String> name, Optional<Integer> position) {
        BusinessId businessId = findCategory(actor, id).businessId();
        return transactions.inTransaction(() -> {
            businesses.lockForChange(businessId);
            ServiceCategory current = requireCategory(businessId, id);
            ServiceCategory updated = new ServiceCategory(
                    id, businessId, name.orElse(current.name()), position.orElse(current.position()));
            categories.update(updated);
            return updated;
        });
    }

    @Override
    public void remove(Actor actor, ServiceCategoryId id) {
        ServiceCategory category = findCategory(actor, id);
        if (!transactions.inTransaction(() -> categories.remove(category.businessId(), id))) {
            throw new NotFoundException("category");
        }
    }

    /** A service of one of the businesses the actor may see, if they may do this there. */
    private Service find(Actor actor, ServiceId serviceId, Permission permission) {
        Collection<BusinessId> scope = actor instanceof Actor.Member member ? access.visibleTo(member) : List.of();
        Service service = services.findById(scope, serviceId).orElseThrow(() -> new NotFoundException("service"));
        access.require(actor, service.businessId(), permission);
        return service;
    }

    /** A category of one of the businesses the actor may see, once they may change the catalogue there. */
    private ServiceCategory findCategory(Actor actor, ServiceCategoryId id) {
        Collection<BusinessId> scope = actor instanceof Actor.Member member ? access.visibleTo(member) : List.of();
        ServiceCategory category = categories.findById(scope, id).orElseThrow(() -> new NotFoundException("category"));
        access.require(actor, category.businessId(), Permission.MANAGE_CATALOG);
        return category;
    }

    /** The business as it is now, once no other change to it can run beside this transaction's. */
    private Business lockedForChange(BusinessId businessId) {
        businesses.lockForChange(businessId);
        return businesses.findById(businessId).orElseThrow(() -> new NotFoundException("business"));
    }

    private void requireProviders(BusinessId businessId, Set<ProviderId> wanted) {
        for (ProviderId provider : wanted) {
            providers.findById(businessId, provider).orElseThrow(() -> new NotFoundException("provider"));
        }
    }

    private ServiceCategory requireCategory(BusinessId businessId, ServiceCategoryId id) {
        return categories.findById(businessId, id).orElseThrow(() -> new NotFoundException("category"));
    }

    /** A deposit of zero is no deposit. */
    private static Optional<Money> deposit(Optional<BigDecimal> amount, Business business) {
        return amount.filter(a -> a.signum() != 0).map(a -> new Money(a, business.currency()));
    }
}
