package com.voiceappoint.adapter.http.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The calendar table of a page read as its rows: each row's time heading and markup. */
final class CalendarRows {
    private static final Pattern ROW = Pattern.compile("<tr class=\"(?:hour|quarter)\">(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern HEADING = Pattern.compile("<th scope=\"row\">(.*?)</th>", Pattern.DOTALL);

    record Row(String time, String markup) {}

    static List<Row> of(String page) {
        List<Row> rows = new ArrayList<>();
        Matcher row = ROW.matcher(page);
        while (row.find()) {
            Matcher heading = HEADING.matcher(row.group(1));
            String time = heading.find()
                    ? heading.group(1)
                            .replaceAll("<[^>]+>", "")
                            .replaceAll("\\s+", " ")
                            .strip()
                    : "";
            rows.add(new Row(time, row.group(1)));
        }
        return rows;
    }

    /** The heading of the row where the appointment's cell begins. */
    static String rowOf(String page, String appointmentId) {
        return of(page).stream()
                .filter(r -> r.markup().contains("/appointments/" + appointmentId + "\""))
                .map(Row::time)
                .findFirst()
                .orElseThrow(() -> new AssertionError("appointment " + appointmentId + " is not drawn"));
    }

    /** How many rows the appointment's cell spans. */
    static int spanOf(String page, String appointmentId) {
        Matcher cell = Pattern.compile(
                        "<td class=\"booked\" rowspan=\"(\\d+)\">\\s*<div class=\"stack\">\\s*<a class=\"appointment [a-z_]+\" href=\"[^\"]*/appointments/"
                                + appointmentId + "\"")
                .matcher(page);
        if (!cell.find()) {
            throw new AssertionError("appointment " + appointmentId + " is not drawn");
        }
        return Integer.parseInt(cell.group(1));
    }

    private CalendarRows() {}
}
