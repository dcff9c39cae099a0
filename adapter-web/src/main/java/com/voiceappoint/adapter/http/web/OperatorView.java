package com.voiceappoint.adapter.http.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;

/** How the operators' pages write figures, times and links, in the page's language. */
public final class OperatorView {
    private final Visit v;

    OperatorView(Visit v) {
        this.v = v;
    }

    public String count(long value) {
        return NumberFormat.getIntegerInstance(v.language().locale()).format(value);
    }

    /** A moment as the business's clock showed it, the zone named; a dash when there is none. */
    public String when(Optional<Instant> at, ZoneId zone) {
        return at.map(instant -> when(instant, zone)).orElse("—");
    }

    public String when(Instant at, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(v.language().locale())
                        .format(at.atZone(zone))
                + " (" + zone.getId() + ")";
    }

    /** The list's page {@code page} for the same search. */
    public String page(String search, int page) {
        String query = search.isEmpty() ? "" : "q=" + URLEncoder.encode(search, StandardCharsets.UTF_8) + "&";
        return "/operator/?" + query + "page=" + page;
    }
}
