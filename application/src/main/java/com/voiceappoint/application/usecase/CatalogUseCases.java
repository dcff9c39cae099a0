package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.application.port.in.ListServicesQuery;
import com.voiceappoint.application.port.in.ManageServicesUseCase;
import com.voiceappoint.application.port.in.ServiceCategoriesUseCase;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.CategoryRepository;
import com.voiceappoint.application.port.out.MembershipRepository;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.application.port.out.TransactionRunner;

/**
 * A business's catalogue: its services (who performs them, their price and buffers) and the categories they are
 * sorted in, on the ports that takes. Appointments are read only to say whether a service has any, which
 * decides whether removing it deletes it or retires it.
 */
public final class CatalogUseCases {
    private final CatalogInteractor catalog;

    public CatalogUseCases(
            TransactionRunner transactions,
            BusinessRepository businesses,
            MembershipRepository memberships,
            ServiceRepository services,
            CategoryRepository categories,
            ProviderRepository providers,
            AppointmentRepository appointments) {
        this.catalog = new CatalogInteractor(
                new BusinessAccess(businesses, memberships),
                transactions,
                businesses,
                services,
                categories,
                providers,
                appointments);
    }

    public CreateServiceUseCase createService() {
        return catalog;
    }

    public ListServicesQuery listServices() {
        return catalog;
    }

    public ManageServicesUseCase services() {
        return catalog;
    }

    public ServiceCategoriesUseCase categories() {
        return catalog;
    }
}
