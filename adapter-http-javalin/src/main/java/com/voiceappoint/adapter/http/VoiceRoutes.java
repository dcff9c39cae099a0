package com.voiceappoint.adapter.http;

import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase.VoiceConfiguration;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.Language;
import io.javalin.http.Context;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Each business's phone set-up for the shared voice assistant: on or off, its numbers, greeting and language. */
final class VoiceRoutes {
    private final UseCases app;
    private final Bodies bodies;

    VoiceRoutes(UseCases app, Bodies bodies) {
        this.app = app;
        this.bodies = bodies;
    }

    /** Fields left out keep their value; "" clears the assistant, the greeting or the language. */
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

            @Size(max = 10, message = "validation.too_long") String language) {}

    record VoiceConfigView(
            UUID business,
            String businessSlug,
            boolean enabled,
            List<String> numbers,
            List<String> lineIds,
            String assistantId,
            String greeting,
            String language) {
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
                    s.language().map(Language::code).orElse(null));
        }
    }

    void list(Context ctx) {
        Actor.Member member = RequestContext.member(ctx);
        Pages.respond(
                ctx,
                app.businesses().mine(member).stream()
                        .map(m -> VoiceConfigView.of(
                                app.voiceSettings().get(member, m.business().id())))
                        .toList());
    }

    void get(Context ctx) {
        ctx.json(VoiceConfigView.of(app.voiceSettings().get(RequestContext.member(ctx), businessId(ctx))));
    }

    void update(Context ctx) {
        Actor.Member member = RequestContext.member(ctx);
        BusinessId id = businessId(ctx);
        VoiceConfigRequest r = bodies.read(ctx, VoiceConfigRequest.class);
        Business business = app.business().get(member, id);
        Optional<List<String>> numbers = Optional.ofNullable(r.numbers())
                .map(typed -> typed.stream()
                        .map(n -> PhoneNumbers.e164("numbers", n, business).orElseThrow())
                        .toList());
        VoiceConfiguration updated = app.voiceSettings()
                .update(
                        member,
                        id,
                        new VoiceSettingsUseCase.Changes(
                                Optional.ofNullable(r.enabled()),
                                numbers,
                                Optional.ofNullable(r.lineIds()),
                                Optional.ofNullable(r.assistantId()).map(VoiceRoutes::clearedIfBlank),
                                Optional.ofNullable(r.greeting()).map(VoiceRoutes::clearedIfBlank),
                                Optional.ofNullable(r.language()).map(VoiceRoutes::clearedIfBlank)));
        ctx.json(VoiceConfigView.of(updated));
    }

    private static Optional<String> clearedIfBlank(String value) {
        return Optional.of(value).filter(v -> !v.isBlank());
    }

    private static BusinessId businessId(Context ctx) {
        return new BusinessId(Params.pathUuid(ctx, "business"));
    }
}
