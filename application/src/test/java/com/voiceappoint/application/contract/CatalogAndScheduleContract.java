package com.voiceappoint.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.port.out.OutboundPorts;
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
public abstract class CatalogAndScheduleContract {
    protected OutboundPorts ports;
    private TestData.Tenant tenant;

    protected abstract OutboundPorts newPorts();

    @BeforeEach
    void setUpPorts() {
        ports = newPorts();
        tenant = TestData.tenant(ports);
    }

    @Test
    void providers_come_back_in_the_order_they_were_added() {
        Provider second = TestData.provider(ports, tenant.id(), Optional.empty(), "Bea");
        Provider third = TestData.provider(ports, tenant.id(), Optional.empty(), "Ana");

        assertThat(ports.providers().findByBusiness(tenant.id())).containsExactly(tenant.provider(), second, third);
        assertThat(ports.providers().findByUser(tenant.id(), tenant.owner().id()))
                .contains(tenant.provider());
        assertThat(ports.providers().findById(TestData.tenant(ports).id(), second.id()))
                .isEmpty();
    }

    @Test
    void a_provider_keeps_their_own_working_hours() {
        WeeklyHours hours = WeeklyHours.sameOn(List.of(DayOfWeek.MONDAY), List.of(OpeningWindow.of("10:00", "14:00")));
        Provider provider =
                new Provider(ProviderId.random(), tenant.id(), Optional.empty(), "Part-time", Optional.of(hours), true);
        ports.providers().add(provider);

        assertThat(ports.providers().findById(tenant.id(), provider.id())).contains(provider);
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
        ports.services().add(service);

        assertThat(ports.services().findById(tenant.id(), service.id())).contains(service);
        assertThat(ports.services().findById(TestData.tenant(ports).id(), service.id()))
                .isEmpty();
    }

    @Test
    void services_list_by_name_and_hide_inactive_ones_unless_asked_and_a_retired_name_can_be_reused() {
        Service cut = TestData.service(ports, tenant.id(), "Cut", 30);
        Service beard = TestData.service(ports, tenant.id(), "Beard", 15);
        Service old = TestData.newService(tenant.id(), "Old perm", 60).deactivated();
        ports.services().add(old);
        Service oldAgain = TestData.service(ports, tenant.id(), "Old perm", 45);

        assertThat(ports.services().findByBusiness(tenant.id(), false)).containsExactly(beard, cut, oldAgain);
        assertThat(ports.services().findByBusiness(tenant.id(), true))
                .containsExactlyInAnyOrder(beard, cut, old, oldAgain);
    }

    @Test
    void two_active_services_cannot_share_a_name() {
        TestData.service(ports, tenant.id(), "Cut", 30);

        assertThatThrownBy(() -> TestData.service(ports, tenant.id(), "cut", 45))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class,
                        e -> assertThat(e.key()).isEqualTo(DuplicateKeyException.Key.SERVICE_NAME));
    }

    @Test
    void weekly_hours_are_closed_until_set_and_replaced_as_a_whole() {
        assertThat(ports.schedules().weeklyHours(tenant.id())).isEqualTo(WeeklyHours.CLOSED);
        WeeklyHours split = WeeklyHours.of(Map.of(
                DayOfWeek.MONDAY,
                List.of(OpeningWindow.of("09:00", "13:30"), OpeningWindow.of("16:00", "20:00")),
                DayOfWeek.SATURDAY,
                List.of(OpeningWindow.of("18:00", "24:00"))));
        ports.schedules().replaceWeeklyHours(tenant.id(), split);
        assertThat(ports.schedules().weeklyHours(tenant.id())).isEqualTo(split);

        WeeklyHours fullDays = WeeklyHours.sameOn(
                List.of(DayOfWeek.SUNDAY), List.of(new OpeningWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
        ports.schedules().replaceWeeklyHours(tenant.id(), fullDays);
        assertThat(ports.schedules().weeklyHours(tenant.id())).isEqualTo(fullDays);
        assertThat(ports.schedules().weeklyHours(BusinessId.random())).isEqualTo(WeeklyHours.CLOSED);
    }

    @Test
    void special_days_are_saved_per_date_and_provider_listed_by_range_and_removed() {
        LocalDate christmas = LocalDate.parse("2026-12-25");
        LocalDate eve = LocalDate.parse("2026-12-24");
        SpecialDay closed = SpecialDay.closure(christmas, "Christmas");
        SpecialDay shortDay = new SpecialDay(Optional.empty(), eve, List.of(OpeningWindow.of("09:00", "14:00")), "Eve");
        SpecialDay providerOff = new SpecialDay(Optional.of(tenant.provider().id()), eve, List.of(), "Lola off");
        ports.schedules().saveSpecialDay(tenant.id(), closed);
        ports.schedules().saveSpecialDay(tenant.id(), shortDay);
        ports.schedules().saveSpecialDay(tenant.id(), providerOff);

        assertThat(ports.schedules().specialDays(tenant.id(), eve, christmas))
                .containsExactlyInAnyOrder(closed, shortDay, providerOff);
        assertThat(ports.schedules().specialDays(tenant.id(), christmas, christmas))
                .containsExactly(closed);

        SpecialDay reopened =
                new SpecialDay(Optional.empty(), christmas, List.of(OpeningWindow.of("10:00", "12:00")), "");
        ports.schedules().saveSpecialDay(tenant.id(), reopened);
        assertThat(ports.schedules().specialDays(tenant.id(), christmas, christmas))
                .containsExactly(reopened);

        assertThat(ports.schedules()
                        .removeSpecialDay(
                                tenant.id(), Optional.of(tenant.provider().id()), eve))
                .isTrue();
        assertThat(ports.schedules()
                        .removeSpecialDay(
                                tenant.id(), Optional.of(tenant.provider().id()), eve))
                .isFalse();
        assertThat(ports.schedules().specialDays(tenant.id(), eve, eve)).containsExactly(shortDay);
        assertThat(ports.schedules().specialDays(TestData.tenant(ports).id(), eve, christmas))
                .isEmpty();
    }

    @Test
    void time_off_is_found_by_overlap() {
        Instant nine = Instant.parse("2026-12-01T08:00:00Z");
        TimeOff dentist = new TimeOff(
                UUID.randomUUID(),
                tenant.provider().id(),
                new TimeRange(nine, nine.plus(Duration.ofHours(2))),
                "dentist");
        ports.schedules().addTimeOff(tenant.id(), dentist);

        assertThat(ports.schedules()
                        .timeOff(tenant.id(), new TimeRange(nine.plusSeconds(3600), nine.plusSeconds(9000))))
                .containsExactly(dentist);
        assertThat(ports.schedules()
                        .timeOff(tenant.id(), new TimeRange(nine.plusSeconds(7200), nine.plusSeconds(9000))))
                .isEmpty();
    }

    @Test
    void categories_are_listed_by_position_renamed_and_removed_leaving_their_services() {
        ServiceCategory hair = new ServiceCategory(ServiceCategoryId.random(), tenant.id(), "Hair", 1);
        ServiceCategory nails = new ServiceCategory(ServiceCategoryId.random(), tenant.id(), "Nails", 0);
        ports.categories().add(hair);
        ports.categories().add(nails);
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
        ports.services().add(cut);

        assertThat(ports.categories().findByBusiness(tenant.id())).containsExactly(nails, hair);
        assertThatThrownBy(() ->
                        ports.categories().add(new ServiceCategory(ServiceCategoryId.random(), tenant.id(), "hair", 3)))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class,
                        e -> assertThat(e.key()).isEqualTo(DuplicateKeyException.Key.CATEGORY_NAME));
        ServiceCategory renamed = new ServiceCategory(hair.id(), tenant.id(), "Hair & beard", 1);
        ports.categories().update(renamed);
        assertThat(ports.categories().findById(tenant.id(), hair.id())).contains(renamed);
        assertThat(ports.categories().findById(List.of(TestData.tenant(ports).id(), tenant.id()), hair.id()))
                .contains(renamed);
        assertThat(ports.categories().findById(List.of(TestData.tenant(ports).id()), hair.id()))
                .isEmpty();

        assertThat(ports.categories().remove(tenant.id(), hair.id())).isTrue();
        assertThat(ports.categories().findById(tenant.id(), hair.id())).isEmpty();
        assertThat(ports.services().findById(tenant.id(), cut.id()))
                .hasValueSatisfying(s -> assertThat(s.categoryId()).isEmpty());
    }

    @Test
    void a_service_is_updated_found_within_a_scope_and_removed() {
        Service cut = TestData.service(ports, tenant.id(), "Cut", 30);
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

        ports.services().update(changed);

        assertThat(ports.services().findById(List.of(tenant.id()), cut.id())).contains(changed);
        assertThat(ports.services().findById(List.of(TestData.tenant(ports).id()), cut.id()))
                .isEmpty();
        assertThat(ports.services().remove(tenant.id(), cut.id())).isTrue();
        assertThat(ports.services().findById(tenant.id(), cut.id())).isEmpty();
    }

    @Test
    void time_off_is_found_by_id_and_removed() {
        Instant nine = Instant.parse("2026-12-01T08:00:00Z");
        TimeOff training = new TimeOff(
                UUID.randomUUID(),
                tenant.provider().id(),
                new TimeRange(nine, nine.plus(Duration.ofHours(8))),
                "training");
        ports.schedules().addTimeOff(tenant.id(), training);

        assertThat(ports.schedules().findTimeOff(tenant.id(), training.id())).contains(training);
        assertThat(ports.schedules().findTimeOff(TestData.tenant(ports).id(), training.id()))
                .isEmpty();
        assertThat(ports.schedules().removeTimeOff(tenant.id(), training.id())).isTrue();
        assertThat(ports.schedules().removeTimeOff(tenant.id(), training.id())).isFalse();
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

        ports.providers().update(withHours);
        assertThat(ports.providers().findById(tenant.id(), withHours.id())).contains(withHours);

        Provider withoutHours =
                new Provider(withHours.id(), tenant.id(), withHours.userId(), "Lola P.", Optional.empty(), false);
        ports.providers().update(withoutHours);
        assertThat(ports.providers().findById(tenant.id(), withHours.id())).contains(withoutHours);
    }
}
