package com.voiceappoint.domain.availability;

import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * One provider's side of the calendar: when they work, and what already takes their time.
 *
 * <p>{@code bookings} are their live appointments and holds (blocked ranges, buffers included);
 * {@code timeOff} is time they are away. Both are reduced once, here, to sorted epoch-second arrays so that every
 * question the engine asks about this provider is a linear sweep or a binary search.
 */
public final class ProviderAgenda {
    private final ProviderId provider;
    private final Optional<WeeklyHours> workingHours;
    private final Map<LocalDate, SpecialDay> specialDays;
    private final long[] bookingStarts;
    private final long[] busyStarts;
    private final long[] busyEnds;

    public ProviderAgenda(
            ProviderId provider,
            Optional<WeeklyHours> workingHours,
            Map<LocalDate, SpecialDay> specialDays,
            List<Booking> bookings,
            List<TimeRange> timeOff) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.workingHours = Objects.requireNonNull(workingHours, "workingHours");
        this.specialDays = Map.copyOf(specialDays);
        long[] starts = new long[bookings.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = bookings.get(i).start().getEpochSecond();
        }
        Arrays.sort(starts);
        this.bookingStarts = starts;
        long[][] merged = merge(bookings, timeOff);
        this.busyStarts = merged[0];
        this.busyEnds = merged[1];
    }

    /** A provider who works the business's hours and has nothing booked. */
    public static ProviderAgenda free(ProviderId provider) {
        return new ProviderAgenda(provider, Optional.empty(), Map.of(), List.of(), List.of());
    }

    public ProviderId provider() {
        return provider;
    }

    Optional<WeeklyHours> workingHours() {
        return workingHours;
    }

    Optional<SpecialDay> specialDay(LocalDate date) {
        return Optional.ofNullable(specialDays.get(date));
    }

    long[] busyStarts() {
        return busyStarts;
    }

    long[] busyEnds() {
        return busyEnds;
    }

    /** Whether {@code [from, to)} (epoch seconds) touches nothing busy. */
    boolean isFree(long from, long to) {
        int i = firstEndingAfter(from);
        return i == busyStarts.length || busyStarts[i] >= to;
    }

    /** Index of the first busy interval that ends after {@code t}. */
    int firstEndingAfter(long t) {
        int lo = 0;
        int hi = busyEnds.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (busyEnds[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Appointments starting in {@code [from, to)}: "how booked is this provider that day". */
    int bookingsStartingBetween(long from, long to) {
        return lowerBound(bookingStarts, to) - lowerBound(bookingStarts, from);
    }

    private static int lowerBound(long[] sorted, long key) {
        int i = Arrays.binarySearch(sorted, key);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && sorted[i - 1] == key) {
            i--;
        }
        return i;
    }

    private static long[][] merge(List<Booking> bookings, List<TimeRange> timeOff) {
        int n = bookings.size() + timeOff.size();
        long[] from = new long[n];
        long[] to = new long[n];
        int k = 0;
        for (Booking b : bookings) {
            from[k] = b.blocked().start().getEpochSecond();
            to[k++] = b.blocked().end().getEpochSecond();
        }
        for (TimeRange r : timeOff) {
            from[k] = r.start().getEpochSecond();
            to[k++] = r.end().getEpochSecond();
        }
        long[] order = byStart(from);
        long[] starts = new long[n];
        long[] ends = new long[n];
        int m = 0;
        for (long packed : order) {
            int i = (int) packed;
            if (m > 0 && from[i] <= ends[m - 1]) {
                ends[m - 1] = Math.max(ends[m - 1], to[i]);
            } else {
                starts[m] = from[i];
                ends[m] = to[i];
                m++;
            }
        }
        return new long[][] {Arrays.copyOf(starts, m), Arrays.copyOf(ends, m)};
    }

    /**
     * The indexes of {@code from} in ascending order of start, in the low 32 bits of each element: a primitive sort
     * of (start - earliest, index) packed in one long, with no boxing, whenever the starts span less than 68 years.
     */
    private static long[] byStart(long[] from) {
        long earliest = Long.MAX_VALUE;
        long latest = Long.MIN_VALUE;
        for (long start : from) {
            earliest = Math.min(earliest, start);
            latest = Math.max(latest, start);
        }
        if (from.length > 0 && latest - earliest >= 1L << 31) {
            return IntStream.range(0, from.length)
                    .boxed()
                    .sorted(Comparator.comparingLong(i -> from[i]))
                    .mapToLong(Integer::longValue)
                    .toArray();
        }
        long[] order = new long[from.length];
        for (int i = 0; i < from.length; i++) {
            order[i] = (from[i] - earliest) << 32 | i;
        }
        Arrays.sort(order);
        return order;
    }
}
