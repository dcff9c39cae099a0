package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.appointment.CancelledBy;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.notification.MessageKind;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.shared.Money;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What a message about an appointment says, as facts for its templates to word: times are in the business's zone.
 *
 * @param previousStart where a moved appointment was
 * @param cancelledBy who called a cancelled appointment off
 * @param manageLink where the client sees, moves or cancels the appointment (client messages only)
 * @param calendarSequence grows with every change of the appointment, so a calendar takes the newest invitation of
 *     one appointment as its update
 * @param clientReply what the client wrote, in a staff alert forwarding their reply to a text
 * @param amount in a payment message, the deposit asked for, or the money given back; for the templates to write in
 *     the message's language
 * @param payBy when a deposit asked for must be paid by, or the time it keeps is released
 * @param payLink where the client pays the deposit asked for: our page for it, which opens Stripe's
 */
public record Message(
        MessageKind kind,
        Language language,
        AppointmentId appointmentId,
        String businessName,
        Optional<String> businessAddress,
        Optional<PhoneNumber> businessPhone,
        String clientName,
        String serviceName,
        String providerName,
        ZonedDateTime start,
        ZonedDateTime end,
        Optional<ZonedDateTime> previousStart,
        Optional<CancelledBy> cancelledBy,
        BookingSource source,
        Optional<String> manageLink,
        int calendarSequence,
        Optional<String> clientReply,
        Optional<Money> amount,
        Optional<ZonedDateTime> payBy,
        Optional<String> payLink) {
    public Message {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(appointmentId, "appointmentId");
        Objects.requireNonNull(businessName, "businessName");
        Objects.requireNonNull(businessAddress, "businessAddress");
        Objects.requireNonNull(businessPhone, "businessPhone");
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(previousStart, "previousStart");
        Objects.requireNonNull(cancelledBy, "cancelledBy");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(manageLink, "manageLink");
        Objects.requireNonNull(clientReply, "clientReply");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(payBy, "payBy");
        Objects.requireNonNull(payLink, "payLink");
    }
}
