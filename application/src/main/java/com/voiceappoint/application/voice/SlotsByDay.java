package com.voiceappoint.application.voice;

import com.voiceappoint.application.port.in.VoiceToolsUseCase.Offer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Free times as a receptionist reads them out: in order, a day named once for all its times, and the people free
 * named once for a run of times they are all free at ("el miércoles 16 a las 10:15 o 10:30 con Marta, y a las 11:30
 * con Sam; el jueves 17 a las 9:00"). The words are {@link Speech}'s; this is only the order and the grouping.
 */
public final class SlotsByDay {
    private SlotsByDay() {}

    /** Times in a row, on one day, with the same people free. */
    public record Run(List<Instant> starts, List<String> who) {}

    /** A local date in the business's zone and its runs, earliest first. */
    public record Day(LocalDate date, List<Run> runs) {}

    /** The offers ordered by time, a start offered twice kept once, grouped by local date in {@code zone}. */
    public static List<Day> group(List<Offer> offers, ZoneId zone) {
        List<Offer> ordered =
                offers.stream().sorted(Comparator.comparing(Offer::start)).toList();
        List<Day> days = new ArrayList<>();
        LocalDate day = null;
        List<Run> runs = new ArrayList<>();
        List<Instant> starts = new ArrayList<>();
        List<String> who = List.of();
        for (Offer offer : ordered) {
            LocalDate date = LocalDate.ofInstant(offer.start(), zone);
            if (!date.equals(day)) {
                close(days, day, runs, starts, who);
                day = date;
                runs = new ArrayList<>();
                starts = new ArrayList<>();
            } else if (starts.get(starts.size() - 1).equals(offer.start())) {
                continue;
            } else if (!offer.who().equals(who)) {
                runs.add(new Run(List.copyOf(starts), who));
                starts = new ArrayList<>();
            }
            starts.add(offer.start());
            who = offer.who();
        }
        close(days, day, runs, starts, who);
        return days;
    }

    private static void close(List<Day> days, LocalDate day, List<Run> runs, List<Instant> starts, List<String> who) {
        if (day == null) {
            return;
        }
        runs.add(new Run(List.copyOf(starts), who));
        days.add(new Day(day, List.copyOf(runs)));
    }
}
