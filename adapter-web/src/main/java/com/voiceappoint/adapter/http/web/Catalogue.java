package com.voiceappoint.adapter.http.web;

import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceCategory;
import com.voiceappoint.domain.schedule.Provider;
import java.util.List;

/** What the catalogue pages show: services in name order, categories in their order, the business's providers. */
public record Catalogue(List<Service> services, List<ServiceCategory> categories, List<Provider> providers) {
    public String categoryName(Service service) {
        return service.categoryId()
                .flatMap(
                        id -> categories.stream().filter(c -> c.id().equals(id)).findFirst())
                .map(ServiceCategory::name)
                .orElse("");
    }

    public String categoryValue(Service service) {
        return service.categoryId().map(id -> id.value().toString()).orElse("");
    }

    /** The names of who performs the service; empty when everyone does. */
    public List<String> performers(Service service) {
        return providers.stream()
                .filter(p -> service.providers().contains(p.id()))
                .map(Provider::displayName)
                .toList();
    }
}
