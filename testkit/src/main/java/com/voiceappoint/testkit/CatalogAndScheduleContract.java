package com.voiceappoint.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.port.out.CategoryRepository;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.port.out.ScheduleRepository;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceCategory;
import com.voiceappoint.domain.catalog.ServiceCategoryId;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.TimeOff;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every implementation of the provider, service and schedule ports must do. */
public abstract class CatalogAndScheduleContract<
        P extends ProviderRepository,
        S extends ServiceRepository,
        C extends CategoryRepository,
        H extends ScheduleRepository> {
    protected P providers;
    protected S services;
    protected C categories;
    protected H schedules;
    protected TestData data;
    private TestData.Tenant tenant;

    /**
     * The stores under test, made anew before each test, and the {@link TestData} that writes what they refer to
     * into the same database.
     */
    protected abstract P createProviderRepository();

    protected abstract S createServiceRepository();

    protected abstract C createCategoryRepository();

    protected abstract H createScheduleRepository();

    protected abstract TestData testData();

    @BeforeEach
    void setUpPorts() {
        providers = createProviderRepository();
        services = createServiceRepository();
        categories = createCategoryRepository();
        schedules = createScheduleRepository();
        data = testData();
        tenant = data.tenant();
    }

    @Test
    void providers_come_back_in_the_order_they_were_added() {
        Provider second = data.provider(tenant.id(), Optional.empty(), "Bea");
        Provider third = data.provider(tenant.id(), Optional.empty(), "Ana");

        assertThat(providers.findByBusiness(tenant.id())).containsExactly(tenant.provider(), second, third);
        assertThat(providers.findByUser(tenant.id(), tenant.owner().id())).contains(tenant.provider());
        assertThat(providers.findById(data.tenant().id(), second.id())).isEmpty();
    }

    @Test
    void a_provider_keeps_their_own_working_hours() {
        WeeklyHours hours = WeeklyHours.sameOn(List.of(DayOfWeek.MONDAY), List.of(OpeningWindow.of("10:00", "14:00")));
        Provider provider =
                new Provider(ProviderId.random(), tenant.id(), Optional.empty(), "Part-time", Optional.of(hours), true);
        providers.add(provider);

        assertThat(providers.findById(tenant.id(), provider.id())).contains(provider);
    }

    @Test
    void a_service_round_trips_with_price_buffers_and_performers() {
        Service service = new Service(
                ServiceId.random(),
                tenant.id(),
                Optional.empty(),
                "Colour",
                "Full head",
                Duration.ofMinutes(90),
                Money.of("64.90", "EUR"),
                Duration.ofMinutes(5),
                Duration.ofMinutes(15),
                false,
                true,
                Set.of(tenant.provider().id()),
                Optional.of(Money.of("10", "EUR")));
        services.add(service);

        assertThat(services.findById(tenant.id(), service.id())).contains(service);
        assertThat(services.findById(data.tenant().id(), service.id())).isEmpty();
    }

    @Test
    void services_list_by_name_and_hide_inactive_ones_unless_asked_and_a_retired_name_can_be_reused() {
        Service cut = data.service(tenant.id(), "Cut", 30);
        Service beard = data.service(tenant.id(), "Beard", 15);
        Service old = TestData.newService(tenant.id(), "Old perm", 60).deactivated();
        services.add(old);
        Service oldAgain = data.service(tenant.id(), "Old perm", 45);

        assertThat(services.findByBusiness(tenant.id(), false)).containsExactly(beard, cut, oldAgain);
        assertThat(services.findByBusiness(tenant.id(), true)).containsExactlyInAnyOrder(beard, cut, old, oldAgain);
    }

    @Test
    void two_active_services_cannot_share_a_name() {
        data.service(tenant.id(), "Cut", 30);

        assertThatThrownBy(() -> data.service(tenant.id(), "cut", 45))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class,
                        e -> assertThat(e.key()).isEqualTo(DuplicateKeyException.Key.SERVICE_NAME));
    }

    @Test
    void weekly_hours_are_closed_until_set_and_replaced_as_a_whole() {
        assertThat(schedules.weeklyHours(tenant.id())).isEqualTo(WeeklyHours.CLOSED);
        WeeklyHours split = WeeklyHours.of(Map.of(
                DayOfWeek.MONDAY,
                List.of(OpeningWindow.of("09:00", "13:30"), OpeningWindow.of("16:00", "20:00")),
                DayOfWeek.SATURDAY,
                List.of(OpeningWindow.of("18:00", "24:00"))));
        schedules.replaceWeeklyHours(tenant.id(), split);
        assertThat(schedules.weeklyHours(tenant.id())).isEqualTo(split);

        WeeklyHours fullDays = WeeklyHours.sameOn(
                List.of(DayOfWeek.SUNDAY), List.of(new OpeningWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
        schedules.replaceWeeklyHours(tenant.id(), fullDays);
        assertThat(schedules.weeklyHours(tenant.id())).isEqualTo(fullDays);
        assertThat(schedules.weeklyHours(BusinessId.random())).isEqualTo(WeeklyHours.CLOSED);
    }

    @Test
    void special_days_are_saved_per_date_and_provider_listed_by_range_and_removed() {
        LocalDate christmas = LocalDate.parse("2026-12-25");
        LocalDate eve = LocalDate.parse("2026-12-24");
        SpecialDay closed = SpecialDay.closure(christmas, "Christmas");
        SpecialDay shortDay = new SpecialDay(Optional.empty(), eve, List.of(OpeningWindow.of("09:00", "14:00")), "Eve");
        SpecialDay providerOff = new SpecialDay(Optional.of(tenant.provider().id()), eve, List.of(), "Lola off");
        schedules.saveSpecialDay(tenant.id(), closed);
        schedules.saveSpecialDay(tenant.id(), shortDay);
        schedules.saveSpecialDay(tenant.id(), providerOff);

        assertThat(schedules.specialDays(tenant.id(), eve, christmas))
                .containsExactlyInAnyOrder(closed, shortDay, providerOff);
        assertThat(schedules.specialDays(tenant.id(), christmas, christmas)).containsExactly(closed);

        SpecialDay reopened =
                new SpecialDay(Optional.empty(), christmas, List.of(OpeningWindow.of("10:00", "12:00")), "");
        schedules.saveSpecialDay(tenant.id(), reopened);
        assertThat(schedules.specialDays(tenant.id(), christmas, christmas)).containsExactly(reopened);

        assertThat(schedules.removeSpecialDay(
                        tenant.id(), Optional.of(tenant.provider().id()), eve))
                .isTrue();
        assertThat(schedules.removeSpecialDay(
                        tenant.id(), Optional.of(tenant.provider().id()), eve))
                .isFalse();
        assertThat(schedules.specialDays(tenant.id(), eve, eve)).containsExactly(shortDay);
        assertThat(schedules.specialDays(data.tenant().id(), eve, christmas)).isEmpty();
    }

    @Test
    void time_off_is_found_by_overlap() {
        Instant nine = Instant.parse("2026-12-01T08:00:00Z");
        TimeOff dentist = new TimeOff(
                UUID.randomUUID(),
                tenant.provider().id(),
                new TimeRange(nine, nine.plus(Duration.ofHours(2))),
                "dentist");
        schedules.addTimeOff(tenant.id(), dentist);

        assertThat(schedules.timeOff(tenant.id(), new TimeRange(nine.plusSeconds(3600), nine.plusSeconds(9000))))
                .containsExactly(dentist);
        assertThat(schedules.timeOff(tenant.id(), new TimeRange(nine.plusSeconds(7200), nine.plusSeconds(9000))))
                .isEmpty();
    }

    @Test
    void categories_are_listed_by_position_renamed_and_removed_leaving_their_services() {
        ServiceCategory hair = new ServiceCategory(ServiceCategoryId.random(), tenant.id(), "Hair", 1);
        ServiceCategory nails = new ServiceCategory(ServiceCategoryId.random(), tenant.id(), "Nails", 0);
        categories.add(hair);
        categories.add(nails);
        Service cut = new Service(
                ServiceId.random(),
                tenant.id(),
                Optional.of(hair.id()),
                "Cut",
                "",
                Duration.ofMinutes(30),
                Money.of("20", "EUR"),
                Duration.ZERO,
                Duration.ZERO,
                true,
                true,
                Set.of(),
                Optional.empty());
        services.add(cut);

        assertThat(categories.findByBusiness(tenant.id())).containsExactly(nails, hair);
        assertThatThrownBy(
                        () -> categories.add(new ServiceCategory(ServiceCategoryId.random(), tenant.id(), "hair", 3)))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class,
                        e -> assertThat(e.key()).isEqualTo(DuplicateKeyException.Key.CATEGORY_NAME));
        ServiceCategory renamed = new ServiceCategory(hair.id(), tenant.id(), "Hair & beard", 1);
        categories.update(renamed);
        assertThat(categories.findById(tenant.id(), hair.id())).contains(renamed);
        assertThat(categories.findById(List.of(data.tenant().id(), tenant.id()), hair.id()))
                .contains(renamed);
        assertThat(categories.findById(List.of(data.tenant().id()), hair.id())).isEmpty();

        assertThat(categories.remove(tenant.id(), hair.id())).isTrue();
        assertThat(categories.findById(tenant.id(), hair.id())).isEmpty();
        assertThat(services.findById(tenant.id(), cut.id()))
                .hasValueSatisfying(s -> assertThat(s.categoryId()).isEmpty());
    }

    @Test
    void a_service_is_updated_found_within_a_scope_and_removed() {
        Service cut = data.service(tenant.id(), "Cut", 30);
        Service changed = new Service(
                cut.id(),
                tenant.id(),
                Optional.empty(),
                "Long cut",
                "more",
                Duration.ofMinutes(45),
                Money.of("30", "EUR"),
                Duration.ofMinutes(5),
                Duration.ZERO,
                false,
                true,
                Set.of(tenant.provider().id()),
                Optional.of(Money.of("5", "EUR")));

        services.update(changed);

        assertThat(services.findById(List.of(tenant.id()), cut.id())).contains(changed);
        assertThat(services.findById(List.of(data.tenant().id()), cut.id())).isEmpty();
        assertThat(services.remove(tenant.id(), cut.id())).isTrue();
        assertThat(services.findById(tenant.id(), cut.id())).isEmpty();
    }

    @Test
    void time_off_is_found_by_id_and_removed() {
        Instant nine = Instant.parse("2026-12-01T08:00:00Z");
        TimeOff training = new TimeOff(
                UUID.randomUUID(),
                tenant.provider().id(),
                new TimeRange(nine, nine.plus(Duration.ofHours(8))),
                "training");
        schedules.addTimeOff(tenant.id(), training);

        assertThat(schedules.findTimeOff(tenant.id(), training.id())).contains(training);
        assertThat(schedules.findTimeOff(data.tenant().id(), training.id())).isEmpty();
        assertThat(schedules.removeTimeOff(tenant.id(), training.id())).isTrue();
        assertThat(schedules.removeTimeOff(tenant.id(), training.id())).isFalse();
    }

    @Test
    void a_provider_is_renamed_given_hours_then_back_to_the_business_hours() {
        WeeklyHours mornings =
                WeeklyHours.sameOn(List.of(DayOfWeek.MONDAY), List.of(OpeningWindow.of("09:00", "13:00")));
        Provider withHours = new Provider(
                tenant.provider().id(),
                tenant.id(),
                tenant.provider().userId(),
                "Lola P.",
                Optional.of(mornings),
                true);

        providers.update(withHours);
        assertThat(providers.findById(tenant.id(), withHours.id())).contains(withHours);

        Provider withoutHours =
                new Provider(withHours.id(), tenant.id(), withHours.userId(), "Lola P.", Optional.empty(), false);
        providers.update(withoutHours);
        assertThat(providers.findById(tenant.id(), withHours.id())).contains(withoutHours);
    }
}
