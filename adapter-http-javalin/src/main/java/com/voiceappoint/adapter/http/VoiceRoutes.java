package com.voiceappoint.adapter.http;

import com.voiceappoint.adapter.http.ratelimit.Limit;
import com.voiceappoint.adapter.http.ratelimit.RateLimiter;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.CallLogUseCase;
import com.voiceappoint.application.port.in.GetBusinessQuery;
import com.voiceappoint.application.port.in.ManageBusinessesUseCase;
import com.voiceappoint.application.port.in.PlaceOutboundCallUseCase;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase.VoiceConfiguration;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.voice.FaqEntry;
import com.voiceappoint.domain.voice.VoiceCall;
import io.javalin.http.Context;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Each business's phone set-up for the shared voice assistant, and its calls with it. */
final class VoiceRoutes {
    /** Each call costs the platform's money and a client's attention: a business places this many an hour. */
    static final Limit OUTBOUND_PER_BUSINESS = new Limit("outbound-calls", 30, Duration.ofHours(1));

    private final GetBusinessQuery businessQuery;
    private final ManageBusinessesUseCase businesses;
    private final VoiceSettingsUseCase voiceSettings;
    private final CallLogUseCase callLog;
    private final PlaceOutboundCallUseCase outboundCalls;
    private final Bodies bodies;
    private final RateLimiter limiter;

    VoiceRoutes(
            GetBusinessQuery businessQuery,
            ManageBusinessesUseCase businesses,
            VoiceSettingsUseCase voiceSettings,
            CallLogUseCase callLog,
            PlaceOutboundCallUseCase outboundCalls,
            Bodies bodies,
            RateLimiter limiter) {
        this.businessQuery = businessQuery;
        this.businesses = businesses;
        this.voiceSettings = voiceSettings;
        this.callLog = callLog;
        this.outboundCalls = outboundCalls;
        this.bodies = bodies;
        this.limiter = limiter;
    }

    /** A question callers ask, and the business's answer. */
    record FaqItem(
            @NotBlank(message = "validation.required") @Size(max = 200, message = "validation.too_long")
            String question,

            @NotBlank(message = "validation.required") @Size(max = 1000, message = "validation.too_long")
            String answer) {}

    /**
     * Fields left out keep their value; "" clears the assistant, the greeting, the language or the transfer number;
     * {@code faq} replaces the questions as a whole.
     */
    record VoiceConfigRequest(
            Boolean enabled,

            @Size(max = 10, message = "validation.too_many")
            List<@NotBlank(message = "validation.required") @Size(max = 32, message = "validation.too_long") String>
                    numbers,

            @Size(max = 10, message = "validation.too_many")
            List<@NotBlank(message = "validation.required") @Size(max = 100, message = "validation.too_long") String>
                    lineIds,

            @Size(max = 100, message = "validation.too_long")
            String assistantId,

            @Size(max = 500, message = "validation.too_long")
            String greeting,

            @Size(max = 10, message = "validation.too_long") String language,

            @Size(max = 32, message = "validation.too_long") String transferNumber,

            @Size(max = 2000, message = "validation.too_long")
            String description,

            @Size(max = 30, message = "validation.too_many")
            List<@NotNull(message = "validation.required") @Valid FaqItem> faq) {}

    record VoiceConfigView(
            UUID business,
            String businessSlug,
            boolean enabled,
            List<String> numbers,
            List<String> lineIds,
            String assistantId,
            String greeting,
            String language,
            String transferNumber,
            String description,
            List<FaqItem> faq) {
        static VoiceConfigView of(VoiceConfiguration c) {
            var s = c.settings();
            return new VoiceConfigView(
                    c.business().id().value(),
                    c.business().slug().value(),
                    c.enabled(),
                    s.numbers().stream().map(PhoneNumber::value).toList(),
                    s.lineIds(),
                    s.assistantId().orElse(null),
                    s.greeting().orElse(null),
                    s.language().map(Language::code).orElse(null),
                    s.transferNumber().map(PhoneNumber::value).orElse(null),
                    s.description(),
                    s.faq().stream()
                            .map(entry -> new FaqItem(entry.question(), entry.answer()))
                            .toList());
        }
    }

    record CallView(
            String callId,
            UUID business,
            String type,
            String status,
            String customerNumber,
            String dialledNumber,
            OffsetDateTime startedAt,
            OffsetDateTime endedAt,
            Long durationSeconds,
            BigDecimal cost,
            String endedReason,
            String summary,
            String recordingUrl,
            OffsetDateTime firstSeenAt) {
        static CallView of(VoiceCall c, ZoneId zone) {
            return new CallView(
                    c.callId(),
                    c.businessId().value(),
                    c.type().orElse(null),
                    c.status().orElse(null),
                    c.customerNumber().orElse(null),
                    c.dialledNumber().orElse(null),
                    c.startedAt().map(at -> Views.at(at, zone)).orElse(null),
                    c.endedAt().map(at -> Views.at(at, zone)).orElse(null),
                    c.duration().map(Duration::toSeconds).orElse(null),
                    c.cost().orElse(null),
                    c.endedReason().orElse(null),
                    c.summary().orElse(null),
                    c.recordingUrl().orElse(null),
                    Views.at(c.firstSeenAt(), zone));
        }
    }

    record MessageView(String role, String text, OffsetDateTime at) {}

    record TranscriptView(
            CallView call, String transcript, List<MessageView> messages, List<Views.AppointmentView> appointments) {}

    void calls(Context ctx) {
        Actor.Member member = RequestContext.member(ctx);
        Business business = businessQuery.get(member, new BusinessId(Params.requiredUuid(ctx, "business")));
        Pages.respond(
                ctx,
                callLog.calls(member, business.id(), Pages.request(ctx)),
                call -> CallView.of(call, business.zone()));
    }

    void transcript(Context ctx) {
        Actor.Member member = RequestContext.member(ctx);
        CallLogUseCase.CallRecord record = callLog.transcript(member, ctx.pathParam("call_id"));
        VoiceCall call = record.call();
        ZoneId zone = businessQuery.get(member, call.businessId()).zone();
        ctx.json(new TranscriptView(
                CallView.of(call, zone),
                call.transcript().orElse(null),
                call.messages().stream()
                        .map(m -> new MessageView(
                                m.role(),
                                m.text(),
                                m.at().map(at -> Views.at(at, zone)).orElse(null)))
                        .toList(),
                record.appointments().stream().map(Views.AppointmentView::of).toList()));
    }

    record OutboundCallRequest(
            @NotBlank(message = "validation.required") @Size(max = 32, message = "validation.too_long")
            String number,

            @Size(max = 150, message = "validation.too_long")
            String name) {}

    record PlacedCallView(String callId, String status) {}

    void placeCall(Context ctx) {
        Actor.Member member = RequestContext.member(ctx);
        Business business = businessQuery.get(member, new BusinessId(Params.pathUuid(ctx, "id")));
        OutboundCallRequest r = bodies.read(ctx, OutboundCallRequest.class);
        String number = PhoneNumbers.e164("number", r.number(), business).orElseThrow();
        limiter.require(OUTBOUND_PER_BUSINESS, business.id().toString());
        var placed = outboundCalls.place(member, business.id(), number, Optional.ofNullable(r.name()));
        ctx.status(201).json(new PlacedCallView(placed.callId(), placed.status()));
    }

    void list(Context ctx) {
        Actor.Member member = RequestContext.member(ctx);
        Pages.respond(
                ctx,
                businesses.mine(member).stream()
                        .map(m -> VoiceConfigView.of(
                                voiceSettings.get(member, m.business().id())))
                        .toList());
    }

    void get(Context ctx) {
        ctx.json(VoiceConfigView.of(voiceSettings.get(RequestContext.member(ctx), businessId(ctx))));
    }

    void update(Context ctx) {
        Actor.Member member = RequestContext.member(ctx);
        BusinessId id = businessId(ctx);
        VoiceConfigRequest r = bodies.read(ctx, VoiceConfigRequest.class);
        Business business = businessQuery.get(member, id);
        Optional<List<String>> numbers = Optional.ofNullable(r.numbers())
                .map(typed -> typed.stream()
                        .map(n -> PhoneNumbers.e164("numbers", n, business).orElseThrow())
                        .toList());
        VoiceConfiguration updated = voiceSettings.update(
                member,
                id,
                new VoiceSettingsUseCase.Changes(
                        Optional.ofNullable(r.enabled()),
                        numbers,
                        Optional.ofNullable(r.lineIds()),
                        Optional.ofNullable(r.assistantId()).map(VoiceRoutes::clearedIfBlank),
                        Optional.ofNullable(r.greeting()).map(VoiceRoutes::clearedIfBlank),
                        Optional.ofNullable(r.language()).map(VoiceRoutes::clearedIfBlank),
                        Optional.ofNullable(r.transferNumber())
                                .map(n -> PhoneNumbers.e164("transfer_number", n, business)),
                        Optional.ofNullable(r.description()),
                        Optional.ofNullable(r.faq())
                                .map(items -> items.stream()
                                        .map(item -> new FaqEntry(item.question(), item.answer()))
                                        .toList())));
        ctx.json(VoiceConfigView.of(updated));
    }

    private static Optional<String> clearedIfBlank(String value) {
        return Optional.of(value).filter(v -> !v.isBlank());
    }

    private static BusinessId businessId(Context ctx) {
        return new BusinessId(Params.pathUuid(ctx, "business"));
    }
}
