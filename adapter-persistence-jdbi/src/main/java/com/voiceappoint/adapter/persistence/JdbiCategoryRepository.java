package com.voiceappoint.adapter.persistence;

import static com.voiceappoint.adapter.persistence.PostgresErrors.translate;

import com.voiceappoint.application.port.out.CategoryRepository;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.ServiceCategory;
import com.voiceappoint.domain.catalog.ServiceCategoryId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

public final class JdbiCategoryRepository implements CategoryRepository {
    private final Jdbi jdbi;
    private final ConfigurationCache configuration;

    JdbiCategoryRepository(Jdbi jdbi, ConfigurationCache configuration) {
        this.jdbi = jdbi;
        this.configuration = configuration;
    }

    @Override
    public void add(ServiceCategory category) {
        translate(() -> jdbi.useHandle(h -> h.createUpdate("insert into service_categories (business_id, id, name, "
                        + "position) values (:business, :id, :name, :position)")
                .bind("business", category.businessId().value())
                .bind("id", category.id().value())
                .bind("name", category.name())
                .bind("position", category.position())
                .execute()));
    }

    @Override
    public void update(ServiceCategory category) {
        translate(() -> jdbi.useHandle(h -> h.createUpdate("update service_categories set name = :name, "
                        + "position = :position where business_id = :business and id = :id")
                .bind("business", category.businessId().value())
                .bind("id", category.id().value())
                .bind("name", category.name())
                .bind("position", category.position())
                .execute()));
    }

    @Override
    public boolean remove(BusinessId businessId, ServiceCategoryId id) {
        // the services it held lose their category: a change to the business's catalogue
        boolean removed = jdbi.inTransaction(h -> {
            h.createUpdate("update services set category_id = null where business_id = :business and category_id = :id")
                    .bind("business", businessId.value())
                    .bind("id", id.value())
                    .execute();
            return h.createUpdate("delete from service_categories where business_id = :business and id = :id")
                            .bind("business", businessId.value())
                            .bind("id", id.value())
                            .execute()
                    > 0;
        });
        configuration.changed(businessId);
        return removed;
    }

    @Override
    public Optional<ServiceCategory> findById(BusinessId businessId, ServiceCategoryId id) {
        return findById(List.of(businessId), id);
    }

    @Override
    public Optional<ServiceCategory> findById(Collection<BusinessId> scope, ServiceCategoryId id) {
        if (scope.isEmpty()) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("select business_id, id, name, position from service_categories "
                        + "where business_id = any(:scope) and id = :id")
                .bindArray(
                        "scope",
                        UUID.class,
                        scope.stream().map(BusinessId::value).toList())
                .bind("id", id.value())
                .map((rs, ctx) -> new ServiceCategory(
                        new ServiceCategoryId(Rows.uuid(rs, "id")),
                        new BusinessId(Rows.uuid(rs, "business_id")),
                        rs.getString("name"),
                        rs.getInt("position")))
                .findOne());
    }

    @Override
    public List<ServiceCategory> findByBusiness(BusinessId businessId) {
        return jdbi.withHandle(h -> h.createQuery("select id, name, position from service_categories "
                        + "where business_id = :business order by position, name")
                .bind("business", businessId.value())
                .map((rs, ctx) -> new ServiceCategory(
                        new ServiceCategoryId(Rows.uuid(rs, "id")),
                        businessId,
                        rs.getString("name"),
                        rs.getInt("position")))
                .list());
    }
}
