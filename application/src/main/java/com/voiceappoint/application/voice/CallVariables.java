package com.voiceappoint.application.voice;

import com.voiceappoint.application.port.in.RouteCallQuery;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.schedule.WeeklyHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the assistant is told at the start of a call, inbound or outbound: which business it is for (the variable
 * values route every tool call of the call to it), today's date, weekday and time where the business is (a platform's
 * own "now" is UTC, which puts "tomorrow" on the wrong day near midnight), what it offers and when it opens.
 */
public final class CallVariables {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private CallVariables() {}

    /** The variables in the order they are told. */
    public static Map<String, String> of(
            Business business, Speech speech, Instant now, List<Service> services, WeeklyHours weekly) {
        ZonedDateTime local = ZonedDateTime.ofInstant(now, business.zone());
        List<String> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.add(speech.opening(speech.weekday(day), weekly.on(day)));
        }
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(RouteCallQuery.SLUG, business.slug().value());
        variables.put("business_name", business.name());
        variables.put("today", local.toLocalDate().toString());
        variables.put("weekday", speech.weekday(local.getDayOfWeek()));
        variables.put("today_spoken", speech.day(local.toLocalDate()));
        variables.put("time", local.toLocalTime().format(CLOCK));
        variables.put("timezone", business.zone().getId());
        variables.put("locale", speech.language().code());
        variables.put(
                "services",
                String.join("; ", services.stream().map(speech::service).toList()));
        variables.put("hours", String.join("; ", days));
        return variables;
    }
}
