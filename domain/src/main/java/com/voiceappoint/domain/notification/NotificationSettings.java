package com.voiceappoint.domain.notification;

import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a business's clients and staff are sent, and how it is signed.
 *
 * @param channels the channels each message the business chooses them for goes out on; a message with none is not
 *     sent. Messages it does not choose them for ({@link MessageKind#configurable}) have no entry, and go on
 *     {@link #channelsFor} theirs
 * @param reminderLeads how long before an appointment each reminder goes; a whole number of days counts calendar days
 *     in the business's zone, so a day-before reminder keeps its hour across a clock change
 * @param quietHours when no text message goes out; empty to send at any hour
 * @param senderName the name messages come from; the business's name when empty
 * @param replyTo where a client's answer to an e-mail goes
 * @param address the business's address, printed in every e-mail
 * @param phone the number printed in messages; the voice number when empty
 * @param staffEmail where staff alerts go; the owners' addresses when empty
 */
public record NotificationSettings(
        Map<MessageKind, Set<Channel>> channels,
        List<Duration> reminderLeads,
        Optional<QuietHours> quietHours,
        Optional<String> senderName,
        Optional<EmailAddress> replyTo,
        Optional<String> address,
        Optional<PhoneNumber> phone,
        Optional<EmailAddress> staffEmail) {
    public static final int MAX_REMINDERS = 3;
    public static final Duration SHORTEST_LEAD = Duration.ofMinutes(15);
    public static final Duration LONGEST_LEAD = Duration.ofDays(14);
    public static final int MAX_SENDER_NAME_LENGTH = 100;
    public static final int MAX_ADDRESS_LENGTH = 300;

    /** Every client message by e-mail and text, staff alerts by e-mail, reminders a day and two hours before. */
    public static final NotificationSettings DEFAULT = new NotificationSettings(
            defaultChannels(),
            List.of(Duration.ofDays(1), Duration.ofHours(2)),
            Optional.of(QuietHours.NIGHT),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    public NotificationSettings {
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(reminderLeads, "reminderLeads");
        Objects.requireNonNull(quietHours, "quietHours");
        Objects.requireNonNull(senderName, "senderName");
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(staffEmail, "staffEmail");
        Map<MessageKind, Set<Channel>> copy = new EnumMap<>(MessageKind.class);
        for (MessageKind kind : MessageKind.values()) {
            Set<Channel> on = channels.getOrDefault(kind, Set.of());
            if (!kind.configurable()) {
                InvalidValueException.check(
                        on.isEmpty(),
                        "channels",
                        "payment messages go to every address the client gave (staff: by e-mail); they have no channels"
                                + " to set");
                continue;
            }
            InvalidValueException.check(
                    !kind.forStaff() || !on.contains(Channel.SMS), "channels", "staff alerts go by e-mail only");
            InvalidValueException.check(
                    kind == MessageKind.REMINDER || !on.contains(Channel.CALL),
                    "channels",
                    "only reminders are made by phone call");
            copy.put(kind, on.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(on)));
        }
        channels = Map.copyOf(copy);
        InvalidValueException.check(
                reminderLeads.size() <= MAX_REMINDERS, "reminderLeadMinutes", "at most 3 reminders");
        for (Duration lead : reminderLeads) {
            InvalidValueException.check(
                    lead.compareTo(SHORTEST_LEAD) >= 0 && lead.compareTo(LONGEST_LEAD) <= 0,
                    "reminderLeadMinutes",
                    "a reminder goes between 15 minutes and 14 days before");
        }
        InvalidValueException.check(
                reminderLeads.stream().distinct().count() == reminderLeads.size(),
                "reminderLeadMinutes",
                "each reminder goes at a different time");
        List<Duration> sorted = new ArrayList<>(reminderLeads);
        sorted.sort(Comparator.reverseOrder());
        reminderLeads = List.copyOf(sorted);
        senderName = senderName.map(String::strip).filter(name -> !name.isEmpty());
        InvalidValueException.check(
                senderName.map(String::length).orElse(0) <= MAX_SENDER_NAME_LENGTH,
                "senderName",
                "a sender name is at most 100 characters");
        address = address.map(String::strip).filter(text -> !text.isEmpty());
        InvalidValueException.check(
                address.map(String::length).orElse(0) <= MAX_ADDRESS_LENGTH,
                "address",
                "an address is at most 300 characters");
    }

    private static Map<MessageKind, Set<Channel>> defaultChannels() {
        Map<MessageKind, Set<Channel>> channels = new EnumMap<>(MessageKind.class);
        for (MessageKind kind : MessageKind.values()) {
            if (kind.configurable()) {
                channels.put(kind, everyChannel(kind));
            }
        }
        return channels;
    }

    private static Set<Channel> everyChannel(MessageKind kind) {
        return kind.forStaff() ? Set.of(Channel.EMAIL) : Set.of(Channel.EMAIL, Channel.SMS);
    }

    /**
     * The channels a message goes out on: those the business chose, or, for a message not the business's to choose,
     * e-mail and text to the client (staff: e-mail), so that settings saved before such a message existed send it too.
     */
    public Set<Channel> channelsFor(MessageKind kind) {
        return kind.configurable() ? channels.get(kind) : everyChannel(kind);
    }

    /**
     * When each reminder of an appointment starting at {@code start} is due, by its lead: only those still ahead of
     * {@code now}, so an appointment booked inside a reminder's window gets no such reminder.
     */
    public Map<Duration, Instant> remindersDue(Instant start, Instant now, ZoneId zone) {
        if (channelsFor(MessageKind.REMINDER).isEmpty()) {
            return Map.of();
        }
        Map<Duration, Instant> due = new LinkedHashMap<>();
        for (Duration lead : reminderLeads) {
            Instant at = lead.toSeconds() % Duration.ofDays(1).toSeconds() == 0
                    ? start.atZone(zone).minusDays(lead.toDays()).toInstant()
                    : start.minus(lead);
            if (at.isAfter(now)) {
                due.put(lead, at);
            }
        }
        return due;
    }

    /**
     * When a message due at {@code due} goes out on a channel: texts wait out quiet hours (or, for a reminder, go just
     * before them); empty when a reminder could only go after its appointment began. A request to pay goes at once
     * whatever the hour: the client has just booked and asked for it, and their time is kept only until the payment's
     * deadline, usually within the hour.
     */
    public Optional<Instant> sendTime(
            MessageKind kind, Channel channel, Instant due, Instant appointmentStart, Instant now, ZoneId zone) {
        if (channel != Channel.SMS || quietHours.isEmpty() || kind == MessageKind.PAYMENT_REQUEST) {
            return Optional.of(due);
        }
        Optional<Instant> deadline = kind == MessageKind.REMINDER ? Optional.of(appointmentStart) : Optional.empty();
        return quietHours.get().sendTime(due, deadline, now, zone);
    }
}
