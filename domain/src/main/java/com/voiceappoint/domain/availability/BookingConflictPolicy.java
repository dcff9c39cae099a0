package com.voiceappoint.domain.availability;

import com.voiceappoint.domain.business.BookingPolicy;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a requested start can be booked and, when it cannot, says why and offers the nearest free
 * times: the same provider the same day first, then any provider that day, then the following days (or, for a
 * date beyond the horizon, the last bookable days before it).
 *
 * <p>Any start that fits is accepted, on the slot grid or not, so staff can book 10:10 by hand; the grid only
 * shapes what is offered. This check gives good answers; the database's exclusion constraint is the guarantee.
 */
public final class BookingConflictPolicy {
    public static final int DEFAULT_ALTERNATIVES = 3;
    private static final int DAYS_SEARCHED_FOR_ALTERNATIVES = 14;

    private final AvailabilityEngine engine = new AvailabilityEngine();

    public BookingDecision evaluate(
            BookingCalendar calendar,
            Service service,
            BookingPolicy policy,
            Instant now,
            Instant start,
            Optional<ProviderId> provider) {
        return evaluate(calendar, service, policy, now, start, provider, DEFAULT_ALTERNATIVES);
    }

    public BookingDecision evaluate(
            BookingCalendar calendar,
            Service service,
            BookingPolicy policy,
            Instant now,
            Instant start,
            Optional<ProviderId> provider,
            int alternativesWanted) {
        LocalTimeline timeline = new LocalTimeline(calendar.zone());
        LocalDate day = timeline.dateOf(start.getEpochSecond());
        Optional<RefusalReason> refusal =
                refusalBeforeLookingAtTheAgenda(calendar, service, policy, now, start, provider);
        if (refusal.isPresent()) {
            return new BookingDecision.Refused(
                    refusal.get(), alternatives(calendar, service, policy, now, start, provider, alternativesWanted));
        }
        TimeRange time = TimeRange.starting(start, service.duration());
        TimeRange blocked = time.widen(service.bufferBefore(), service.bufferAfter());
        boolean anyoneWorks = false;
        boolean fitsSomeonesHours = false;
        ProviderAgenda chosen = null;
        int chosenLoad = Integer.MAX_VALUE;
        long dayStart = timeline.startOfDay(day);
        long dayEnd = timeline.startOfDay(day.plusDays(1));
        for (ProviderAgenda agenda : AvailabilityEngine.eligibleAgendas(calendar, service, provider)) {
            List<OpeningWindow> windows = calendar.workingWindows(agenda, day);
            anyoneWorks |= !windows.isEmpty();
            if (!fitsAWindow(windows, day, time, timeline)) {
                continue;
            }
            fitsSomeonesHours = true;
            if (agenda.isFree(blocked.start().getEpochSecond(), blocked.end().getEpochSecond())) {
                int load = agenda.bookingsStartingBetween(dayStart, dayEnd);
                if (load < chosenLoad) {
                    chosen = agenda;
                    chosenLoad = load;
                }
            }
        }
        if (chosen != null) {
            return new BookingDecision.Accepted(chosen.provider(), time, blocked);
        }
        RefusalReason reason;
        if (calendar.openingWindows(day).isEmpty()) {
            reason = RefusalReason.BUSINESS_CLOSED;
        } else if (!anyoneWorks) {
            reason = provider.isPresent() ? RefusalReason.PROVIDER_NOT_WORKING : RefusalReason.NOBODY_WORKING;
        } else {
            reason = fitsSomeonesHours ? RefusalReason.SLOT_TAKEN : RefusalReason.OUTSIDE_HOURS;
        }
        return new BookingDecision.Refused(
                reason, alternatives(calendar, service, policy, now, start, provider, alternativesWanted));
    }

    private static Optional<RefusalReason> refusalBeforeLookingAtTheAgenda(
            BookingCalendar calendar,
            Service service,
            BookingPolicy policy,
            Instant now,
            Instant start,
            Optional<ProviderId> provider) {
        if (provider.isPresent()
                && (!service.isPerformedBy(provider.get())
                        || calendar.agendaOf(provider.get()).isEmpty())) {
            return Optional.of(RefusalReason.PROVIDER_NOT_ELIGIBLE);
        }
        if (start.isBefore(now)) {
            return Optional.of(RefusalReason.IN_THE_PAST);
        }
        if (start.isBefore(now.plus(policy.minimumNotice()))) {
            return Optional.of(RefusalReason.TOO_SOON);
        }
        if (start.isAfter(now.plus(policy.maximumAdvance()))) {
            return Optional.of(RefusalReason.TOO_FAR_IN_ADVANCE);
        }
        return Optional.empty();
    }

    private static boolean fitsAWindow(
            List<OpeningWindow> windows, LocalDate day, TimeRange time, LocalTimeline timeline) {
        long from = time.start().getEpochSecond();
        long to = time.end().getEpochSecond();
        for (OpeningWindow window : windows) {
            if (timeline.opening(day, window) <= from && to <= timeline.closing(day, window)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The local dates alternatives to {@code requested} are looked for in, tier by tier. Whoever builds the calendar
     * for {@link #alternatives} loads {@link AlternativeDays#covering()}.
     */
    public static AlternativeDays alternativeDays(ZoneId zone, BookingPolicy policy, Instant now, Instant requested) {
        LocalTimeline timeline = new LocalTimeline(zone);
        LocalDate day = timeline.dateOf(requested.getEpochSecond());
        LocalDate today = timeline.dateOf(now.getEpochSecond());
        LocalDate lastBookable =
                timeline.dateOf(now.plus(policy.maximumAdvance()).getEpochSecond());
        Optional<LocalDate> sameDay =
                day.isBefore(today) || day.isAfter(lastBookable) ? Optional.empty() : Optional.of(day);
        LocalDate from = day.isBefore(today) ? today : day.plusDays(1);
        Optional<DayRange> following = from.isAfter(lastBookable)
                ? Optional.empty()
                : Optional.of(new DayRange(from, min(from.plusDays(DAYS_SEARCHED_FOR_ALTERNATIVES - 1), lastBookable)));
        Optional<DayRange> preceding = day.isAfter(lastBookable)
                ? Optional.of(new DayRange(
                        max(today, lastBookable.minusDays(DAYS_SEARCHED_FOR_ALTERNATIVES - 1)), lastBookable))
                : Optional.empty();
        return new AlternativeDays(sameDay, following, preceding);
    }

    /** Nearest free times to {@code requested}, by the tiers described on the class. */
    public List<Alternative> alternatives(
            BookingCalendar calendar,
            Service service,
            BookingPolicy policy,
            Instant now,
            Instant requested,
            Optional<ProviderId> provider,
            int wanted) {
        if (wanted <= 0) {
            return List.of();
        }
        AlternativeDays days = alternativeDays(calendar.zone(), policy, now, requested);
        Map<Instant, Alternative> chosen = new LinkedHashMap<>();
        Optional<ProviderId> eligibleProvider = provider.filter(service::isPerformedBy);
        Comparator<AvailableSlot> nearest = Comparator.comparing(
                slot -> Duration.between(slot.start(), requested).abs());

        days.sameDay().ifPresent(day -> {
            List<AvailableSlot> sameDay =
                    new ArrayList<>(engine.findSlots(calendar, SlotSearch.day(service, day), policy, now));
            sameDay.sort(nearest);
            eligibleProvider.ifPresent(p -> take(sameDay, p, true, chosen, wanted));
            take(sameDay, eligibleProvider.orElse(null), false, chosen, wanted);
        });
        days.following()
                .ifPresent(range -> take(
                        engine.findSlots(calendar, range.search(service), policy, now),
                        eligibleProvider.orElse(null),
                        false,
                        chosen,
                        wanted));
        days.preceding().ifPresent(range -> {
            List<AvailableSlot> before =
                    new ArrayList<>(engine.findSlots(calendar, range.search(service), policy, now));
            before.sort(nearest);
            take(before, eligibleProvider.orElse(null), false, chosen, wanted);
        });
        return List.copyOf(chosen.values());
    }

    /** Local dates {@code first..last}, inclusive. */
    public record DayRange(LocalDate first, LocalDate last) {
        SlotSearch search(Service service) {
            return new SlotSearch(service, first, last, Optional.empty());
        }
    }

    /** The same day (when bookable), the following days, and (past the horizon) the last bookable days. */
    public record AlternativeDays(
            Optional<LocalDate> sameDay, Optional<DayRange> following, Optional<DayRange> preceding) {
        /** One range holding every day searched, or empty when nothing is bookable at all. */
        public Optional<DayRange> covering() {
            List<LocalDate> ends = new ArrayList<>();
            sameDay.ifPresent(ends::add);
            following.ifPresent(r -> ends.addAll(List.of(r.first(), r.last())));
            preceding.ifPresent(r -> ends.addAll(List.of(r.first(), r.last())));
            return ends.stream()
                    .min(Comparator.naturalOrder())
                    .map(first -> new DayRange(
                            first, ends.stream().max(Comparator.naturalOrder()).orElseThrow()));
        }
    }

    /**
     * Adds slots in the given order until {@code wanted} are chosen, skipping starts already chosen. With
     * {@code onlyPreferred}, only slots where {@code preferred} is free; otherwise {@code preferred} is named
     * when free and the slot's best provider when not.
     */
    private static void take(
            List<AvailableSlot> slots,
            ProviderId preferred,
            boolean onlyPreferred,
            Map<Instant, Alternative> chosen,
            int wanted) {
        for (AvailableSlot slot : slots) {
            if (chosen.size() >= wanted) {
                return;
            }
            if (chosen.containsKey(slot.start())) {
                continue;
            }
            boolean preferredFree = preferred != null && slot.providers().contains(preferred);
            if (onlyPreferred && !preferredFree) {
                continue;
            }
            ProviderId provider = preferredFree ? preferred : slot.preferredProvider();
            chosen.put(slot.start(), new Alternative(slot.start(), slot.end(), provider));
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
