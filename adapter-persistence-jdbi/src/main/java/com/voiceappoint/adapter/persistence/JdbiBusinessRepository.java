package com.voiceappoint.adapter.persistence;

import static com.voiceappoint.adapter.persistence.PostgresErrors.translate;

import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.domain.business.BookingPolicy;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.BusinessType;
import com.voiceappoint.domain.business.DashboardConfig;
import com.voiceappoint.domain.business.OnboardingStatus;
import com.voiceappoint.domain.business.Slug;
import com.voiceappoint.domain.shared.CountryCode;
import com.voiceappoint.domain.shared.Language;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

public final class JdbiBusinessRepository implements BusinessRepository {
    private static final String COLUMNS = "id, slug, name, business_type, language, timezone, currency, "
            + "allow_voice_booking, slot_step_minutes, minimum_notice_minutes, maximum_advance_minutes, "
            + "cancellation_cutoff_minutes, hold_minutes, country";
    /** What is read of a business: what is written, and whether an operator suspended it (JdbiPlatformRepository). */
    static final String READ_COLUMNS = COLUMNS + ", suspended";

    private final Jdbi jdbi;
    private final ConfigurationCache configuration;

    JdbiBusinessRepository(Jdbi jdbi, ConfigurationCache configuration) {
        this.jdbi = jdbi;
        this.configuration = configuration;
    }

    @Override
    public void add(Business business, DashboardConfig dashboard, OnboardingStatus onboarding) {
        translate(() -> jdbi.useHandle(h -> {
            h.createUpdate("insert into businesses (" + COLUMNS + ") values (:id, :slug, :name, :type, :language, "
                            + ":timezone, :currency, :voice, :step, :notice, :advance, :cutoff, :hold, :country)")
                    .bind("slug", business.slug().value())
                    .bindMap(values(business))
                    .execute();
            h.createUpdate("insert into business_dashboard_configs (business_id, default_view, first_day_of_week, "
                            + "show_cancelled) values (:id, :view, :firstDay, :showCancelled)")
                    .bind("id", business.id().value())
                    .bind("view", dashboard.defaultView().code())
                    .bind("firstDay", dashboard.firstDayOfWeek().getValue())
                    .bind("showCancelled", dashboard.showCancelled())
                    .execute();
            h.createUpdate("insert into business_onboarding (business_id, completed_steps) values (:id, :steps)")
                    .bind("id", business.id().value())
                    .bindArray(
                            "steps",
                            String.class,
                            onboarding.completed().stream()
                                    .map(OnboardingStatus.Step::code)
                                    .toList())
                    .execute();
        }));
        configuration.changed(business.id());
    }

    @Override
    public void update(Business business) {
        jdbi.useHandle(h -> h.createUpdate("update businesses set name = :name, business_type = :type, "
                        + "language = :language, timezone = :timezone, currency = :currency, "
                        + "allow_voice_booking = :voice, slot_step_minutes = :step, minimum_notice_minutes = :notice, "
                        + "maximum_advance_minutes = :advance, cancellation_cutoff_minutes = :cutoff, "
                        + "hold_minutes = :hold, country = :country, updated_at = now() "
                        + "where id = :id and deleted_at is null")
                .bindMap(values(business))
                .execute());
        configuration.changed(business.id());
    }

    /** Everything but the slug, which never changes. */
    private static Map<String, Object> values(Business business) {
        BookingPolicy policy = business.policy();
        Map<String, Object> values = new HashMap<>();
        values.put("id", business.id().value());
        values.put("name", business.name());
        values.put("type", business.type().code());
        values.put("language", business.language().code());
        values.put("timezone", business.zone().getId());
        values.put("currency", business.currency().getCurrencyCode());
        values.put("voice", business.allowVoiceBooking());
        values.put("step", policy.slotStep().toMinutes());
        values.put("notice", policy.minimumNotice().toMinutes());
        values.put("advance", policy.maximumAdvance().toMinutes());
        values.put("cutoff", policy.cancellationCutoff().toMinutes());
        values.put("hold", policy.holdDuration().toMinutes());
        values.put("country", business.country().map(CountryCode::value).orElse(null));
        return values;
    }

    @Override
    public void softDelete(BusinessId id, Instant at) {
        jdbi.useHandle(
                h -> h.createUpdate("update businesses set deleted_at = :at where id = :id and deleted_at is null")
                        .bind("id", id.value())
                        .bind("at", Rows.timestamp(at))
                        .execute());
        configuration.changed(id);
    }

    @Override
    public Optional<Business> findById(BusinessId id) {
        return configuration.get(
                id,
                ConfigurationCache.Part.BUSINESS,
                () -> jdbi.withHandle(h -> h.createQuery(
                                "select " + READ_COLUMNS + " from businesses where id = :id and deleted_at is null")
                        .bind("id", id.value())
                        .map(JdbiBusinessRepository::business)
                        .findOne()));
    }

    @Override
    public void lockForChange(BusinessId id) {
        // "no key update": bookings' foreign-key checks on the row (key share) go on unhindered
        jdbi.useHandle(h -> h.createQuery("select 1 from businesses where id = :id for no key update")
                .bind("id", id.value())
                .mapTo(Integer.class)
                .findOne());
        configuration.lockedForChange(id);
    }

    @Override
    public List<Business> findByIds(Collection<BusinessId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery(
                        "select " + READ_COLUMNS + " from businesses where id = any(:ids) and deleted_at is null")
                .bindArray(
                        "ids", UUID.class, ids.stream().map(BusinessId::value).toList())
                .map(JdbiBusinessRepository::business)
                .list());
    }

    @Override
    public Optional<Business> findBySlug(Slug slug) {
        return configuration.lookup(
                "slug",
                slug.value(),
                () -> jdbi.withHandle(h -> h.createQuery(
                                "select " + READ_COLUMNS + " from businesses where slug = :slug and deleted_at is null")
                        .bind("slug", slug.value())
                        .map(JdbiBusinessRepository::business)
                        .findOne()),
                found -> found.map(Business::id));
    }

    @Override
    public boolean slugExists(Slug slug) {
        return jdbi.withHandle(h -> h.createQuery("select exists (select 1 from businesses where slug = :slug)")
                .bind("slug", slug.value())
                .mapTo(Boolean.class)
                .one());
    }

    @Override
    public Optional<DashboardConfig> dashboardConfig(BusinessId id) {
        return jdbi.withHandle(h -> h.createQuery("select default_view, first_day_of_week, show_cancelled "
                        + "from business_dashboard_configs where business_id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> new DashboardConfig(
                        id,
                        DashboardConfig.CalendarView.valueOf(
                                rs.getString("default_view").toUpperCase(Locale.ROOT)),
                        DayOfWeek.of(rs.getInt("first_day_of_week")),
                        rs.getBoolean("show_cancelled")))
                .findOne());
    }

    @Override
    public Optional<OnboardingStatus> onboardingStatus(BusinessId id) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select completed_steps from business_onboarding where business_id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> new OnboardingStatus(id, steps(rs.getArray("completed_steps"))))
                .findOne());
    }

    @Override
    public void saveDashboardConfig(DashboardConfig config) {
        jdbi.useHandle(h -> h.createUpdate("update business_dashboard_configs set default_view = :view, "
                        + "first_day_of_week = :firstDay, show_cancelled = :showCancelled where business_id = :id")
                .bind("id", config.businessId().value())
                .bind("view", config.defaultView().code())
                .bind("firstDay", config.firstDayOfWeek().getValue())
                .bind("showCancelled", config.showCancelled())
                .execute());
    }

    @Override
    public void saveOnboardingStatus(OnboardingStatus status) {
        jdbi.useHandle(
                h -> h.createUpdate("update business_onboarding set completed_steps = :steps where business_id = :id")
                        .bind("id", status.businessId().value())
                        .bindArray(
                                "steps",
                                String.class,
                                status.completed().stream()
                                        .map(OnboardingStatus.Step::code)
                                        .sorted()
                                        .toList())
                        .execute());
    }

    @Override
    public void completeOnboardingStep(BusinessId id, OnboardingStatus.Step step) {
        jdbi.useHandle(h -> h.createUpdate("update business_onboarding "
                        + "set completed_steps = array_append(completed_steps, :step) "
                        + "where business_id = :id and not (:step = any(completed_steps))")
                .bind("id", id.value())
                .bind("step", step.code())
                .execute());
    }

    private static Set<OnboardingStatus.Step> steps(Array array) throws SQLException {
        Set<OnboardingStatus.Step> steps = EnumSet.noneOf(OnboardingStatus.Step.class);
        for (Object code : (Object[]) array.getArray()) {
            steps.add(OnboardingStatus.Step.valueOf(((String) code).toUpperCase(Locale.ROOT)));
        }
        return steps;
    }

    static Business business(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Business(
                new BusinessId(Rows.uuid(rs, "id")),
                new Slug(rs.getString("slug")),
                rs.getString("name"),
                BusinessType.parse(rs.getString("business_type")),
                Language.parse(rs.getString("language"), "language"),
                ZoneId.of(rs.getString("timezone")),
                Currency.getInstance(rs.getString("currency")),
                rs.getBoolean("allow_voice_booking"),
                new BookingPolicy(
                        Duration.ofMinutes(rs.getInt("slot_step_minutes")),
                        Duration.ofMinutes(rs.getInt("minimum_notice_minutes")),
                        Duration.ofMinutes(rs.getInt("maximum_advance_minutes")),
                        Duration.ofMinutes(rs.getInt("cancellation_cutoff_minutes")),
                        Duration.ofMinutes(rs.getInt("hold_minutes"))),
                Rows.optionalString(rs, "country").map(CountryCode::new),
                rs.getBoolean("suspended"));
    }
}
