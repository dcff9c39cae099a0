package com.voiceappoint.application.port.in;

import com.voiceappoint.application.port.in.VoiceSettingsUseCase.VoiceConfiguration;
import com.voiceappoint.domain.client.PhoneNumber;
import java.util.List;
import java.util.Optional;

/**
 * Which business a call is for, and what is known of its caller, from what the voice platform vouches for and what we
 * decided ourselves; never from what the call's variables, a tool's fixed parameters or the model claim. In order:
 *
 * <ol>
 *   <li>A web call: the business it names (the {@value #SLUG} variable, or a claim), as a visitor of its public page
 *       would; what it may do is limited to what that page allows.
 *   <li>An outbound call we placed: the business that placed it.
 *   <li>A call on one of our businesses' lines (the line's id, or the number dialled), PSTN or SIP: that line's
 *       business.
 *   <li>A call we put through ourselves, answering the platform's request for an assistant: the business our answer
 *       named.
 *   <li>Anything else (a SIP call to a line we do not know, a call whose variables name a business and nothing more):
 *       no business.
 * </ol>
 *
 * A business slug anywhere (variable, fixed parameter, arguments) naming another business than the one found is
 * refused: on a SIP call the variables may come from the caller's headers.
 *
 * <p>The caller's number is proven only on an inbound call over the phone network (the network gives it) or an
 * outbound call we placed (we dialled it), and never when it is one of the placeholders carriers send for a withheld
 * number. On a SIP call it is the {@code From} header, on a web call whatever the browser sent: a claim.
 */
public interface RouteCallQuery {
    /** The variable (and argument, and fixed tool parameter) that names a business by its slug. */
    String SLUG = "business_slug";

    /** What the call itself says about its business, looked up once for all the tool calls of a message. */
    Route find(CallFacts call);

    /**
     * The decision for one tool call (or a message without any) of a call already {@link #find found}.
     *
     * @param claims business slugs the tool call carries beyond the call's variables: fixed parameters, arguments
     */
    Decision decide(Route route, List<String> claims);

    default Decision decide(CallFacts call, List<String> claims) {
        return decide(find(call), claims);
    }

    /** The business whose line the call is on: the line's id, else the number dialled. */
    Optional<VoiceConfiguration> line(CallFacts call);

    /** How the business was found, which decides what the call may do. */
    enum Channel {
        /** A phone call on the business's line, or one we put through or placed. */
        PHONE,
        /** A web call naming the business: what its public page allows. */
        WEB
    }

    enum Refusal {
        /** Nothing the platform vouches for names one of our businesses. */
        UNKNOWN,
        /** The business does not take voice bookings. */
        VOICE_OFF,
        /** Something in the call names another business. */
        ANOTHER_BUSINESS
    }

    /**
     * A call's business as the call itself says: by the line or our own records on a phone call, by its
     * {@value #SLUG} variable on a web call (without one, a web call's business is the one its first claim names).
     */
    record Route(CallFacts call, Channel channel, Optional<VoiceConfiguration> voice, boolean placedByUs) {}

    /**
     * The outcome for one message (or one tool call of it).
     *
     * @param voice the business found, also when it is refused (its refusal is said in its language)
     * @param refusal why the call is refused, if it is
     * @param provenNumber the caller's number, when the network or our own dialling vouches for it
     * @param claimedNumber the number the call says the caller has, proven or not
     */
    record Decision(
            Optional<VoiceConfiguration> voice,
            Optional<Refusal> refusal,
            Channel channel,
            Optional<PhoneNumber> provenNumber,
            Optional<PhoneNumber> claimedNumber) {

        public boolean routed() {
            return voice.isPresent() && refusal.isEmpty();
        }

        /**
         * The business whose call log a report of the call goes to: a phone call's is its business's even once voice
         * booking is off; a web call's only when it is routed, since its business is only a claim.
         */
        public Optional<VoiceConfiguration> logOwner() {
            boolean theirs = routed()
                    || channel == Channel.PHONE
                            && refusal.filter(Refusal.VOICE_OFF::equals).isPresent();
            return voice.filter(found -> theirs);
        }
    }
}
