package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.notification.TextReply;
import com.voiceappoint.domain.shared.Language;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A client's answer to one of our text messages: "C" confirms they will come, "X" cancels within the business's
 * cutoff, anything else goes to the staff. The reply answers the latest text sent to its sender's number from the
 * line it arrived on, whichever business sent it, and only a recent one; when none, or when two appointments were
 * texted so close together that the reply could be about either, nothing changes and the answer says so. The same
 * reply delivered twice (the same provider id) acts once and is answered the same.
 */
public interface SmsReplyUseCase {

    Answer reply(InboundSms sms);

    /**
     * A text as the provider vouches for it.
     *
     * @param providerId the text's id at the provider (Twilio's {@code MessageSid})
     * @param from the sender, proven by the provider's signature
     * @param lines the numbers (or pools of numbers) the text was sent to, as our own texts name the line they went
     *     from: Twilio's {@code To}, and its {@code MessagingServiceSid} when the number belongs to one
     */
    record InboundSms(String providerId, PhoneNumber from, Set<String> lines, String text) {
        public InboundSms {
            Objects.requireNonNull(providerId, "providerId");
            Objects.requireNonNull(from, "from");
            lines = Set.copyOf(lines);
            text = text == null ? "" : text;
        }
    }

    /**
     * What to tell the client, as facts to word in their language.
     *
     * @param language the client's, else the business's; empty when no business is known (the sender's words)
     * @param businessPhone where to call instead: for a cancellation refused, or a reply nothing could be done with
     * @param start when the appointment the reply was about starts, in the business's zone
     */
    record Answer(
            Outcome outcome,
            Optional<Language> language,
            Optional<String> businessName,
            Optional<PhoneNumber> businessPhone,
            Optional<ZonedDateTime> start) {
        public Answer {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(businessName, "businessName");
            Objects.requireNonNull(businessPhone, "businessPhone");
            Objects.requireNonNull(start, "start");
        }

        /** An answer about no business in particular. */
        public static Answer of(Outcome outcome) {
            return new Answer(outcome, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** What became of a reply. */
    enum Outcome {
        CONFIRMED,
        CANCELLED,
        /** A cancellation after the cutoff: nothing changed; the client should call. */
        TOO_LATE,
        /** The appointment is already cancelled, begun or over: nothing changed. */
        NOT_OPEN,
        /** Sent on to the staff. */
        FORWARDED,
        /** Nothing recent sent to this number from this line: nothing changed. */
        UNKNOWN_SENDER,
        /** Texts about more than one appointment went to this number at nearly the same time: nothing changed. */
        AMBIGUOUS;

        public static Outcome of(TextReply.Outcome kept) {
            return switch (kept) {
                case CONFIRMED -> CONFIRMED;
                case CANCELLED -> CANCELLED;
                case TOO_LATE -> TOO_LATE;
                case NOT_OPEN -> NOT_OPEN;
                case FORWARDED -> FORWARDED;
            };
        }
    }
}
