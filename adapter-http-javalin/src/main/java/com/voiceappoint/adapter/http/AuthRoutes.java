package com.voiceappoint.adapter.http;

import com.voiceappoint.adapter.http.auth.AccessTokens;
import com.voiceappoint.application.port.in.AuthenticateUseCase;
import com.voiceappoint.application.port.in.GetProfileQuery;
import com.voiceappoint.application.port.in.RegisterAccountUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.domain.shared.Language;
import io.javalin.http.Context;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Sign-up, login and "who am I". */
final class AuthRoutes {
    private final UseCases app;
    private final AccessTokens tokens;
    private final Bodies bodies;
    private final Language defaultLanguage;

    AuthRoutes(UseCases app, AccessTokens tokens, Bodies bodies, Language defaultLanguage) {
        this.app = app;
        this.tokens = tokens;
        this.bodies = bodies;
        this.defaultLanguage = defaultLanguage;
    }

    record RegisterRequest(
            @NotBlank(message = "validation.required") @Size(max = 254, message = "validation.too_long")
            String email,

            @NotNull(message = "validation.required") @Size(max = 128, message = "validation.too_long")
            String password,

            @Size(max = 150, message = "validation.too_long")
            String fullName,

            @Size(max = 10, message = "validation.too_long") String language,

            @NotBlank(message = "validation.required") @Size(max = 200, message = "validation.too_long")
            String businessName,

            @NotBlank(message = "validation.required") @Size(max = 40, message = "validation.too_long")
            String businessType,

            @NotBlank(message = "validation.required") @Size(max = 64, message = "validation.too_long")
            String timezone,

            @NotBlank(message = "validation.required") @Size(max = 3, message = "validation.too_long")
            String currency) {}

    record UserSummary(UUID id, String email) {}

    record RegisterResponse(UserSummary user, UUID businessId, String businessSlug, String businessName) {}

    record TokenRequest(
            @NotBlank(message = "validation.required") @Size(max = 254, message = "validation.too_long")
            String email,

            @NotBlank(message = "validation.required") @Size(max = 128, message = "validation.too_long")
            String password) {}

    record TokenResponse(String access, String tokenType, long expiresIn) {}

    record MembershipView(Views.BusinessView business, String role) {}

    record MeResponse(UUID id, String email, String fullName, String language, List<MembershipView> memberships) {}

    void register(Context ctx) {
        RegisterRequest request = bodies.read(ctx, RegisterRequest.class);
        String language = request.language() != null
                ? request.language()
                : RequestContext.language(ctx, defaultLanguage).code();
        var result = app.registerAccount()
                .register(new RegisterAccountUseCase.Command(
                        request.email(),
                        request.password(),
                        request.fullName(),
                        language,
                        request.businessName(),
                        request.businessType(),
                        request.timezone(),
                        request.currency()));
        ctx.status(201)
                .json(new RegisterResponse(
                        new UserSummary(result.userId().value(), result.email().value()),
                        result.businessId().value(),
                        result.businessSlug().value(),
                        result.businessName()));
    }

    void token(Context ctx) {
        TokenRequest request = bodies.read(ctx, TokenRequest.class);
        AuthenticateUseCase.AuthenticatedUser user =
                app.authenticate().authenticate(request.email(), request.password());
        AccessTokens.Issued issued = tokens.issue(user.userId(), user.language());
        ctx.header("Cache-Control", "no-store")
                .json(new TokenResponse(
                        issued.token(), "Bearer", issued.lifetime().toSeconds()));
    }

    void me(Context ctx) {
        GetProfileQuery.Profile profile =
                app.profile().profile(RequestContext.member(ctx).userId());
        ctx.json(new MeResponse(
                profile.user().id().value(),
                profile.user().email().value(),
                profile.user().fullName(),
                profile.user().language().code(),
                profile.memberships().stream()
                        .map(m -> new MembershipView(
                                Views.BusinessView.of(m.business()), m.role().code()))
                        .toList()));
    }
}
