package com.voiceappoint.adapter.vapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.schedule.WeeklyHours;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the assistant is told at the start of a call, inbound or outbound: which business it is for (the variable
 * values route every tool call of the call to it), today's date, weekday and time where the business is (Vapi's own
 * {@code {{now}}} is UTC, which puts "tomorrow" on the wrong day near midnight), what it offers and when it opens,
 * and the greeting the business chose.
 */
final class CallVariables {
    private CallVariables() {}

    static void fill(
            ObjectNode overrides,
            Business business,
            Speech speech,
            Clock clock,
            List<Service> services,
            WeeklyHours weekly,
            Optional<String> greeting) {
        greeting.ifPresent(words -> overrides.put("firstMessage", words));
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(business.zone()));
        List<String> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.add(speech.opening(speech.weekday(day), weekly.on(day)));
        }
        overrides
                .putObject("variableValues")
                .put("business_slug", business.slug().value())
                .put("business_name", business.name())
                .put("today", now.toLocalDate().toString())
                .put("weekday", speech.weekday(now.getDayOfWeek()))
                .put("today_spoken", speech.day(now.toLocalDate()))
                .put("time", now.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")))
                .put("timezone", business.zone().getId())
                .put("locale", speech.language().code())
                .put(
                        "services",
                        String.join("; ", services.stream().map(speech::service).toList()))
                .put("hours", String.join("; ", days));
    }
}
