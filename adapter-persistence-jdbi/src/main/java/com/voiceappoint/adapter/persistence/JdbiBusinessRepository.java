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
import com.voiceappoint.domain.shared.Language;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

public final class JdbiBusinessRepository implements BusinessRepository {
    private static final String COLUMNS = "id, slug, name, business_type, language, timezone, currency, "
            + "allow_voice_booking, slot_step_minutes, minimum_notice_minutes, maximum_advance_minutes, "
            + "cancellation_cutoff_minutes, hold_minutes";

    private final Jdbi jdbi;

    JdbiBusinessRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(Business business, DashboardConfig dashboard, OnboardingStatus onboarding) {
        translate(() -> jdbi.useHandle(h -> {
            BookingPolicy policy = business.policy();
            h.createUpdate("insert into businesses (" + COLUMNS + ") values (:id, :slug, :name, :type, :language, "
                            + ":timezone, :currency, :voice, :step, :notice, :advance, :cutoff, :hold)")
                    .bind("id", business.id().value())
                    .bind("slug", business.slug().value())
                    .bind("name", business.name())
                    .bind("type", business.type().code())
                    .bind("language", business.language().code())
                    .bind("timezone", business.zone().getId())
                    .bind("currency", business.currency().getCurrencyCode())
                    .bind("voice", business.allowVoiceBooking())
                    .bind("step", policy.slotStep().toMinutes())
                    .bind("notice", policy.minimumNotice().toMinutes())
                    .bind("advance", policy.maximumAdvance().toMinutes())
                    .bind("cutoff", policy.cancellationCutoff().toMinutes())
                    .bind("hold", policy.holdDuration().toMinutes())
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
    }

    @Override
    public Optional<Business> findById(BusinessId id) {
        return jdbi.withHandle(
                h -> h.createQuery("select " + COLUMNS + " from businesses where id = :id and deleted_at is null")
                        .bind("id", id.value())
                        .map(JdbiBusinessRepository::business)
                        .findOne());
    }

    @Override
    public List<Business> findByIds(Collection<BusinessId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery(
                        "select " + COLUMNS + " from businesses where id = any(:ids) and deleted_at is null")
                .bindArray(
                        "ids", UUID.class, ids.stream().map(BusinessId::value).toList())
                .map(JdbiBusinessRepository::business)
                .list());
    }

    @Override
    public Optional<Business> findBySlug(Slug slug) {
        return jdbi.withHandle(
                h -> h.createQuery("select " + COLUMNS + " from businesses where slug = :slug and deleted_at is null")
                        .bind("slug", slug.value())
                        .map(JdbiBusinessRepository::business)
                        .findOne());
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
                        Duration.ofMinutes(rs.getInt("hold_minutes"))));
    }
}
