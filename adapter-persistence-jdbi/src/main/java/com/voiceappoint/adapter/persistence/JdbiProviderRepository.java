package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.WeeklyHours;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

public final class JdbiProviderRepository implements ProviderRepository {
    private final Jdbi jdbi;
    private final ConfigurationCache configuration;

    JdbiProviderRepository(Jdbi jdbi, ConfigurationCache configuration) {
        this.jdbi = jdbi;
        this.configuration = configuration;
    }

    @Override
    public void add(Provider provider) {
        PostgresErrors.translate(() -> jdbi.useTransaction(h -> {
            h.createUpdate("insert into providers (business_id, id, user_id, display_name, has_own_hours, active) "
                            + "values (:business, :id, :user, :name, :ownHours, :active)")
                    .bind("business", provider.businessId().value())
                    .bind("id", provider.id().value())
                    .bind("user", provider.userId().map(UserId::value).orElse(null))
                    .bind("name", provider.displayName())
                    .bind("ownHours", provider.workingHours().isPresent())
                    .bind("active", provider.active())
                    .execute();
            provider.workingHours()
                    .ifPresent(hours ->
                            WeeklyHoursRows.replace(h, provider.businessId(), Optional.of(provider.id()), hours));
        }));
        configuration.changed(provider.businessId());
    }

    @Override
    public void update(Provider provider) {
        PostgresErrors.translate(() -> jdbi.useTransaction(h -> {
            h.createUpdate("update providers set user_id = :user, display_name = :name, has_own_hours = :ownHours, "
                            + "active = :active where business_id = :business and id = :id")
                    .bind("business", provider.businessId().value())
                    .bind("id", provider.id().value())
                    .bind("user", provider.userId().map(UserId::value).orElse(null))
                    .bind("name", provider.displayName())
                    .bind("ownHours", provider.workingHours().isPresent())
                    .bind("active", provider.active())
                    .execute();
            WeeklyHoursRows.replace(
                    h,
                    provider.businessId(),
                    Optional.of(provider.id()),
                    provider.workingHours().orElse(WeeklyHours.CLOSED));
        }));
        configuration.changed(provider.businessId());
    }

    @Override
    public Optional<Provider> findById(BusinessId businessId, ProviderId id) {
        return find(businessId, p -> p.id().equals(id)).stream().findFirst();
    }

    @Override
    public Optional<Provider> findByUser(BusinessId businessId, UserId userId) {
        return find(businessId, p -> p.userId().equals(Optional.of(userId))).stream()
                .findFirst();
    }

    @Override
    public List<Provider> findByBusiness(BusinessId businessId) {
        return find(businessId, p -> true);
    }

    /** A business has a handful of providers: read them all with their hours in two queries, then filter. */
    private List<Provider> find(BusinessId businessId, Predicate<Provider> filter) {
        List<Provider> all = configuration.get(
                businessId,
                ConfigurationCache.Part.PROVIDERS,
                () -> jdbi.withHandle(h -> providers(h, businessId, WeeklyHoursRows.readAll(h, businessId))));
        return all.stream().filter(filter).toList();
    }

    private static List<Provider> providers(
            Handle h, BusinessId businessId, Map<Optional<ProviderId>, WeeklyHours> hours) {
        return h.createQuery("select id, user_id, display_name, has_own_hours, active from providers "
                        + "where business_id = :business order by position")
                .bind("business", businessId.value())
                .map((rs, ctx) -> {
                    ProviderId id = new ProviderId(Rows.uuid(rs, "id"));
                    Optional<WeeklyHours> own = rs.getBoolean("has_own_hours")
                            ? Optional.of(hours.getOrDefault(Optional.of(id), WeeklyHours.CLOSED))
                            : Optional.empty();
                    return new Provider(
                            id,
                            businessId,
                            Rows.optionalUuid(rs, "user_id").map(UserId::new),
                            rs.getString("display_name"),
                            own,
                            rs.getBoolean("active"));
                })
                .list();
    }
}
