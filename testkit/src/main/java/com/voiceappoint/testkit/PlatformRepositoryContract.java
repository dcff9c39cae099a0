package com.voiceappoint.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.port.out.CallLogRepository;
import com.voiceappoint.application.port.out.PlatformRepository;
import com.voiceappoint.domain.account.PlatformOperator;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.business.BookingPolicy;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.BusinessType;
import com.voiceappoint.domain.business.BusinessUsage;
import com.voiceappoint.domain.business.DashboardConfig;
import com.voiceappoint.domain.business.OnboardingStatus;
import com.voiceappoint.domain.business.Slug;
import com.voiceappoint.domain.business.StatusChange;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.shared.TimeRange;
import com.voiceappoint.domain.voice.VoiceCall;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store of the platform's operators must keep alike: rights granted once, businesses found and paged by
 * name, their usage counted the same way, and suspensions recorded with the business's own flag. The stores may
 * hold other tests' rows: each test looks at its own.
 */
public abstract class PlatformRepositoryContract<P extends PlatformRepository, L extends CallLogRepository> {
    private static final Instant NOVEMBER = Instant.parse("2026-11-01T00:00:00Z");
    private static final TimeRange MONTH = new TimeRange(NOVEMBER, Instant.parse("2026-12-01T00:00:00Z"));

    protected P platform;
    protected L callLog;
    protected TestData data;

    /** The stores under test, made anew before each test, and the data that writes what they refer to. */
    protected abstract P createPlatformRepository();

    protected abstract L createCallLogRepository();

    protected abstract TestData testData();

    @BeforeEach
    void setUpPorts() {
        platform = createPlatformRepository();
        callLog = createCallLogRepository();
        data = testData();
    }

    @Test
    void operator_rights_are_granted_once_listed_by_seniority_and_revoked() {
        User first = data.user();
        User second = data.user();
        User never = data.user();

        assertThat(platform.grantOperator(second.id(), NOVEMBER.plusSeconds(60)))
                .isTrue();
        assertThat(platform.grantOperator(first.id(), NOVEMBER)).isTrue();
        assertThat(platform.grantOperator(second.id(), NOVEMBER.plusSeconds(3600)))
                .as("granted again")
                .isFalse();

        assertThat(platform.isOperator(first.id())).isTrue();
        assertThat(platform.isOperator(never.id())).isFalse();
        assertThat(platform.operators().stream()
                        .filter(o -> o.userId().equals(first.id()) || o.userId().equals(second.id())))
                .containsExactly(
                        new PlatformOperator(first.id(), NOVEMBER),
                        new PlatformOperator(second.id(), NOVEMBER.plusSeconds(60)));

        assertThat(platform.revokeOperator(second.id())).isTrue();
        assertThat(platform.revokeOperator(second.id())).isFalse();
        assertThat(platform.revokeOperator(never.id())).isFalse();
        assertThat(platform.isOperator(second.id())).isFalse();
        assertThat(platform.operators()).extracting(PlatformOperator::userId).doesNotContain(second.id());
    }

    @Test
    void businesses_are_found_by_name_or_slug_ignoring_case_and_paged_by_name() {
        String token = UUID.randomUUID().toString().substring(0, 8);
        Business zeta = business("Zeta " + token, "ops-" + token + "-z");
        Business alpha = business("alpha " + token, "ops-" + token + "-a");
        Business beta = business("Beta " + token, "ops-" + token + "-b");

        assertThat(platform.countBusinesses(token)).isEqualTo(3);
        assertThat(names(platform.businesses(token, MONTH, 0, 2))).containsExactly(alpha.name(), beta.name());
        assertThat(names(platform.businesses(token, MONTH, 2, 2))).containsExactly(zeta.name());
        assertThat(platform.countBusinesses("ZETA " + token.toUpperCase()))
                .as("any case")
                .isEqualTo(1);
        assertThat(names(platform.businesses("ops-" + token + "-b", MONTH, 0, 10)))
                .as("by slug")
                .containsExactly(beta.name());
        assertThat(platform.countBusinesses("%" + token)).as("% is a character").isZero();
        assertThat(platform.countBusinesses("")).as("all").isGreaterThanOrEqualTo(3);

        data.businesses().softDelete(zeta.id(), NOVEMBER);

        assertThat(platform.countBusinesses(token)).as("deleted ones left out").isEqualTo(2);
        assertThat(platform.usage(zeta.id(), MONTH)).isEmpty();
    }

    @Test
    void usage_counts_the_team_the_catalogue_booked_appointments_calls_and_the_latest_activity() {
        TestData.Tenant tenant = data.tenant();
        Service cut = data.service(tenant.id(), "Cut", 30);
        data.service(tenant.id(), "Dye", 60);
        Client client = data.client(tenant.id());
        Instant tenth = NOVEMBER.plus(Duration.ofDays(9));
        book(tenant, cut, client, tenth, NOVEMBER.minus(Duration.ofDays(5)));
        Appointment thisMonth = book(tenant, cut, client, tenth.plus(Duration.ofHours(1)), NOVEMBER.plusSeconds(60));
        Appointment held = Appointment.held(
                AppointmentId.random(),
                cut,
                tenant.provider().id(),
                client.id(),
                tenth.plus(Duration.ofHours(3)),
                Duration.ofMinutes(5),
                BookingSource.VOICE,
                NOVEMBER.plus(Duration.ofDays(2)));
        data.appointments().add(held, Optional.empty());
        callLog.merge(VoiceCall.heardOf(tenant.id(), "call-" + UUID.randomUUID(), NOVEMBER.plus(Duration.ofDays(1))));
        callLog.merge(VoiceCall.heardOf(tenant.id(), "call-" + UUID.randomUUID(), NOVEMBER.minusSeconds(1)));

        BusinessUsage usage = platform.usage(tenant.id(), MONTH).orElseThrow();

        assertThat(usage.business()).isEqualTo(tenant.business());
        assertThat(usage.members()).isEqualTo(1);
        assertThat(usage.services()).isEqualTo(2);
        assertThat(usage.appointmentsThisMonth()).as("a hold books nothing").isEqualTo(1);
        assertThat(usage.appointmentsInTotal()).isEqualTo(2);
        assertThat(usage.callsThisMonth()).isEqualTo(1);
        assertThat(usage.lastActivity()).contains(held.updatedAt());
        assertThat(usage.lastChange()).isEmpty();
        assertThat(thisMonth.createdAt()).isAfter(NOVEMBER);
        assertThat(platform.usage(data.tenant().id(), MONTH).orElseThrow())
                .as("a business with nothing yet")
                .satisfies(fresh -> {
                    assertThat(fresh.appointmentsInTotal()).isZero();
                    assertThat(fresh.callsThisMonth()).isZero();
                    assertThat(fresh.lastActivity()).isEmpty();
                });
        assertThat(platform.usage(BusinessId.random(), MONTH)).isEmpty();
    }

    @Test
    void a_suspension_is_kept_on_the_business_and_recorded_with_who_why_and_when() {
        TestData.Tenant tenant = data.tenant();
        User operator = data.user();
        StatusChange suspension =
                new StatusChange(tenant.id(), true, "unpaid invoices", operator.id(), NOVEMBER.plusSeconds(10));
        StatusChange reactivation =
                new StatusChange(tenant.id(), false, "paid", operator.id(), NOVEMBER.plusSeconds(20));

        assertThat(data.transactions().inTransaction(() -> platform.changeStatus(suspension)))
                .isTrue();
        assertThat(data.businesses().findById(tenant.id()).orElseThrow().suspended())
                .isTrue();
        assertThat(data.businesses()
                        .findBySlug(tenant.business().slug())
                        .orElseThrow()
                        .suspended())
                .isTrue();
        assertThat(data.transactions()
                        .inTransaction(() -> platform.changeStatus(
                                new StatusChange(tenant.id(), true, "again", operator.id(), NOVEMBER.plusSeconds(15)))))
                .as("already suspended")
                .isFalse();

        data.businesses().update(tenant.business().withSuspended(false));
        assertThat(data.businesses().findById(tenant.id()).orElseThrow().suspended())
                .as("a settings change leaves it suspended")
                .isTrue();

        assertThat(data.transactions().inTransaction(() -> platform.changeStatus(reactivation)))
                .isTrue();
        assertThat(data.businesses().findById(tenant.id()).orElseThrow().suspended())
                .isFalse();
        assertThat(platform.statusChanges(tenant.id())).containsExactly(reactivation, suspension);
        assertThat(platform.usage(tenant.id(), MONTH).orElseThrow().lastChange())
                .contains(reactivation);
        assertThat(platform.changeStatus(
                        new StatusChange(BusinessId.random(), true, "nobody", operator.id(), NOVEMBER)))
                .isFalse();
    }

    private Business business(String name, String slug) {
        Business business = new Business(
                BusinessId.random(),
                new Slug(slug),
                name,
                BusinessType.SALON,
                Language.ES,
                TestData.MADRID,
                Currency.getInstance("EUR"),
                true,
                BookingPolicy.DEFAULT,
                Optional.empty());
        data.businesses()
                .add(
                        business,
                        DashboardConfig.defaultsFor(business.id()),
                        OnboardingStatus.justRegistered(business.id()));
        return business;
    }

    private Appointment book(TestData.Tenant tenant, Service service, Client client, Instant start, Instant made) {
        Appointment appointment = Appointment.confirmed(
                AppointmentId.random(),
                service,
                tenant.provider().id(),
                client.id(),
                start,
                BookingSource.API,
                "",
                made);
        data.appointments().add(appointment, Optional.empty());
        return appointment;
    }

    private static List<String> names(List<BusinessUsage> found) {
        return found.stream().map(usage -> usage.business().name()).toList();
    }
}
