package com.voiceappoint.domain.availability;

import com.voiceappoint.domain.business.BookingPolicy;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.ProviderId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Free slots for a service: start times, stepped by the policy's slot step from each window's opening, at which
 * the appointment fits inside a provider's working window and its blocked range (appointment plus the service's
 * buffers) touches nothing already booked, held or taken off. Buffers may reach outside the working window
 * (clean-up after the last client of the day is fine); the appointment itself may not.
 *
 * <p>A pure function of its arguments: no clock, no I/O. Cost is linear in slots offered plus bookings held,
 * per provider, after one sort of each provider's bookings.
 */
public final class AvailabilityEngine {

    public List<AvailableSlot> findSlots(
            BookingCalendar calendar, SlotSearch search, BookingPolicy policy, Instant now) {
        List<ProviderAgenda> agendas = eligibleAgendas(calendar, search.service(), search.provider());
        if (agendas.isEmpty()) {
            return List.of();
        }
        int days = search.days();
        LocalTimeline timeline = new LocalTimeline(calendar.zone(), search.firstDay(), days);
        Bounds bounds = Bounds.of(search.service(), policy, now);
        long[] dayStarts = new long[days + 1];
        for (int d = 0; d <= days; d++) {
            dayStarts[d] = timeline.startOfDay(search.firstDay().plusDays(d));
        }
        FreeStarts[] perProvider = new FreeStarts[agendas.size()];
        for (int p = 0; p < perProvider.length; p++) {
            perProvider[p] = sweep(calendar, agendas.get(p), search.firstDay(), days, timeline, bounds);
        }
        return merge(agendas, perProvider, dayStarts, bounds.duration);
    }

    /**
     * Why {@link #findSlots} found nothing for this search: asked only then, so it may look at every working window
     * again. A closed business, people off while it is open, and windows too short for the service are told apart:
     * each calls for something different from the caller.
     */
    public NoSlotsReason whyNone(BookingCalendar calendar, SlotSearch search, BookingPolicy policy, Instant now) {
        List<ProviderAgenda> agendas = eligibleAgendas(calendar, search.service(), search.provider());
        if (agendas.isEmpty()) {
            return search.provider().isPresent()
                    ? NoSlotsReason.PROVIDER_DOES_NOT_PERFORM
                    : NoSlotsReason.NOBODY_PERFORMS;
        }
        LocalTimeline timeline = new LocalTimeline(calendar.zone());
        Bounds bounds = Bounds.of(search.service(), policy, now);
        boolean businessOpens = false;
        boolean someoneWorks = false;
        boolean works = false;
        boolean worksBeforeNotice = false;
        boolean worksOnlyInThePast = true;
        for (int d = 0; d < search.days(); d++) {
            LocalDate date = search.firstDay().plusDays(d);
            if (calendar.openingWindows(date).isEmpty()) {
                continue;
            }
            businessOpens = true;
            for (ProviderAgenda agenda : agendas) {
                List<OpeningWindow> windows = calendar.workingWindows(agenda, date);
                someoneWorks |= !windows.isEmpty();
                for (OpeningWindow window : windows) {
                    long open = timeline.opening(date, window);
                    long lastStart = timeline.closing(date, window) - bounds.duration;
                    if (lastStart < open) {
                        continue;
                    }
                    works = true;
                    if (lastStart >= bounds.earliestStart && open <= bounds.latestStart) {
                        return NoSlotsReason.FULLY_BOOKED;
                    }
                    worksBeforeNotice |= lastStart < bounds.earliestStart;
                    worksOnlyInThePast &= lastStart < now.getEpochSecond();
                }
            }
        }
        if (!businessOpens) {
            return NoSlotsReason.CLOSED;
        }
        if (!someoneWorks) {
            return search.provider().isPresent() ? NoSlotsReason.PROVIDER_NOT_WORKING : NoSlotsReason.NOBODY_WORKING;
        }
        if (!works) {
            return NoSlotsReason.SERVICE_TOO_LONG;
        }
        if (worksOnlyInThePast) {
            return NoSlotsReason.IN_THE_PAST;
        }
        return worksBeforeNotice ? NoSlotsReason.TOO_SOON : NoSlotsReason.TOO_FAR_IN_ADVANCE;
    }

    static List<ProviderAgenda> eligibleAgendas(BookingCalendar calendar, Service service, Optional<ProviderId> only) {
        List<ProviderAgenda> eligible = new ArrayList<>(calendar.providers().size());
        for (ProviderAgenda agenda : calendar.providers()) {
            ProviderId id = agenda.provider();
            if (service.isPerformedBy(id) && only.map(id::equals).orElse(true)) {
                eligible.add(agenda);
            }
        }
        return eligible;
    }

    /** The provider's free starts in ascending order: one pass over their windows and their busy time. */
    private static FreeStarts sweep(
            BookingCalendar calendar,
            ProviderAgenda agenda,
            LocalDate firstDay,
            int days,
            LocalTimeline timeline,
            Bounds bounds) {
        FreeStarts free = new FreeStarts();
        long[] busyStarts = agenda.busyStarts();
        long[] busyEnds = agenda.busyEnds();
        int b = 0;
        for (int d = 0; d < days; d++) {
            LocalDate date = firstDay.plusDays(d);
            for (OpeningWindow window : calendar.workingWindows(agenda, date)) {
                long open = timeline.opening(date, window);
                long close = timeline.closing(date, window);
                long start = bounds.firstGridPointNotBefore(open, bounds.earliestStart);
                while (start + bounds.duration <= close && start <= bounds.latestStart) {
                    long blockedFrom = start - bounds.bufferBefore;
                    long blockedTo = start + bounds.duration + bounds.bufferAfter;
                    while (b < busyStarts.length && busyEnds[b] <= blockedFrom) {
                        b++;
                    }
                    if (b < busyStarts.length && busyStarts[b] < blockedTo) {
                        // jump straight past the busy interval instead of stepping through it
                        start = bounds.firstGridPointNotBefore(open, busyEnds[b] + bounds.bufferBefore);
                        continue;
                    }
                    free.add(start, d);
                    start += bounds.step;
                }
            }
        }
        return free;
    }

    /** K-way merge of the providers' ascending starts into slots, providers ranked per slot. */
    private static List<AvailableSlot> merge(
            List<ProviderAgenda> agendas, FreeStarts[] perProvider, long[] dayStarts, long duration) {
        int providers = perProvider.length;
        int[] cursor = new int[providers];
        int[][] bookedThatDay = new int[providers][];
        int total = 0;
        for (FreeStarts starts : perProvider) {
            total = Math.max(total, starts.size);
        }
        List<AvailableSlot> slots = new ArrayList<>(total);
        int[] tied = new int[providers];
        while (true) {
            long next = Long.MAX_VALUE;
            for (int p = 0; p < providers; p++) {
                if (cursor[p] < perProvider[p].size && perProvider[p].starts[cursor[p]] < next) {
                    next = perProvider[p].starts[cursor[p]];
                }
            }
            if (next == Long.MAX_VALUE) {
                return slots;
            }
            int count = 0;
            int day = -1;
            for (int p = 0; p < providers; p++) {
                FreeStarts starts = perProvider[p];
                if (cursor[p] < starts.size && starts.starts[cursor[p]] == next) {
                    day = starts.days[cursor[p]];
                    tied[count++] = p;
                    cursor[p]++;
                }
            }
            if (count > 1) {
                rankByLoad(agendas, tied, count, day, dayStarts, bookedThatDay);
            }
            ProviderId[] free = new ProviderId[count];
            for (int i = 0; i < count; i++) {
                free[i] = agendas.get(tied[i]).provider();
            }
            // an immutable list, which the slot keeps as it is instead of copying
            slots.add(new AvailableSlot(
                    Instant.ofEpochSecond(next), Instant.ofEpochSecond(next + duration), List.of(free)));
        }
    }

    /** Fewest appointments that day first, then the business's own order (the index): stable and fair. */
    private static void rankByLoad(
            List<ProviderAgenda> agendas, int[] tied, int count, int day, long[] dayStarts, int[][] bookedThatDay) {
        for (int i = 0; i < count; i++) {
            int p = tied[i];
            if (bookedThatDay[p] == null) {
                bookedThatDay[p] = new int[dayStarts.length - 1];
                Arrays.fill(bookedThatDay[p], -1);
            }
            if (bookedThatDay[p][day] < 0) {
                bookedThatDay[p][day] = agendas.get(p).bookingsStartingBetween(dayStarts[day], dayStarts[day + 1]);
            }
        }
        for (int i = 1; i < count; i++) {
            int p = tied[i];
            int j = i - 1;
            while (j >= 0 && bookedThatDay[tied[j]][day] > bookedThatDay[p][day]) {
                tied[j + 1] = tied[j];
                j--;
            }
            tied[j + 1] = p;
        }
    }

    /** The limits every candidate start is checked against, in epoch seconds. */
    record Bounds(long step, long duration, long bufferBefore, long bufferAfter, long earliestStart, long latestStart) {
        static Bounds of(Service service, BookingPolicy policy, Instant now) {
            long nowSecond = now.getEpochSecond() + (now.getNano() > 0 ? 1 : 0);
            return new Bounds(
                    policy.slotStep().toSeconds(),
                    service.duration().toSeconds(),
                    service.bufferBefore().toSeconds(),
                    service.bufferAfter().toSeconds(),
                    nowSecond + policy.minimumNotice().toSeconds(),
                    now.getEpochSecond() + policy.maximumAdvance().toSeconds());
        }

        /** The first start on the grid anchored at {@code open} that is not before {@code notBefore}. */
        long firstGridPointNotBefore(long open, long notBefore) {
            if (notBefore <= open) {
                return open;
            }
            return open + Math.floorDiv(notBefore - open + step - 1, step) * step;
        }
    }

    /** A growable pair of primitive arrays: free start and the search day it falls on. */
    private static final class FreeStarts {
        long[] starts = new long[64];
        int[] days = new int[64];
        int size;

        void add(long start, int day) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                days = Arrays.copyOf(days, size * 2);
            }
            starts[size] = start;
            days[size] = day;
            size++;
        }
    }
}
