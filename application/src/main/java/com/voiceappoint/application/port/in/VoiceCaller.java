package com.voiceappoint.application.port.in;

import com.voiceappoint.application.port.in.VoiceSettingsUseCase.VoiceConfiguration;
import com.voiceappoint.domain.client.PhoneNumber;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling a business, and how far that is known.
 *
 * @param voice the business the call was routed to
 * @param number the number to book and hold with: the caller's when the network vouches for it, what a SIP call
 *     claims otherwise, none on a web call (its client gives an e-mail)
 * @param numberProven whether the network (or our own dialling) vouches for {@code number}
 * @param claimedNumber what the call says the caller's number is, proven or not
 * @param web a web call: what the business's public page allows, and no more
 * @param callId the platform's id of the call
 * @param platform the voice platform the call is on
 */
public record VoiceCaller(
        VoiceConfiguration voice,
        Optional<PhoneNumber> number,
        boolean numberProven,
        Optional<PhoneNumber> claimedNumber,
        boolean web,
        Optional<String> callId,
        String platform) {
    public VoiceCaller {
        Objects.requireNonNull(voice, "voice");
        Objects.requireNonNull(platform, "platform");
    }

    /** The caller of a call routed by {@code decision}. */
    public static VoiceCaller of(RouteCallQuery.Decision decision, CallFacts call) {
        boolean web = decision.channel() == RouteCallQuery.Channel.WEB;
        return new VoiceCaller(
                decision.voice().orElseThrow(),
                decision.provenNumber().or(() -> web ? Optional.empty() : decision.claimedNumber()),
                decision.provenNumber().isPresent(),
                decision.claimedNumber(),
                web,
                call.callId(),
                call.platform());
    }
}
