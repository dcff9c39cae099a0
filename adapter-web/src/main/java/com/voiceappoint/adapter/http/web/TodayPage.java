package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.AppointmentsQuery;
import com.voiceappoint.application.port.in.BillingUseCase;
import com.voiceappoint.application.port.in.BusinessSettingsUseCase;
import com.voiceappoint.application.port.in.CallLogUseCase;
import com.voiceappoint.application.port.in.Page;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.appointment.CalendarFilter;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.OnboardingStatus;
import com.voiceappoint.domain.shared.TimeRange;
import com.voiceappoint.domain.voice.VoiceCall;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dashboard's first page: what comes next today, today's calls, a few numbers for today and this week, until the
 * business is live the steps still to take, and a notice once its plan's voice bookings for the month are used up.
 */
public final class TodayPage implements PageGroup {
    private static final int NEXT_SHOWN = 5;
    private static final int CALLS_READ = 50;
    private static final Duration NEXT_WITHIN = Duration.ofDays(7);

    private final WebPages pages;
    private final Dashboards dashboards;
    private final AppointmentsQuery appointments;
    private final BusinessSettingsUseCase settings;
    private final CallLogUseCase calls;
    private final VoiceSettingsUseCase voice;
    private final BillingUseCase billing;
    private final Clock clock;

    TodayPage(WebPages pages, Dashboards dashboards, UseCases useCases, Clock clock) {
        this.pages = pages;
        this.dashboards = dashboards;
        this.appointments = useCases.appointments();
        this.settings = useCases.settings();
        this.calls = useCases.callLog();
        this.voice = useCases.voiceSettings();
        this.billing = useCases.billing();
        this.clock = clock;
    }

    /** One step of the setup: done or not, and the page where it is done. */
    public record Step(String key, boolean done, String href) {}

    /** Appointments booked (any status but a hold or a lapsed one) starting today and this week. */
    public record Numbers(long today, long week, long voice, long web, long staff, long noShows) {}

    @Override
    public void addTo(WebPages pages) {
        pages.get("/dashboard/{" + Dashboards.SLUG + "}", this::show);
    }

    private void show(Context ctx) {
        Workplace w = dashboards.open(ctx, "today");
        BusinessId id = w.business().id();
        Formats f = Formats.of(w);
        ZoneId zone = BusinessFormats.of(w).zone();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(
                settings.dashboard(w.member(), id).firstDayOfWeek()));
        TimeRange todays = TimeRange.days(today, today, zone);

        List<AppointmentDetails> week = appointments.all(
                w.member(), CalendarFilter.period(id, TimeRange.days(weekStart, weekStart.plusDays(6), zone)));
        List<AppointmentDetails> booked = week.stream()
                .filter(a -> a.appointment().status().wasBooked())
                .filter(a -> !LocalDate.ofInstant(a.appointment().start(), zone).isBefore(weekStart))
                .toList();
        Numbers numbers = new Numbers(
                booked.stream()
                        .filter(a -> todays.contains(a.appointment().start()))
                        .count(),
                booked.size(),
                count(booked, Set.of(BookingSource.VOICE)),
                count(booked, Set.of(BookingSource.WEB)),
                count(booked, Set.of(BookingSource.DASHBOARD, BookingSource.API)),
                booked.stream()
                        .filter(a -> a.appointment().status() == AppointmentStatus.NO_SHOW)
                        .count());

        List<AppointmentDetails> next = appointments
                .list(
                        w.member(),
                        new CalendarFilter(
                                id,
                                new TimeRange(now, now.plus(NEXT_WITHIN)),
                                AppointmentStatus.timeBlocking(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        Page.Request.first(NEXT_SHOWN + 1))
                .items()
                .stream()
                .filter(a -> a.appointment().start().isAfter(now))
                .limit(NEXT_SHOWN)
                .toList();

        List<VoiceCall> todaysCalls = calls.calls(w.member(), id, Page.Request.first(CALLS_READ)).items().stream()
                .filter(call -> todays.contains(call.startedAt().orElse(call.firstSeenAt())))
                .toList();

        List<Step> steps = steps(w, now);
        boolean live = steps.stream().allMatch(Step::done);
        pages.render(
                ctx,
                "dashboard/today.jte",
                Map.of(
                        "w", w,
                        "f", f,
                        "numbers", numbers,
                        "next", next,
                        "calls", todaysCalls,
                        "steps", live ? List.of() : steps,
                        // callers are offered the web instead once the plan's voice bookings are used up: said here
                        "voiceCap", billing.cappedVoice(w.member(), id)));
    }

    /** The seed's setup steps, in the order an owner takes them: hours, a service, staff, a voice number, a booking. */
    private List<Step> steps(Workplace w, Instant now) {
        BusinessId id = w.business().id();
        Set<OnboardingStatus.Step> done = settings.onboarding(w.member(), id).completed();
        boolean voiceNumber = done.contains(OnboardingStatus.Step.VOICE_AGENT)
                || !voice.get(w.member(), id).settings().numbers().isEmpty();
        boolean booked = !appointments
                .list(
                        w.member(),
                        new CalendarFilter(
                                id,
                                new TimeRange(Instant.EPOCH, now.plus(Duration.ofDays(3660))),
                                AppointmentStatus.booked(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        Page.Request.first(1))
                .items()
                .isEmpty();
        return List.of(
                new Step("hours", done.contains(OnboardingStatus.Step.OPENING_HOURS), w.at("hours")),
                new Step("services", done.contains(OnboardingStatus.Step.SERVICES), w.at("services")),
                new Step("staff", done.contains(OnboardingStatus.Step.STAFF), w.at("staff")),
                new Step("voice", voiceNumber, w.at("settings")),
                new Step("booking", booked, "/" + w.business().slug().value() + "/book"));
    }

    private static long count(List<AppointmentDetails> booked, Set<BookingSource> sources) {
        return booked.stream()
                .filter(a -> sources.contains(a.appointment().source()))
                .count();
    }
}
