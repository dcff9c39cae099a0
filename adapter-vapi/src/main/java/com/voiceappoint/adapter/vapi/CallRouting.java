package com.voiceappoint.adapter.vapi;

import com.voiceappoint.application.port.in.VoiceRoutingQuery;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase.VoiceConfiguration;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.InvalidValueException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which business a message is for, and what is known of its caller, from what Vapi vouches for and what we decided
 * ourselves; never from what the call's variables, a tool's static parameters or the model claim. In order:
 *
 * <ol>
 *   <li>A web call: the business it names (the {@code business_slug} variable or static parameter), as a visitor of
 *       its public page would; what it may do is limited to what that page allows.
 *   <li>An outbound call we placed: the business that placed it.
 *   <li>A call on one of our businesses' lines (the line's id, or the number dialled), PSTN or SIP: that line's
 *       business.
 *   <li>A call we put through ourselves, answering Vapi's assistant request: the business our answer named.
 *   <li>Anything else (a SIP call to a line we do not know, a call whose variables name a business and nothing more):
 *       no business.
 * </ol>
 *
 * A {@code business_slug} anywhere (variable, static parameter, arguments) naming another business than the one
 * found is refused: on a SIP call the variables come from the caller's {@code X-} headers.
 *
 * <p>The caller's number is proven only on an inbound PSTN call (the phone network gives it) or an outbound call we
 * placed (we dialled it), and never when it is one of the placeholders carriers send for a withheld number. On a SIP
 * call it is the {@code From} header, on a web call whatever the browser sent: a claim.
 */
final class CallRouting {
    private static final Logger LOG = LoggerFactory.getLogger(CallRouting.class);
    static final String SLUG = "business_slug";

    /**
     * What carriers put in place of a withheld number: the words on a phone keypad (ANONYMOUS, UNAVAILABLE, UNKNOWN,
     * BLOCKED, RESTRICTED). As E.164 they look like numbers, and every withheld caller would share one.
     */
    private static final Set<String> WITHHELD =
            Set.of("+266696687", "+86282452253", "+8656696", "+2562533", "+7378742833");

    private final VoiceRoutingQuery routing;

    CallRouting(VoiceRoutingQuery routing) {
        this.routing = routing;
    }

    /** How the business was found, which decides what the call may do. */
    enum Channel {
        /** A phone call on the business's line, or one we put through or placed. */
        PHONE,
        /** A web call naming the business: what its public page allows. */
        WEB
    }

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

        boolean routed() {
            return voice.isPresent() && refusal.isEmpty();
        }
    }

    enum Refusal {
        /** Nothing Vapi vouches for names one of our businesses. */
        UNKNOWN,
        /** The business does not take voice bookings. */
        VOICE_OFF,
        /** Something in the call names another business. */
        ANOTHER_BUSINESS
    }

    /**
     * What the call itself says about its business, looked up once for a whole message: by the line or our own
     * records on a phone call, by its {@code business_slug} variable on a web call (without one, a web call's business
     * is the one its first claim names, looked up by {@link #decide(Found, List)}).
     */
    record Found(CallContext call, Channel channel, Optional<VoiceConfiguration> voice, boolean placedByUs) {}

    Found find(CallContext call) {
        if (call.webCall()) {
            return new Found(
                    call,
                    Channel.WEB,
                    named(call, List.of()).stream().findFirst().flatMap(routing::bySlug),
                    false);
        }
        if (call.outbound()) {
            Optional<VoiceConfiguration> placed = putThrough(call);
            return new Found(call, Channel.PHONE, placed.or(() -> line(call)), placed.isPresent());
        }
        return new Found(call, Channel.PHONE, line(call).or(() -> putThrough(call)), false);
    }

    /**
     * @param claims business slugs the message carries beyond the call's variables: static parameters, arguments
     */
    Decision decide(CallContext call, List<String> claims) {
        return decide(find(call), claims);
    }

    /**
     * The decision for one tool call (or a message without any) of a call already {@link #find found}: its claims
     * checked against the business found.
     *
     * @param claims business slugs the tool call carries beyond the call's variables: static parameters, arguments
     */
    Decision decide(Found route, List<String> claims) {
        CallContext call = route.call();
        Optional<PhoneNumber> claimed = call.customerNumber().flatMap(CallRouting::number);
        List<String> named = named(call, claims);
        Channel channel = route.channel();
        boolean placedByUs = route.placedByUs();
        Optional<VoiceConfiguration> found = route.voice();
        if (channel == Channel.WEB && named(call, List.of()).isEmpty()) {
            found = named.stream().findFirst().flatMap(routing::bySlug);
        }
        if (found.isEmpty()) {
            return new Decision(Optional.empty(), Optional.of(Refusal.UNKNOWN), channel, Optional.empty(), claimed);
        }
        VoiceConfiguration voice = found.get();
        String slug = voice.business().slug().value();
        Optional<String> other =
                named.stream().filter(n -> !n.equalsIgnoreCase(slug)).findFirst();
        if (other.isPresent()) {
            LOG.warn(
                    "call {} ({}) named business {} but is for {}: refused",
                    call.callId().orElse("?"),
                    call.callType().orElse("no type"),
                    other.get(),
                    slug);
            return new Decision(found, Optional.of(Refusal.ANOTHER_BUSINESS), channel, Optional.empty(), claimed);
        }
        if (!voice.enabled()) {
            return new Decision(found, Optional.of(Refusal.VOICE_OFF), channel, Optional.empty(), claimed);
        }
        boolean vouched = channel == Channel.PHONE && (call.pstn() && !call.outbound() || placedByUs);
        Optional<PhoneNumber> proven = vouched ? claimed : Optional.empty();
        return new Decision(found, Optional.empty(), channel, proven, claimed);
    }

    /** The business whose line the call is on: the line's id, else the number. */
    Optional<VoiceConfiguration> line(CallContext call) {
        return call.lineId()
                .flatMap(routing::byLineId)
                .or(() -> call.dialledNumber().flatMap(routing::byNumber));
    }

    private Optional<VoiceConfiguration> putThrough(CallContext call) {
        return call.callId().flatMap(routing::byCall);
    }

    /** Every business slug the message names: its variable, then the others given, without unfilled templates. */
    private static List<String> named(CallContext call, List<String> claims) {
        return Stream.concat(call.variable(SLUG).stream(), claims.stream())
                .map(String::strip)
                .filter(slug -> !slug.isEmpty() && !slug.contains("{{"))
                .map(slug -> slug.toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
    }

    /** A number in E.164 that is not a withheld placeholder. */
    static Optional<PhoneNumber> number(String given) {
        String compact = given.strip().replaceAll("[\\s().-]", "");
        if (WITHHELD.contains(compact)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PhoneNumber(compact));
        } catch (InvalidValueException notE164) {
            return Optional.empty();
        }
    }
}
