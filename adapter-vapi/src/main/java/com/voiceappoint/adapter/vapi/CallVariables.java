package com.voiceappoint.adapter.vapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.voiceappoint.domain.business.Business;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The assistant's variable values for a call: which business it is for (so every tool call of the call is routed to
 * it) and what it cannot know otherwise, today's date, weekday and time where the business is. Vapi's own
 * {@code {{now}}} is UTC, which puts "tomorrow" on the wrong day near midnight.
 */
final class CallVariables {
    private CallVariables() {}

    static ObjectNode fill(ObjectNode variables, Business business, Speech speech, Clock clock) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(business.zone()));
        return variables
                .put("business_slug", business.slug().value())
                .put("business_name", business.name())
                .put("today", now.toLocalDate().toString())
                .put("weekday", speech.weekday(now.getDayOfWeek()))
                .put("today_spoken", speech.day(now.toLocalDate()))
                .put("time", now.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")))
                .put("timezone", business.zone().getId())
                .put("locale", speech.language().code());
    }
}
