package com.voiceappoint.adapter.http;

import com.voiceappoint.adapter.http.auth.AccessTokens;
import com.voiceappoint.adapter.http.problem.InvalidRequestException;
import com.voiceappoint.adapter.http.ratelimit.AccountLimits;
import com.voiceappoint.adapter.http.ratelimit.Limit;
import com.voiceappoint.adapter.http.ratelimit.RateLimiter;
import com.voiceappoint.application.port.in.AuthenticateUseCase;
import com.voiceappoint.application.port.in.GetProfileQuery;
import com.voiceappoint.application.port.in.ManageAccountUseCase;
import com.voiceappoint.application.port.in.RegisterAccountUseCase;
import com.voiceappoint.application.port.in.SessionUseCase;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.shared.Language;
import io.javalin.http.Context;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sign-up, login, token refresh and logout, and the user's own account. */
final class AuthRoutes {
    static final Limit REFRESH_PER_IP = new Limit("refresh-ip", 60, Duration.ofMinutes(1));

    private final RegisterAccountUseCase registerAccount;
    private final AuthenticateUseCase authenticate;
    private final SessionUseCase sessions;
    private final ManageAccountUseCase account;
    private final GetProfileQuery profiles;
    private final AccessTokens tokens;
    private final Bodies bodies;
    private final RateLimiter limiter;
    private final Language defaultLanguage;
    private final Clock clock;

    AuthRoutes(
            RegisterAccountUseCase registerAccount,
            AuthenticateUseCase authenticate,
            SessionUseCase sessions,
            ManageAccountUseCase account,
            GetProfileQuery profiles,
            AccessTokens tokens,
            Bodies bodies,
            RateLimiter limiter,
            Language defaultLanguage,
            Clock clock) {
        this.registerAccount = registerAccount;
        this.authenticate = authenticate;
        this.sessions = sessions;
        this.account = account;
        this.profiles = profiles;
        this.tokens = tokens;
        this.bodies = bodies;
        this.limiter = limiter;
        this.defaultLanguage = defaultLanguage;
        this.clock = clock;
    }

    /** The business fields found a business with the account: all of them, or none for an account alone. */
    record RegisterRequest(
            @NotBlank(message = "validation.required") @Size(max = 254, message = "validation.too_long")
            String email,

            @NotNull(message = "validation.required") @Size(max = 128, message = "validation.too_long")
            String password,

            @Size(max = 150, message = "validation.too_long")
            String fullName,

            @Size(max = 10, message = "validation.too_long") String language,

            @Size(max = 200, message = "validation.too_long")
            String businessName,

            @Size(max = 40, message = "validation.too_long") String businessType,

            @Size(max = 64, message = "validation.too_long") String timezone,

            @Size(max = 3, message = "validation.too_long") String currency,

            @Size(max = 2, message = "validation.too_long") String country) {

        /** Once any business field is given, every one a business needs is named if it is missing. */
        void requireTheWholeBusiness() {
            if (businessName == null
                    && businessType == null
                    && timezone == null
                    && currency == null
                    && country == null) {
                return;
            }
            List<InvalidRequestException.Field> missing = new ArrayList<>();
            requireGiven(missing, "business_name", businessName);
            requireGiven(missing, "business_type", businessType);
            requireGiven(missing, "currency", currency);
            requireGiven(missing, "timezone", timezone);
            if (!missing.isEmpty()) {
                throw new InvalidRequestException(InvalidRequestException.VALIDATION_FAILED, missing);
            }
        }

        private static void requireGiven(List<InvalidRequestException.Field> missing, String field, String value) {
            if (value == null || value.isBlank()) {
                missing.add(new InvalidRequestException.Field(field, "not_blank", "validation.required"));
            }
        }
    }

    record UserSummary(UUID id, String email) {}

    /** Without the business fields when the account was registered without founding one. */
    record RegisterResponse(UserSummary user, UUID businessId, String businessSlug, String businessName) {}

    record TokenRequest(
            @NotBlank(message = "validation.required") @Size(max = 254, message = "validation.too_long")
            String email,

            @NotBlank(message = "validation.required") @Size(max = 128, message = "validation.too_long")
            String password) {}

    record RefreshRequest(
            @NotBlank(message = "validation.required") @Size(max = 100, message = "validation.too_long")
            String refresh) {}

    record TokenResponse(String access, String refresh, String tokenType, long expiresIn, long refreshExpiresIn) {}

    record ProfileRequest(
            @Size(max = 150, message = "validation.too_long")
            String fullName,

            @Size(max = 10, message = "validation.too_long") String language) {}

    record PasswordRequest(
            @NotNull(message = "validation.required") @Size(max = 128, message = "validation.too_long")
            String currentPassword,

            @NotNull(message = "validation.required") @Size(max = 128, message = "validation.too_long")
            String newPassword) {}

    record MembershipView(Views.BusinessView business, String role) {}

    record MeResponse(UUID id, String email, String fullName, String language, List<MembershipView> memberships) {}

    void register(Context ctx) {
        limiter.require(AccountLimits.REGISTER_PER_IP, ctx.ip());
        RegisterRequest request = bodies.read(ctx, RegisterRequest.class);
        request.requireTheWholeBusiness();
        limiter.require(AccountLimits.REGISTER_PER_ACCOUNT, AccountLimits.account(request.email()));
        String language = request.language() != null
                ? request.language()
                : RequestContext.language(ctx, defaultLanguage).code();
        var result =
                registerAccount.register(RegisterAccountUseCase.Command.builder(request.email(), request.password())
                        .fullName(request.fullName())
                        .language(language)
                        .businessName(request.businessName())
                        .businessType(request.businessType())
                        .timezone(request.timezone())
                        .currency(request.currency())
                        .country(request.country())
                        .build());
        ctx.status(201)
                .json(new RegisterResponse(
                        new UserSummary(result.userId().value(), result.email().value()),
                        result.businessId() == null ? null : result.businessId().value(),
                        result.businessSlug() == null
                                ? null
                                : result.businessSlug().value(),
                        result.businessName()));
    }

    void token(Context ctx) {
        limiter.require(AccountLimits.LOGIN_PER_IP, ctx.ip());
        TokenRequest request = bodies.read(ctx, TokenRequest.class);
        limiter.require(AccountLimits.LOGIN_PER_ACCOUNT, AccountLimits.account(request.email()));
        AuthenticateUseCase.AuthenticatedUser user = authenticate.authenticate(request.email(), request.password());
        tokens(ctx, user.userId(), user.language(), sessions.start(user.userId()));
    }

    /** A refresh token for a new pair; the old refresh token is spent, and spending it twice ends the login. */
    void refresh(Context ctx) {
        limiter.require(REFRESH_PER_IP, ctx.ip());
        RefreshRequest request = bodies.read(ctx, RefreshRequest.class);
        SessionUseCase.Refreshed refreshed = sessions.refresh(request.refresh());
        tokens(ctx, refreshed.user().userId(), refreshed.user().language(), refreshed.refreshToken());
    }

    void logout(Context ctx) {
        bodies.readOptional(ctx, RefreshRequest.class).ifPresent(r -> sessions.end(r.refresh()));
        ctx.status(204);
    }

    void me(Context ctx) {
        ctx.json(profile(RequestContext.member(ctx).userId()));
    }

    void updateMe(Context ctx) {
        ProfileRequest request = bodies.read(ctx, ProfileRequest.class);
        UserId user = RequestContext.member(ctx).userId();
        account.updateProfile(user, Optional.ofNullable(request.fullName()), Optional.ofNullable(request.language()));
        ctx.json(profile(user));
    }

    void changePassword(Context ctx) {
        PasswordRequest request = bodies.read(ctx, PasswordRequest.class);
        UserId user = RequestContext.member(ctx).userId();
        limiter.require(AccountLimits.LOGIN_PER_ACCOUNT, user.toString());
        account.changePassword(user, request.currentPassword(), request.newPassword());
        ctx.status(204);
    }

    private void tokens(Context ctx, UserId user, Language language, SessionUseCase.RefreshToken refresh) {
        AccessTokens.Issued access = tokens.issue(user, language, refresh.login());
        ctx.header("Cache-Control", "no-store")
                .json(new TokenResponse(
                        access.token(),
                        refresh.token(),
                        "Bearer",
                        access.lifetime().toSeconds(),
                        Duration.between(clock.instant(), refresh.expiresAt()).toSeconds()));
    }

    private MeResponse profile(UserId user) {
        GetProfileQuery.Profile profile = profiles.profile(user);
        return new MeResponse(
                profile.user().id().value(),
                profile.user().email().value(),
                profile.user().fullName(),
                profile.user().language().code(),
                profile.memberships().stream()
                        .map(m -> new MembershipView(
                                Views.BusinessView.of(m.business()), m.role().code()))
                        .toList());
    }
}
