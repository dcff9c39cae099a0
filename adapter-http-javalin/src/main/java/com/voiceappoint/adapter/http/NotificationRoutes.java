package com.voiceappoint.adapter.http;

import com.voiceappoint.adapter.http.problem.InvalidRequestException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.GetBusinessQuery;
import com.voiceappoint.application.port.in.NotificationsUseCase;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.notification.Channel;
import com.voiceappoint.domain.notification.MessageKind;
import com.voiceappoint.domain.notification.Notification;
import com.voiceappoint.domain.notification.NotificationSettings;
import com.voiceappoint.domain.notification.QuietHours;
import com.voiceappoint.domain.notification.TextReply;
import io.javalin.http.Context;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** What a business's clients and staff are sent (its settings), and what became of each message (its delivery log). */
final class NotificationRoutes {
    private final GetBusinessQuery businessQuery;
    private final NotificationsUseCase notifications;
    private final Bodies bodies;

    NotificationRoutes(GetBusinessQuery businessQuery, NotificationsUseCase notifications, Bodies bodies) {
        this.businessQuery = businessQuery;
        this.notifications = notifications;
        this.bodies = bodies;
    }

    record DeliveryView(
            UUID id,
            UUID appointment,
            String message,
            String channel,
            String status,
            String detail,
            String recipient,
            OffsetDateTime dueAt,
            int attempts,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
        static DeliveryView of(Notification n, ZoneId zone) {
            return new DeliveryView(
                    n.id().value(),
                    n.appointmentId().value(),
                    n.kind().code(),
                    n.channel().code(),
                    n.status().code(),
                    n.detail().orElse(null),
                    n.recipient().orElse(null),
                    Views.at(n.dueAt(), zone),
                    n.attempts(),
                    Views.at(n.createdAt(), zone),
                    Views.at(n.updatedAt(), zone));
        }
    }

    /** A client's answer to a text; the number it came from is partly masked, as the delivery log's recipients are. */
    record ReplyView(UUID appointment, String from, String text, String outcome, OffsetDateTime receivedAt) {
        static ReplyView of(TextReply reply, ZoneId zone) {
            return new ReplyView(
                    reply.appointmentId().value(),
                    reply.from().masked(),
                    reply.text(),
                    reply.outcome().code(),
                    Views.at(reply.receivedAt(), zone));
        }
    }

    record QuietHoursView(String from, String until) {}

    record SettingsView(
            Map<String, List<String>> channels,
            List<Long> reminderLeadMinutes,
            QuietHoursView quietHours,
            String senderName,
            String replyTo,
            String address,
            String phone,
            String staffEmail) {
        static SettingsView of(NotificationSettings s) {
            Map<String, List<String>> channels = new TreeMap<>();
            s.channels()
                    .forEach((kind, on) -> channels.put(
                            kind.code(), on.stream().sorted().map(Channel::code).toList()));
            return new SettingsView(
                    channels,
                    s.reminderLeads().stream().map(Duration::toMinutes).toList(),
                    s.quietHours()
                            .map(q -> new QuietHoursView(
                                    q.from().toString(), q.until().toString()))
                            .orElse(null),
                    s.senderName().orElse(null),
                    s.replyTo().map(Object::toString).orElse(null),
                    s.address().orElse(null),
                    s.phone().map(Object::toString).orElse(null),
                    s.staffEmail().map(Object::toString).orElse(null));
        }
    }

    /**
     * Fields left out keep their value; an empty text clears an optional one, and {@code quiet_hours} with both times
     * empty sends texts at any hour.
     */
    record SettingsRequest(
            @Size(max = 10, message = "validation.too_many")
            Map<
                            @NotNull(message = "validation.required") String,
                            @NotNull(message = "validation.required") List<String>>
                    channels,

            @Size(max = NotificationSettings.MAX_REMINDERS, message = "validation.too_many")
            List<@NotNull(message = "validation.required") Integer> reminderLeadMinutes,

            QuietHoursView quietHours,

            @Size(max = 200, message = "validation.too_long")
            String senderName,

            @Size(max = 254, message = "validation.too_long")
            String replyTo,

            @Size(max = 400, message = "validation.too_long")
            String address,

            @Size(max = 32, message = "validation.too_long") String phone,

            @Size(max = 254, message = "validation.too_long")
            String staffEmail) {}

    void deliveryLog(Context ctx) {
        Actor.Member member = RequestContext.member(ctx);
        Business business = businessQuery.get(member, new BusinessId(Params.requiredUuid(ctx, "business")));
        Optional<AppointmentId> appointment =
                Params.optionalUuid(ctx, "appointment").map(AppointmentId::new);
        Pages.respond(
                ctx,
                notifications.deliveryLog(member, business.id(), appointment, Pages.request(ctx)),
                entry -> DeliveryView.of(entry, business.zone()));
    }

    void replies(Context ctx) {
        Actor.Member member = RequestContext.member(ctx);
        Business business = businessQuery.get(member, new BusinessId(Params.requiredUuid(ctx, "business")));
        Optional<AppointmentId> appointment =
                Params.optionalUuid(ctx, "appointment").map(AppointmentId::new);
        Pages.respond(
                ctx,
                notifications.replies(member, business.id(), appointment, Pages.request(ctx)),
                reply -> ReplyView.of(reply, business.zone()));
    }

    void settings(Context ctx) {
        ctx.json(SettingsView.of(notifications.settings(RequestContext.member(ctx), businessId(ctx))));
    }

    void updateSettings(Context ctx) {
        Actor.Member member = RequestContext.member(ctx);
        BusinessId id = businessId(ctx);
        SettingsRequest r = bodies.read(ctx, SettingsRequest.class);
        Business business = businessQuery.get(member, id);
        NotificationSettings updated = notifications.updateSettings(
                member,
                id,
                new NotificationsUseCase.SettingsChanges(
                        Optional.ofNullable(r.channels()).map(NotificationRoutes::channels),
                        Optional.ofNullable(r.reminderLeadMinutes()),
                        Optional.ofNullable(r.quietHours()).map(NotificationRoutes::quietHours),
                        Optional.ofNullable(r.senderName()).map(NotificationRoutes::clearedIfBlank),
                        Optional.ofNullable(r.replyTo()).map(NotificationRoutes::clearedIfBlank),
                        Optional.ofNullable(r.address()).map(NotificationRoutes::clearedIfBlank),
                        Optional.ofNullable(r.phone())
                                .map(NotificationRoutes::clearedIfBlank)
                                .map(number -> number.flatMap(n -> PhoneNumbers.e164("phone", n, business))
                                        .map(PhoneNumber::new)),
                        Optional.ofNullable(r.staffEmail()).map(NotificationRoutes::clearedIfBlank)));
        ctx.json(SettingsView.of(updated));
    }

    /** The channels of each message named; a message left out keeps none, as an owner who lists them means. */
    private static Map<MessageKind, Set<Channel>> channels(Map<String, List<String>> asked) {
        Map<MessageKind, Set<Channel>> channels = new EnumMap<>(MessageKind.class);
        asked.forEach((kind, on) -> {
            Set<Channel> set = EnumSet.noneOf(Channel.class);
            on.forEach(channel -> set.add(Channel.parse(channel, "channels")));
            channels.put(MessageKind.parse(kind, "channels"), set);
        });
        return channels;
    }

    private static Optional<QuietHours> quietHours(QuietHoursView asked) {
        Optional<String> from = Optional.ofNullable(asked.from()).filter(t -> !t.isBlank());
        Optional<String> until = Optional.ofNullable(asked.until()).filter(t -> !t.isBlank());
        if (from.isEmpty() && until.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new QuietHours(
                    LocalTime.parse(from.orElseThrow(() -> new DateTimeParseException("missing", "", 0))),
                    LocalTime.parse(until.orElseThrow(() -> new DateTimeParseException("missing", "", 0)))));
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.field("quiet_hours", "invalid", "field.quiet_hours");
        }
    }

    private static Optional<String> clearedIfBlank(String value) {
        return Optional.of(value).filter(v -> !v.isBlank());
    }

    private static BusinessId businessId(Context ctx) {
        return new BusinessId(Params.pathUuid(ctx, "id"));
    }
}
