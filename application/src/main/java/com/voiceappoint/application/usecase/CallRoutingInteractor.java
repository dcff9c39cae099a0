package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.in.CallFacts;
import com.voiceappoint.application.port.in.RouteCallQuery;
import com.voiceappoint.application.port.in.VoiceRoutingQuery;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase.VoiceConfiguration;
import com.voiceappoint.application.voice.CallerNumber;
import com.voiceappoint.domain.client.PhoneNumber;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** {@link RouteCallQuery} on the businesses' lines and the calls we put through or placed. */
public final class CallRoutingInteractor implements RouteCallQuery {
    private static final System.Logger LOG = System.getLogger(CallRoutingInteractor.class.getName());

    private final VoiceRoutingQuery routing;

    CallRoutingInteractor(VoiceRoutingQuery routing) {
        this.routing = routing;
    }

    @Override
    public Route find(CallFacts call) {
        if (call.web()) {
            return new Route(
                    call,
                    Channel.WEB,
                    named(call, List.of()).stream().findFirst().flatMap(routing::bySlug),
                    false);
        }
        if (call.outbound()) {
            Optional<VoiceConfiguration> placed = putThrough(call);
            return new Route(call, Channel.PHONE, placed.or(() -> line(call)), placed.isPresent());
        }
        return new Route(call, Channel.PHONE, line(call).or(() -> putThrough(call)), false);
    }

    @Override
    public Decision decide(Route route, List<String> claims) {
        CallFacts call = route.call();
        Optional<PhoneNumber> claimed = call.callerNumber().flatMap(CallerNumber::read);
        List<String> named = named(call, claims);
        Channel channel = route.channel();
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
            LOG.log(
                    System.Logger.Level.WARNING,
                    "call {0} ({1}) named business {2} but is for {3}: refused",
                    call.callId().orElse("?"),
                    call.type().orElse("no type"),
                    other.get(),
                    slug);
            return new Decision(found, Optional.of(Refusal.ANOTHER_BUSINESS), channel, Optional.empty(), claimed);
        }
        if (!voice.enabled()) {
            return new Decision(found, Optional.of(Refusal.VOICE_OFF), channel, Optional.empty(), claimed);
        }
        boolean vouched =
                channel == Channel.PHONE && (call.kind() == CallFacts.Kind.INBOUND_PSTN || route.placedByUs());
        Optional<PhoneNumber> proven = vouched ? claimed : Optional.empty();
        return new Decision(found, Optional.empty(), channel, proven, claimed);
    }

    @Override
    public Optional<VoiceConfiguration> line(CallFacts call) {
        return call.lineId()
                .flatMap(line -> routing.byLineId(call.platform(), line))
                .or(() -> call.dialledNumber().flatMap(number -> routing.byNumber(call.platform(), number)));
    }

    private Optional<VoiceConfiguration> putThrough(CallFacts call) {
        return call.callId().flatMap(routing::byCall);
    }

    /** Every business slug the message names: its variable, then the others given, without unfilled templates. */
    private static List<String> named(CallFacts call, List<String> claims) {
        return Stream.concat(call.variable(SLUG).stream(), claims.stream())
                .map(String::strip)
                .filter(slug -> !slug.isEmpty() && !slug.contains("{{"))
                .map(slug -> slug.toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
    }
}
