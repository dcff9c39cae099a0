package com.voiceappoint.benchmarks;

import com.voiceappoint.domain.availability.AvailabilityEngine;
import com.voiceappoint.domain.availability.AvailableSlot;
import com.voiceappoint.domain.availability.Booking;
import com.voiceappoint.domain.availability.BookingCalendar;
import com.voiceappoint.domain.availability.ProviderAgenda;
import com.voiceappoint.domain.availability.SlotSearch;
import com.voiceappoint.domain.business.BookingPolicy;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The availability engine as a request uses it: the provider agendas are built from the bookings a query loaded
 * (sorted and merged once), then the engine finds every free slot in the range, "any provider".
 *
 * <p>{@code oneProviderOneDay}: a single stylist, one day, eight appointments. {@code tenProvidersFourteenDays}: the
 * PRODUCT.md §8 case, ten staff over fourteen days holding 1,000 appointments between them, with buffers. The
 * {@code engineOnly} variants reuse agendas already built, to tell the two costs apart.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AvailabilityEngineBenchmark {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final BusinessId BUSINESS = new BusinessId(new UUID(0, 1));
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 12, 1);
    /** Searches are asked the evening before the first day: everything in range is bookable. */
    private static final Instant NOW =
            FIRST_DAY.minusDays(1).atTime(20, 0).atZone(MADRID).toInstant();

    @Param({"oneProviderOneDay", "tenProvidersFourteenDays"})
    public String scenario;

    private final AvailabilityEngine engine = new AvailabilityEngine();
    private BookingPolicy policy;
    private Service service;
    private WeeklyHours hours;
    private List<ProviderId> providers;
    private List<List<Booking>> bookingsPerProvider;
    private SlotSearch search;
    private BookingCalendar prebuilt;

    @Setup
    public void plan() {
        boolean large = scenario.equals("tenProvidersFourteenDays");
        int staff = large ? 10 : 1;
        int days = large ? 14 : 1;
        int appointments = large ? 1_000 : 8;
        policy = new BookingPolicy(
                Duration.ofMinutes(15),
                Duration.ofHours(1),
                Duration.ofDays(90),
                Duration.ofHours(24),
                Duration.ofMinutes(5));
        hours = WeeklyHours.sameOn(
                Arrays.asList(DayOfWeek.values()),
                List.of(OpeningWindow.of("09:00", "14:00"), OpeningWindow.of("15:00", "21:00")));
        service = new Service(
                ServiceId.random(),
                BUSINESS,
                Optional.empty(),
                "Corte de pelo",
                "",
                Duration.ofMinutes(30),
                Money.of("18.50", "EUR"),
                Duration.ZERO,
                Duration.ofMinutes(10),
                true,
                true,
                Set.of(),
                Optional.empty());
        providers = new ArrayList<>();
        bookingsPerProvider = new ArrayList<>();
        for (int p = 0; p < staff; p++) {
            providers.add(new ProviderId(new UUID(1, p)));
            bookingsPerProvider.add(new ArrayList<>());
        }
        // appointments spread over staff and days at free quarter hours, as a busy diary looks: ~7 a day each
        Random random = new Random(42);
        int placed = 0;
        while (placed < appointments) {
            int p = placed % staff;
            LocalDate day = FIRST_DAY.plusDays(random.nextInt(days));
            LocalTime start = LocalTime.of(9, 0).plusMinutes(15L * random.nextInt(44));
            Instant from = day.atTime(start).atZone(MADRID).toInstant();
            Booking booking = new Booking(
                    from, new TimeRange(from, from.plus(Duration.ofMinutes(40)))); // 30 minutes and the clean-up
            List<Booking> own = bookingsPerProvider.get(p);
            if (own.stream()
                    .noneMatch(b -> b.blocked()
                                    .start()
                                    .isBefore(booking.blocked().end())
                            && booking.blocked().start().isBefore(b.blocked().end()))) {
                own.add(booking);
                placed++;
            }
        }
        search = new SlotSearch(service, FIRST_DAY, FIRST_DAY.plusDays(days - 1L), Optional.empty());
        prebuilt = calendar();
        if (engine.findSlots(prebuilt, search, policy, NOW).isEmpty()) {
            throw new IllegalStateException("the scenario offers no slot: it would measure nothing");
        }
    }

    private BookingCalendar calendar() {
        List<ProviderAgenda> agendas = new ArrayList<>(providers.size());
        for (int p = 0; p < providers.size(); p++) {
            agendas.add(new ProviderAgenda(
                    providers.get(p), Optional.empty(), Map.of(), bookingsPerProvider.get(p), List.of()));
        }
        return new BookingCalendar(MADRID, hours, Map.of(), agendas);
    }

    /** What a request pays: agendas from the loaded bookings, then the search. */
    @Benchmark
    public List<AvailableSlot> agendasAndSearch() {
        return engine.findSlots(calendar(), search, policy, NOW);
    }

    @Benchmark
    public List<AvailableSlot> engineOnly() {
        return engine.findSlots(prebuilt, search, policy, NOW);
    }
}
