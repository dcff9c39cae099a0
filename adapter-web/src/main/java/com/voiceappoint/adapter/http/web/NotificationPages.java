package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.port.in.NotificationsUseCase;
import com.voiceappoint.application.port.in.Page;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.notification.Channel;
import com.voiceappoint.domain.notification.DeliveryStatus;
import com.voiceappoint.domain.notification.Notification;
import com.voiceappoint.domain.notification.TextReply;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a business's clients and staff were sent and what became of each message (why one failed or was skipped), and
 * what clients answered to its texts.
 */
final class NotificationPages implements PageGroup {
    private static final String STATUS = "status";
    private static final String CHANNEL = "channel";
    private static final String REPLIES_AFTER = "replies_after";
    /**
     * A filter reads the log a page at a time until a page's worth matches; past this many pages it shows what it
     * found and offers the next, so a rare status never makes one request read the whole log.
     */
    private static final int MAX_PAGES_READ = 8;

    private final WebPages pages;
    private final Dashboards dashboards;
    private final NotificationsUseCase notifications;

    NotificationPages(WebPages pages, Dashboards dashboards, NotificationsUseCase notifications) {
        this.pages = pages;
        this.dashboards = dashboards;
        this.notifications = notifications;
    }

    @Override
    public void addTo(WebPages pages) {
        pages.get("/dashboard/{slug}/notifications", this::log);
    }

    private void log(Context ctx) {
        Workplace w = dashboards.open(ctx, "notifications");
        Optional<DeliveryStatus> status = Listings.text(ctx, STATUS).flatMap(NotificationPages::status);
        Optional<Channel> channel = Listings.text(ctx, CHANNEL).flatMap(NotificationPages::channel);
        Page<Notification> deliveries = filtered(w, Listings.request(ctx, Listings.AFTER), status, channel);
        Page<TextReply> replies = notifications.replies(
                w.member(), w.business().id(), Optional.empty(), Listings.request(ctx, REPLIES_AFTER));
        Map<String, Optional<String>> filters = new LinkedHashMap<>();
        filters.put(STATUS, status.map(DeliveryStatus::code));
        filters.put(CHANNEL, channel.map(Channel::code));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("w", w);
        model.put("f", Formats.of(w));
        model.put("status", status.map(DeliveryStatus::code).orElse(""));
        model.put("channel", channel.map(Channel::code).orElse(""));
        model.put(
                "statuses",
                Arrays.stream(DeliveryStatus.values()).map(DeliveryStatus::code).toList());
        model.put("channels", Arrays.stream(Channel.values()).map(Channel::code).toList());
        model.put("deliveries", deliveries.items());
        model.put(
                "next",
                Listings.next(w.at("notifications"), filters, deliveries, Listings.AFTER)
                        .orElse(""));
        model.put("replies", replies.items());
        model.put(
                "nextReplies",
                Listings.next(w.at("notifications"), filters, replies, REPLIES_AFTER)
                        .orElse(""));
        pages.render(ctx, "notifications/log.jte", model);
    }

    /** The log's messages with this status and channel, newest first, and where to read on. */
    private Page<Notification> filtered(
            Workplace w, Page.Request asked, Optional<DeliveryStatus> status, Optional<Channel> channel) {
        Page<Notification> read =
                notifications.deliveryLog(w.member(), w.business().id(), Optional.empty(), asked);
        if (status.isEmpty() && channel.isEmpty()) {
            return read;
        }
        List<Notification> kept = new ArrayList<>();
        for (int pagesRead = 1; ; pagesRead++) {
            read.items().stream()
                    .filter(n -> status.map(s -> n.status() == s).orElse(true))
                    .filter(n -> channel.map(c -> n.channel() == c).orElse(true))
                    .forEach(kept::add);
            if (read.next().isEmpty() || kept.size() >= asked.size() || pagesRead == MAX_PAGES_READ) {
                return new Page<>(kept, read.next());
            }
            read = notifications.deliveryLog(
                    w.member(),
                    w.business().id(),
                    Optional.<AppointmentId>empty(),
                    new Page.Request(asked.size(), read.next()));
        }
    }

    /** A filter nobody offers (a hand-edited address) filters nothing rather than failing the page. */
    private static Optional<DeliveryStatus> status(String code) {
        return Arrays.stream(DeliveryStatus.values())
                .filter(s -> s.code().equals(code))
                .findFirst();
    }

    private static Optional<Channel> channel(String code) {
        return Arrays.stream(Channel.values())
                .filter(c -> c.code().equals(code))
                .findFirst();
    }
}
