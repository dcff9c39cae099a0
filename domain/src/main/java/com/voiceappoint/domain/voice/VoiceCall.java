package com.voiceappoint.domain.voice;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.shared.InvalidValueException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A phone call with the voice assistant, as the business's call log keeps it. It fills in as the platform reports on
 * it (ringing, in progress, ended, then the end-of-call report with cost, summary, recording and transcript); a later
 * report never erases what an earlier one said.
 *
 * @param callId the voice platform's id of the call
 * @param type inbound, outbound or web
 */
public record VoiceCall(
        BusinessId businessId,
        String callId,
        Optional<String> type,
        Optional<String> status,
        Optional<String> customerNumber,
        Optional<String> dialledNumber,
        Optional<Instant> startedAt,
        Optional<Instant> endedAt,
        Optional<BigDecimal> cost,
        Optional<String> endedReason,
        Optional<String> summary,
        Optional<String> recordingUrl,
        Optional<String> transcript,
        List<CallMessage> messages,
        Instant firstSeenAt) {
    public static final int MAX_ID_LENGTH = 100;
    private static final String ENDED = "ended";

    public VoiceCall {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(callId, "callId");
        InvalidValueException.check(
                !callId.isBlank() && callId.length() <= MAX_ID_LENGTH, "callId", "a call id has 1 to 100 characters");
        messages = List.copyOf(messages);
        Objects.requireNonNull(firstSeenAt, "firstSeenAt");
    }

    /** A call first heard of now, knowing nothing about it yet but its id. */
    public static VoiceCall heardOf(BusinessId businessId, String callId, Instant now) {
        return started(businessId, callId, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), now);
    }

    /** A call as its first report describes it: what kind, where it stands, who and which number. */
    public static VoiceCall started(
            BusinessId businessId,
            String callId,
            Optional<String> type,
            Optional<String> status,
            Optional<String> customerNumber,
            Optional<String> dialledNumber,
            Instant now) {
        return new VoiceCall(
                businessId,
                callId,
                type,
                status,
                customerNumber,
                dialledNumber,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                now);
    }

    public Optional<Duration> duration() {
        return startedAt
                .flatMap(start -> endedAt.map(end -> Duration.between(start, end)))
                .filter(d -> !d.isNegative());
    }

    public boolean ended() {
        return endedAt.isPresent() || status.map(ENDED::equals).orElse(false);
    }

    /** This call without its transcript and messages: what a summary of it shows. */
    public VoiceCall withoutConversation() {
        return new VoiceCall(
                businessId,
                callId,
                type,
                status,
                customerNumber,
                dialledNumber,
                startedAt,
                endedAt,
                cost,
                endedReason,
                summary,
                recordingUrl,
                Optional.empty(),
                List.of(),
                firstSeenAt);
    }

    /** An ended call whose reports never said when it ended ended, at the latest, when we heard it had. */
    public VoiceCall endedNoLaterThan(Instant heard) {
        if (!ended() || endedAt.isPresent()) {
            return this;
        }
        return new VoiceCall(
                businessId,
                callId,
                type,
                status,
                customerNumber,
                dialledNumber,
                startedAt,
                Optional.of(heard),
                cost,
                endedReason,
                summary,
                recordingUrl,
                transcript,
                messages,
                firstSeenAt);
    }

    /**
     * This call with what {@code report} adds: each field it carries replaces ours, the rest stay, and an ended call
     * stays ended (reports can arrive out of order).
     */
    public VoiceCall with(VoiceCall report) {
        return new VoiceCall(
                businessId,
                callId,
                report.type.or(() -> type),
                status.filter(ENDED::equals).or(() -> report.status).or(() -> status),
                report.customerNumber.or(() -> customerNumber),
                report.dialledNumber.or(() -> dialledNumber),
                report.startedAt.or(() -> startedAt),
                report.endedAt.or(() -> endedAt),
                report.cost.or(() -> cost),
                report.endedReason.or(() -> endedReason),
                report.summary.or(() -> summary),
                report.recordingUrl.or(() -> recordingUrl),
                report.transcript.or(() -> transcript),
                report.messages.isEmpty() ? messages : report.messages,
                firstSeenAt);
    }
}
