package com.voiceappoint.adapter.persistence;

import static com.voiceappoint.adapter.persistence.PostgresErrors.translate;

import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceCategoryId;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Update;

public final class JdbiServiceRepository implements ServiceRepository {
    private static final String COLUMNS = "business_id, id, category_id, name, description, duration_minutes, "
            + "price_amount, price_currency, deposit_amount, buffer_before_minutes, buffer_after_minutes, "
            + "voice_booking_enabled, active";

    private final Jdbi jdbi;
    private final ConfigurationCache configuration;

    JdbiServiceRepository(Jdbi jdbi, ConfigurationCache configuration) {
        this.jdbi = jdbi;
        this.configuration = configuration;
    }

    @Override
    public void add(Service service) {
        translate(() -> jdbi.useTransaction(h -> {
            bind(
                            h.createUpdate(
                                    "insert into services (" + COLUMNS + ") values (:business, :id, :category, :name, "
                                            + ":description, :duration, :price, :currency, :deposit, :before, :after, :voice, "
                                            + ":active)"),
                            service)
                    .execute();
            insertPerformers(h, service);
        }));
        configuration.changed(service.businessId());
    }

    @Override
    public void update(Service service) {
        translate(() -> jdbi.useTransaction(h -> {
            bind(
                            h.createUpdate("update services set category_id = :category, name = :name, "
                                    + "description = :description, duration_minutes = :duration, price_amount = :price, "
                                    + "price_currency = :currency, deposit_amount = :deposit, "
                                    + "buffer_before_minutes = :before, buffer_after_minutes = :after, "
                                    + "voice_booking_enabled = :voice, active = :active, updated_at = now() "
                                    + "where business_id = :business and id = :id"),
                            service)
                    .execute();
            h.createUpdate("delete from service_providers where business_id = :business and service_id = :id")
                    .bind("business", service.businessId().value())
                    .bind("id", service.id().value())
                    .execute();
            insertPerformers(h, service);
        }));
        configuration.changed(service.businessId());
    }

    @Override
    public boolean remove(BusinessId businessId, ServiceId id) {
        boolean removed = jdbi.inTransaction(h -> {
            h.createUpdate("delete from service_providers where business_id = :business and service_id = :id")
                    .bind("business", businessId.value())
                    .bind("id", id.value())
                    .execute();
            return h.createUpdate("delete from services where business_id = :business and id = :id")
                            .bind("business", businessId.value())
                            .bind("id", id.value())
                            .execute()
                    > 0;
        });
        configuration.changed(businessId);
        return removed;
    }

    @Override
    public Optional<Service> findById(BusinessId businessId, ServiceId id) {
        return all(businessId).stream().filter(s -> s.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Service> findById(Collection<BusinessId> scope, ServiceId id) {
        if (scope.size() <= 1) {
            return scope.stream().findFirst().flatMap(business -> findById(business, id));
        }
        return jdbi.withHandle(h -> h.createQuery(
                        "select " + COLUMNS + " from services where id = :id and business_id = any(:scope)")
                .bind("id", id.value())
                .bindArray(
                        "scope",
                        UUID.class,
                        scope.stream().map(BusinessId::value).toList())
                .map((rs, ctx) -> rs.getObject("business_id", UUID.class))
                .findOne()
                .flatMap(business -> services(h, new BusinessId(business), "and id = :id", id).stream()
                        .findFirst()));
    }

    @Override
    public List<Service> findByBusiness(BusinessId businessId, boolean includeInactive) {
        List<Service> all = all(businessId);
        return includeInactive ? all : all.stream().filter(Service::active).toList();
    }

    /** Every service of the business, inactive ones too, in name order. */
    private List<Service> all(BusinessId businessId) {
        return configuration.get(
                businessId,
                ConfigurationCache.Part.SERVICES,
                () -> jdbi.withHandle(h -> services(h, businessId, "", null)));
    }

    private static Update bind(Update statement, Service service) {
        return statement
                .bind("business", service.businessId().value())
                .bind("id", service.id().value())
                .bind(
                        "category",
                        service.categoryId().map(ServiceCategoryId::value).orElse(null))
                .bind("name", service.name())
                .bind("description", service.description())
                .bind("duration", service.duration().toMinutes())
                .bind("price", service.price().amount())
                .bind("currency", service.price().currency().getCurrencyCode())
                .bind("deposit", service.deposit().map(Money::amount).orElse(null))
                .bind("before", service.bufferBefore().toMinutes())
                .bind("after", service.bufferAfter().toMinutes())
                .bind("voice", service.voiceBookingEnabled())
                .bind("active", service.active());
    }

    private static void insertPerformers(Handle h, Service service) {
        if (service.providers().isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("insert into service_providers (business_id, service_id, provider_id) "
                + "values (:business, :service, :provider)");
        service.providers()
                .forEach(p -> batch.bind("business", service.businessId().value())
                        .bind("service", service.id().value())
                        .bind("provider", p.value())
                        .add());
        batch.execute();
    }

    private static List<Service> services(Handle h, BusinessId businessId, String condition, ServiceId id) {
        Map<ServiceId, Set<ProviderId>> performers = performers(h, businessId, id);
        var query = h.createQuery("select " + COLUMNS + " from services where business_id = :business " + condition
                        + " order by name, id")
                .bind("business", businessId.value());
        if (id != null) {
            query.bind("id", id.value());
        }
        return query.map((rs, ctx) -> {
                    ServiceId serviceId = new ServiceId(Rows.uuid(rs, "id"));
                    Currency currency = Currency.getInstance(rs.getString("price_currency"));
                    BigDecimal deposit = rs.getBigDecimal("deposit_amount");
                    return new Service(
                            serviceId,
                            businessId,
                            Rows.optionalUuid(rs, "category_id").map(ServiceCategoryId::new),
                            rs.getString("name"),
                            rs.getString("description"),
                            Duration.ofMinutes(rs.getInt("duration_minutes")),
                            new Money(rs.getBigDecimal("price_amount"), currency),
                            Duration.ofMinutes(rs.getInt("buffer_before_minutes")),
                            Duration.ofMinutes(rs.getInt("buffer_after_minutes")),
                            rs.getBoolean("voice_booking_enabled"),
                            rs.getBoolean("active"),
                            performers.getOrDefault(serviceId, Set.of()),
                            Optional.ofNullable(deposit).map(amount -> new Money(amount, currency)));
                })
                .list();
    }

    private static Map<ServiceId, Set<ProviderId>> performers(Handle h, BusinessId businessId, ServiceId only) {
        Map<ServiceId, Set<ProviderId>> result = new HashMap<>();
        h.createQuery("select service_id, provider_id from service_providers where business_id = :business"
                        + (only == null ? "" : " and service_id = :id"))
                .bind("business", businessId.value())
                .bind("id", only == null ? null : only.value())
                .map((rs, ctx) -> result.computeIfAbsent(
                                new ServiceId(Rows.uuid(rs, "service_id")), s -> new HashSet<>())
                        .add(new ProviderId(Rows.uuid(rs, "provider_id"))))
                .list();
        return result;
    }
}
