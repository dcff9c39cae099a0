package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * A calendar drawn to scale as a table: a row per quarter of an hour of the business's local time, a column per day
 * and staff member, each appointment a cell spanning the rows its time takes. Rows are local times, so a day that
 * loses an hour to summer time shows the lost quarters as missing, and a day that gains one shows the repeated hour
 * twice, each told apart by its UTC offset; every cell knows the instant it stands for.
 */
public final class CalendarGrid {
    static final int SLOT_MINUTES = 15;
    private static final Duration SLOT = Duration.ofMinutes(SLOT_MINUTES);
    private static final int DAY_MINUTES = 24 * 60;
    private static final int FIRST_SHOWN = 8 * 60;
    private static final int LAST_SHOWN = 20 * 60;

    /** One day and staff member. */
    public record Column(LocalDate day, Provider provider, boolean bookable) {}

    /**
     * @param repeated the second time a local time comes on a day the clocks go back
     * @param offset shown beside the time when the time comes twice in this view, empty otherwise
     */
    public record Row(LocalTime time, boolean repeated, Optional<ZoneOffset> offset) {
        public boolean onTheHour() {
            return time.getMinute() == 0;
        }
    }

    public sealed interface Cell permits Free, Booked, Covered, Missing {}

    /** Nothing booked: a quarter that may be booked if {@code bookable}. */
    public record Free(Instant start, boolean bookable) implements Cell {}

    /** Appointments (one, unless several overlap) spanning {@code rows} rows from here. */
    public record Booked(List<AppointmentDetails> appointments, int rows) implements Cell {}

    /** Under a booked cell above it: not written. */
    public record Covered() implements Cell {}

    /** A local time that does not exist on this day (the hour summer time skips). */
    public record Missing() implements Cell {}

    private final List<Column> columns;
    private final List<Row> rows;
    private final Cell[][] cells;

    private CalendarGrid(List<Column> columns, List<Row> rows, Cell[][] cells) {
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
        this.cells = cells;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<Row> rows() {
        return rows;
    }

    public Cell cell(int row, int column) {
        return cells[row][column];
    }

    /** How many staff columns each day has. */
    public int perDay() {
        long days = columns.stream().map(Column::day).distinct().count();
        return days == 0 ? 0 : (int) (columns.size() / days);
    }

    /**
     * @param appointments those to draw, overlapping the days
     * @param bookable whether the member may book for this staff member at this instant
     */
    static CalendarGrid of(
            List<LocalDate> days,
            List<Provider> providers,
            List<AppointmentDetails> appointments,
            ZoneId zone,
            BiPredicate<Provider, Instant> bookable) {
        List<Column> columns = new ArrayList<>();
        for (LocalDate day : days) {
            for (Provider provider : providers) {
                columns.add(new Column(day, provider, false));
            }
        }
        List<Row> rows = rows(days, appointments, zone);
        Cell[][] cells = new Cell[rows.size()][columns.size()];
        ZoneRules rules = zone.getRules();
        // each column reads only its staff member's appointments, in start order: a week has 35 columns and
        // thousands of appointments
        Map<ProviderId, List<AppointmentDetails>> byProvider = appointments.stream()
                .sorted(Comparator.comparing(a -> a.appointment().start()))
                .collect(Collectors.groupingBy(a -> a.appointment().providerId()));
        Instant[] starts = new Instant[rows.size()];
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            boolean anyBookable = false;
            for (int r = 0; r < rows.size(); r++) {
                Optional<Instant> start = instant(column.day(), rows.get(r), rules);
                starts[r] = start.orElse(null);
                if (start.isEmpty()) {
                    cells[r][c] = new Missing();
                } else {
                    boolean mayBook = bookable.test(column.provider(), start.get());
                    anyBookable |= mayBook;
                    cells[r][c] = new Free(start.get(), mayBook);
                }
            }
            columns.set(c, new Column(column.day(), column.provider(), anyBookable));
            place(
                    cells,
                    c,
                    starts,
                    column,
                    byProvider.getOrDefault(column.provider().id(), List.of()),
                    zone);
        }
        return new CalendarGrid(columns, rows, cells);
    }

    /**
     * Each appointment of the column over the rows it takes; ones that overlap share a cell.
     *
     * @param starts the instant each row of the column starts at, null where the day skips it
     * @param theirs the column's staff member's appointments, in start order
     */
    private static void place(
            Cell[][] cells, int c, Instant[] starts, Column column, List<AppointmentDetails> theirs, ZoneId zone) {
        TimeRange day = TimeRange.days(column.day(), column.day(), zone);
        int blockStart = -1;
        int blockEnd = -1;
        List<AppointmentDetails> block = new ArrayList<>();
        for (AppointmentDetails details : theirs) {
            if (!details.appointment().time().overlaps(day)) {
                continue;
            }
            int first = rowAt(starts, details.appointment().start(), true);
            int last = rowAt(starts, details.appointment().end(), false);
            if (first < 0 || last < first) {
                continue;
            }
            if (!block.isEmpty() && first <= blockEnd) {
                block.add(details);
                blockEnd = Math.max(blockEnd, last);
                continue;
            }
            write(cells, c, blockStart, blockEnd, block);
            block = new ArrayList<>(List.of(details));
            blockStart = first;
            blockEnd = last;
        }
        write(cells, c, blockStart, blockEnd, block);
    }

    private static void write(Cell[][] cells, int c, int first, int last, List<AppointmentDetails> block) {
        if (block.isEmpty()) {
            return;
        }
        cells[first][c] = new Booked(List.copyOf(block), last - first + 1);
        for (int r = first + 1; r <= last; r++) {
            cells[r][c] = new Covered();
        }
    }

    /**
     * The row an instant falls in: for a start, the last quarter starting at or before it (the first row if it is
     * before them all); for an end, the last quarter starting before it.
     */
    private static int rowAt(Instant[] starts, Instant at, boolean start) {
        int found = -1;
        for (int r = 0; r < starts.length; r++) {
            if (starts[r] != null) {
                boolean before = start ? !starts[r].isAfter(at) : starts[r].isBefore(at);
                if (before) {
                    found = r;
                } else if (found < 0 && start) {
                    return r;
                }
            }
        }
        return found;
    }

    /** The instant a local time of the day stands for, or empty when the day skips it. */
    private static Optional<Instant> instant(LocalDate day, Row row, ZoneRules rules) {
        LocalDateTime local = day.atTime(row.time());
        ZoneOffsetTransition transition = rules.getTransition(local);
        if (transition != null && transition.isGap()) {
            return Optional.empty();
        }
        if (transition != null) {
            ZoneOffset offset = row.repeated() ? transition.getOffsetAfter() : transition.getOffsetBefore();
            return Optional.of(local.toInstant(offset));
        }
        return row.repeated() ? Optional.empty() : Optional.of(local.toInstant(rules.getOffset(local)));
    }

    /**
     * The local times shown: from 08:00 to 20:00, widened to the whole hours of any appointment outside them, with the
     * hour a day repeats shown twice.
     */
    private static List<Row> rows(List<LocalDate> days, List<AppointmentDetails> appointments, ZoneId zone) {
        int from = FIRST_SHOWN;
        int to = LAST_SHOWN;
        for (LocalDate day : days) {
            TimeRange range = TimeRange.days(day, day, zone);
            for (AppointmentDetails details : appointments) {
                TimeRange time = details.appointment().time();
                if (!time.overlaps(range)) {
                    continue;
                }
                int start = time.start().isAfter(range.start()) ? minuteOfDay(time.start(), zone) : 0;
                int end = time.end().isBefore(range.end()) ? minuteOfDay(time.end(), zone) : DAY_MINUTES;
                from = Math.min(from, start - start % 60);
                to = Math.max(to, end % 60 == 0 ? end : end - end % 60 + 60);
            }
        }
        to = Math.min(to, DAY_MINUTES);
        List<ZoneOffsetTransition> overlaps = new ArrayList<>();
        for (LocalDate day : days) {
            TimeRange range = TimeRange.days(day, day, zone);
            ZoneOffsetTransition next =
                    zone.getRules().nextTransition(range.start().minusNanos(1));
            if (next != null && next.isOverlap() && next.getInstant().isBefore(range.end())) {
                overlaps.add(next);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int minute = from; minute < to; minute += SLOT_MINUTES) {
            LocalTime time = LocalTime.of(minute / 60, minute % 60);
            Optional<ZoneOffsetTransition> twice = overlaps.stream()
                    .filter(t -> !time.isBefore(t.getDateTimeAfter().toLocalTime())
                            && time.isBefore(t.getDateTimeBefore().toLocalTime()))
                    .findFirst();
            rows.add(new Row(time, false, twice.map(ZoneOffsetTransition::getOffsetBefore)));
            LocalTime next = time.plus(SLOT);
            // after the last quarter of the hour's first time round, the same quarters again
            for (ZoneOffsetTransition t : overlaps) {
                LocalTime repeatFrom = t.getDateTimeAfter().toLocalTime();
                LocalTime repeatTo = t.getDateTimeBefore().toLocalTime();
                if (next.equals(repeatTo) && !time.isBefore(repeatFrom)) {
                    for (LocalTime again = repeatFrom; again.isBefore(repeatTo); again = again.plus(SLOT)) {
                        int m = again.getHour() * 60 + again.getMinute();
                        if (m >= from) {
                            rows.add(new Row(again, true, Optional.of(t.getOffsetAfter())));
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static int minuteOfDay(Instant at, ZoneId zone) {
        LocalTime local = at.atZone(zone).toLocalTime();
        return local.getHour() * 60 + local.getMinute();
    }
}
