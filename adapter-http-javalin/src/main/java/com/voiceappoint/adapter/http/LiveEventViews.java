package com.voiceappoint.adapter.http;

import com.voiceappoint.adapter.http.problem.Messages;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.event.BusinessEvent;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

/**
 * How an event looks on the stream: the appointment, call, message or service it is about in the same form as the REST
 * API gives it, who made it happen, and a line for a toast in the member's language, times told in the business's
 * zone.
 */
final class LiveEventViews {
    private static final int SUMMARY_CHARACTERS = 140;

    private final ZoneId zone;
    private final Language language;
    private final DateTimeFormatter when;

    LiveEventViews(Business business, Language language) {
        this.zone = business.zone();
        this.language = language;
        this.when = DateTimeFormatter.ofPattern(Messages.get(language, "event.when"), language.locale());
    }

    record ActorView(String type, UUID user, String channel) {}

    record PeriodView(OffsetDateTime start, OffsetDateTime end) {}

    record ServiceView(UUID id, String name, boolean removed) {}

    record HoursView(UUID provider) {}

    record NotificationFailureView(NotificationRoutes.DeliveryView message, UUID provider, String client) {}

    /** One of {@code appointment}, {@code call}, {@code notification}, {@code service} and {@code hours} is there. */
    record EventView(
            String id,
            String type,
            UUID business,
            OffsetDateTime at,
            ActorView actor,
            String text,
            Views.AppointmentView appointment,
            PeriodView movedFrom,
            VoiceRoutes.CallView call,
            NotificationFailureView notification,
            ServiceView service,
            HoursView hours) {}

    EventView of(BusinessEvent event) {
        BusinessEvent.Subject subject = event.subject();
        Views.AppointmentView appointment = null;
        PeriodView movedFrom = null;
        VoiceRoutes.CallView call = null;
        NotificationFailureView notification = null;
        ServiceView service = null;
        HoursView hours = null;
        if (subject instanceof BusinessEvent.AppointmentChange change) {
            appointment = Views.AppointmentView.of(details(change));
            movedFrom = change.movedFrom().map(this::period).orElse(null);
        } else if (subject instanceof BusinessEvent.CallChange change) {
            call = VoiceRoutes.CallView.of(change.call(), zone);
        } else if (subject instanceof BusinessEvent.NotificationFailure failure) {
            notification = new NotificationFailureView(
                    NotificationRoutes.DeliveryView.of(failure.notification(), zone),
                    failure.provider().value(),
                    failure.client());
        } else if (subject instanceof BusinessEvent.ServiceChange change) {
            service = new ServiceView(change.service().value(), change.name(), change.removed());
        } else if (subject instanceof BusinessEvent.HoursChange change) {
            hours = new HoursView(change.provider().map(p -> p.value()).orElse(null));
        }
        return new EventView(
                Long.toString(event.sequence()),
                event.kind().code(),
                event.business().value(),
                Views.at(event.at(), zone),
                actor(event.by()),
                text(event),
                appointment,
                movedFrom,
                call,
                notification,
                service,
                hours);
    }

    private static ActorView actor(BusinessEvent.By by) {
        if (by instanceof BusinessEvent.Member member) {
            return new ActorView("member", member.user().value(), null);
        }
        if (by instanceof BusinessEvent.Client client) {
            return new ActorView("client", null, client.channel().code());
        }
        return new ActorView("engine", null, null);
    }

    /** The line a dashboard shows for the event, in the member's language. */
    String text(BusinessEvent event) {
        String key = "event." + event.kind().code();
        BusinessEvent.Subject subject = event.subject();
        if (subject instanceof BusinessEvent.AppointmentChange change) {
            return words(
                    key + channel(event.by()),
                    key,
                    change.client().name(),
                    change.serviceName(),
                    told(change.appointment().start()),
                    change.movedFrom().map(was -> told(was.start())).orElse(""));
        }
        if (subject instanceof BusinessEvent.CallChange change) {
            String caller =
                    change.call().customerNumber().orElseGet(() -> Messages.get(language, "event.caller.hidden"));
            Optional<String> summary = change.call().summary().filter(s -> !s.isBlank());
            if (event.kind() == BusinessEvent.Kind.CALL_ENDED && summary.isEmpty()) {
                key += ".plain";
            }
            return Messages.get(
                    language,
                    key,
                    caller,
                    summary.map(LiveEventViews::shortened).orElse(""));
        }
        if (subject instanceof BusinessEvent.NotificationFailure failure) {
            return Messages.get(
                    language,
                    key,
                    Messages.get(
                            language,
                            "event.message." + failure.notification().kind().name()),
                    Messages.get(
                            language,
                            "event.channel." + failure.notification().channel().name()),
                    failure.client());
        }
        if (subject instanceof BusinessEvent.ServiceChange change) {
            return Messages.get(language, change.removed() ? "event.service.removed" : key, change.name());
        }
        BusinessEvent.HoursChange change = (BusinessEvent.HoursChange) subject;
        return Messages.get(language, change.provider().isPresent() ? key + ".staff" : key);
    }

    private static AppointmentDetails details(BusinessEvent.AppointmentChange change) {
        return new AppointmentDetails(
                change.appointment(), change.serviceName(), change.providerName(), change.client(), change.zone());
    }

    private String words(String specific, String general, Object... arguments) {
        return Messages.find(language, specific, arguments).orElseGet(() -> Messages.get(language, general, arguments));
    }

    private static String channel(BusinessEvent.By by) {
        return by instanceof BusinessEvent.Client client
                ? "." + client.channel().code()
                : "";
    }

    private String told(Instant at) {
        return when.format(at.atZone(zone));
    }

    private PeriodView period(TimeRange range) {
        return new PeriodView(Views.at(range.start(), zone), Views.at(range.end(), zone));
    }

    private static String shortened(String summary) {
        String line = summary.strip().replaceAll("\\s+", " ");
        return line.length() <= SUMMARY_CHARACTERS
                ? line
                : line.substring(0, SUMMARY_CHARACTERS - 1).stripTrailing() + "…";
    }
}
