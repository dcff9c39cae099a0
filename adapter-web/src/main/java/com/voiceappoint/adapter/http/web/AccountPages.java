package com.voiceappoint.adapter.http.web;

import com.voiceappoint.adapter.http.ratelimit.AccountLimits;
import com.voiceappoint.adapter.http.ratelimit.Limit;
import com.voiceappoint.adapter.http.ratelimit.RateLimitedException;
import com.voiceappoint.adapter.http.ratelimit.RateLimiter;
import com.voiceappoint.application.error.CredentialsRefusedException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AuthenticateUseCase;
import com.voiceappoint.application.port.in.GetProfileQuery;
import com.voiceappoint.application.port.in.InvitationsUseCase;
import com.voiceappoint.application.port.in.RegisterAccountUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.BusinessType;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.Language;
import io.javalin.http.Context;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Signing up (a user and their business in one form, as {@code POST /api/v1/auth/register}), logging in and out, one's
 * own account, a forgotten password, and the invitations waiting for the signed-in user. Every attempt to sign up or
 * log in counts against the REST API's own limits ({@link AccountLimits}), in the same buckets.
 */
final class AccountPages implements PageGroup {
    /** Where a signed-in browser goes when nothing else is asked for. */
    static final String HOME = "/dashboard/select";

    private static final String PASSWORD = "password";
    /** Set on the sign-up of someone joining a business they were invited to: their account alone. */
    private static final String JOIN = "join";

    private static final List<String> REGISTER_FIELDS = List.of(
            JOIN,
            "fullName",
            "email",
            PASSWORD,
            "businessName",
            "businessType",
            "timezone",
            "currency",
            "language",
            "country");
    /** The fields whose refusals the pages word one by one; any other refusal is worded for the whole form. */
    private static final Set<String> EXPLAINED = Set.of(
            "fullName",
            "email",
            PASSWORD,
            "businessName",
            "businessType",
            "timezone",
            "currency",
            "language",
            "country",
            "currentPassword",
            "newPassword");
    /** The zones a new business is most likely in, Spain's first; any other can be set later through the API. */
    static final List<String> ZONES = List.of(
            "Europe/Madrid",
            "Atlantic/Canary",
            "Europe/Lisbon",
            "Europe/London",
            "Europe/Dublin",
            "Europe/Paris",
            "Europe/Berlin",
            "Europe/Rome",
            "Europe/Amsterdam",
            "America/Mexico_City",
            "America/Bogota",
            "America/Lima",
            "America/Santiago",
            "America/Argentina/Buenos_Aires",
            "America/Caracas",
            "America/New_York",
            "America/Chicago",
            "America/Denver",
            "America/Los_Angeles",
            "UTC");

    static final List<String> CURRENCIES =
            List.of("EUR", "USD", "GBP", "MXN", "COP", "PEN", "CLP", "ARS", "CHF", "CAD", "BRL");

    private final WebPages pages;
    private final UseCases app;
    private final RateLimiter limiter;
    private final String resetLinks;

    AccountPages(WebPages pages, UseCases app, RateLimiter limiter, String publicUrl) {
        this.pages = pages;
        this.app = app;
        this.limiter = limiter;
        this.resetLinks = publicUrl + "/password/reset/";
    }

    @Override
    public void addTo(WebPages pages) {
        pages.get("/register", this::registerPage);
        pages.post("/register", this::register);
        pages.get("/login", this::loginPage);
        pages.post("/login", this::login);
        pages.post("/logout", this::logout);
        pages.get("/account", this::accountPage);
        pages.post("/account", this::updateProfile);
        pages.post("/account/password", this::changePassword);
        pages.get("/password/forgot", this::forgotPage);
        pages.post("/password/forgot", this::forgot);
        pages.get("/password/reset/{token}", this::resetPage);
        pages.post("/password/reset/{token}", this::reset);
        pages.get("/invitations", this::invitationsPage);
        pages.post("/invitations/{id}/accept", this::accept);
        pages.post("/invitations/{id}/decline", this::decline);
    }

    // --- signing up ---

    private void registerPage(Context ctx) {
        if (pages.sessions().current(ctx).isPresent()) {
            WebPages.redirect(ctx, HOME);
            return;
        }
        Visit v = pages.visit(ctx);
        Map<String, String> defaults = "1".equals(ctx.queryParam(JOIN))
                ? Map.of(JOIN, "1", "language", v.lang())
                : Map.of("timezone", "Europe/Madrid", "currency", "EUR", "country", "ES", "language", v.lang());
        showRegister(ctx, v, Form.blank(defaults));
    }

    private void register(Context ctx) {
        Form form = Form.read(ctx, REGISTER_FIELDS, Set.of(PASSWORD));
        Visit v = pages.visit(ctx);
        if (isLimited(ctx, form, AccountLimits.REGISTER_PER_IP, ctx.ip())) {
            showRegister(ctx.status(429), v, form);
            return;
        }
        boolean joining = joins(form);
        form.require("account.required", "email", PASSWORD);
        if (!joining) {
            form.require("account.required", "businessName", "businessType", "timezone", "currency");
        }
        if (form.error("email").isEmpty() && !isEmailAddress(form.value("email"))) {
            // named with the blanks, rather than after they are filled in
            form.reject("email", "account.invalid.email");
        }
        if (form.hasErrors()) {
            showRegister(ctx.status(422), v, form);
            return;
        }
        if (isLimited(ctx, form, AccountLimits.REGISTER_PER_ACCOUNT, AccountLimits.account(form.value("email")))) {
            showRegister(ctx.status(429), v, form);
            return;
        }
        RegisterAccountUseCase.Builder command = RegisterAccountUseCase.Command.builder(
                        form.value("email"), form.value(PASSWORD))
                .fullName(form.given("fullName"))
                .language(form.given("language"));
        if (!joining) {
            command.businessName(form.given("businessName"))
                    .businessType(form.given("businessType"))
                    .timezone(form.given("timezone"))
                    .currency(form.given("currency"))
                    .country(form.given("country"));
        }
        RegisterAccountUseCase.Result result;
        try {
            result = app.registerAccount().register(command.build());
        } catch (DomainException refused) {
            if (refused.code() == ErrorCode.EMAIL_ALREADY_REGISTERED) {
                form.reject("email", "account.register.email_taken");
                showRegister(ctx.status(409), v, form);
            } else {
                form.refused(refused, "account.invalid.", EXPLAINED);
                showRegister(ctx.status(422), v, form);
            }
            return;
        }
        signIn(ctx, result.userId());
        WebPages.redirect(
                ctx,
                joining ? "/invitations" : "/dashboard/" + result.businessSlug().value());
    }

    /** Whether the sign-up is of someone joining a team, who founds no business. */
    private static boolean joins(Form form) {
        return "1".equals(form.value(JOIN));
    }

    private static boolean isEmailAddress(String email) {
        try {
            new EmailAddress(email);
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    private void showRegister(Context ctx, Visit v, Form form) {
        Locale locale = v.language().locale();
        List<Form.Option> types = new ArrayList<>();
        for (BusinessType type : BusinessType.values()) {
            types.add(new Form.Option(type.code(), v.plain("account.type." + type.code())));
        }
        List<Form.Option> zones = ZONES.stream()
                .map(zone -> new Form.Option(zone, zone.replace('_', ' ')))
                .toList();
        List<Form.Option> currencies = CURRENCIES.stream()
                .map(code -> new Form.Option(
                        code, code + " · " + Currency.getInstance(code).getDisplayName(locale)))
                .toList();
        List<Form.Option> countries = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).stream()
                .map(code -> new Form.Option(code, new Locale("", code).getDisplayCountry(locale)))
                .sorted(Comparator.comparing(Form.Option::label, java.text.Collator.getInstance(locale)))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("v", v);
        model.put("form", form);
        model.put("types", types);
        model.put("zones", zones);
        model.put("currencies", currencies);
        model.put("countries", countries);
        model.put("languages", languages(v));
        model.put("joining", joins(form));
        pages.render(ctx, "account/register.jte", model);
    }

    private static List<Form.Option> languages(Visit v) {
        List<Form.Option> languages = new ArrayList<>();
        for (Language language : Language.values()) {
            languages.add(new Form.Option(language.code(), v.plain("language." + language.code())));
        }
        return languages;
    }

    // --- logging in and out ---

    private void loginPage(Context ctx) {
        String next = SafeNext.of(ctx.queryParam("next"));
        if (pages.sessions().current(ctx).isPresent()) {
            WebPages.redirect(ctx, next);
            return;
        }
        Form form = Form.blank(Map.of("next", next));
        showLogin(ctx, pages.visit(ctx), form, ctx.queryParam("reset") != null);
    }

    private void login(Context ctx) {
        Form form = Form.read(ctx, List.of("email", PASSWORD, "next"), Set.of(PASSWORD));
        String next = SafeNext.of(form.value("next"));
        Visit v = pages.visit(ctx);
        if (isLimited(ctx, form, AccountLimits.LOGIN_PER_IP, ctx.ip())) {
            showLogin(ctx.status(429), v, form, false);
            return;
        }
        form.require("account.required", "email", PASSWORD);
        if (form.hasErrors()) {
            showLogin(ctx.status(422), v, form, false);
            return;
        }
        if (isLimited(ctx, form, AccountLimits.LOGIN_PER_ACCOUNT, AccountLimits.account(form.value("email")))) {
            showLogin(ctx.status(429), v, form, false);
            return;
        }
        AuthenticateUseCase.AuthenticatedUser user;
        try {
            user = app.authenticate().authenticate(form.value("email"), form.value(PASSWORD));
        } catch (CredentialsRefusedException refused) {
            // one sentence for an unknown address and a wrong password alike
            showLogin(ctx.status(401), v, form.fail("account.login.refused"), false);
            return;
        }
        signIn(ctx, user.userId());
        WebPages.redirect(ctx, next);
    }

    private void showLogin(Context ctx, Visit v, Form form, boolean passwordReset) {
        pages.render(ctx, "account/login.jte", Map.of("v", v, "form", form, "passwordReset", passwordReset));
    }

    private void logout(Context ctx) {
        pages.sessions().signOut(ctx);
        WebPages.redirect(ctx, "/");
    }

    private void signIn(Context ctx, UserId user) {
        pages.sessions().signIn(ctx, app.sessions().start(user));
    }

    /**
     * Counts an attempt against {@code limit}; when it is used up, the form says so and the response says when to try
     * again, as the REST API's 429 does.
     */
    private boolean isLimited(Context ctx, Form form, Limit limit, String key) {
        try {
            limiter.require(limit, key);
            return false;
        } catch (RateLimitedException limited) {
            long seconds = limited.retryAfterSeconds();
            ctx.header("Retry-After", Long.toString(seconds));
            form.fail("account.limited", (seconds + 59) / 60);
            return true;
        }
    }

    // --- one's own account ---

    private void accountPage(Context ctx) {
        Actor.Member member = pages.sessions().require(ctx);
        showAccount(ctx, pages.visit(ctx), profileForm(member), Form.blank(Map.of()), ctx.queryParam("saved"));
    }

    private Form profileForm(Actor.Member member) {
        GetProfileQuery.Profile profile = app.profile().profile(member.userId());
        return Form.blank(Map.of(
                "fullName", profile.user().fullName(),
                "language", profile.user().language().code()));
    }

    private void updateProfile(Context ctx) {
        Actor.Member member = pages.sessions().require(ctx);
        Form form = Form.read(ctx, List.of("fullName", "language"), Set.of());
        Visit v = pages.visit(ctx);
        form.require("account.required", "language");
        if (!form.hasErrors()) {
            try {
                app.account()
                        .updateProfile(
                                member.userId(),
                                Optional.of(form.value("fullName")),
                                Optional.of(form.value("language")));
                WebPages.redirect(ctx, "/account?saved=profile");
                return;
            } catch (DomainException refused) {
                form.refused(refused, "account.invalid.", EXPLAINED);
            }
        }
        showAccount(ctx.status(422), v, form, Form.blank(Map.of()), null);
    }

    /** The password changes, every login ends, and this browser is signed in again at once with a new one. */
    private void changePassword(Context ctx) {
        Actor.Member member = pages.sessions().require(ctx);
        Form form = Form.read(ctx, List.of("currentPassword", "newPassword"), Set.of("currentPassword", "newPassword"));
        Visit v = pages.visit(ctx);
        form.require("account.required", "currentPassword", "newPassword");
        if (form.hasErrors()) {
            showAccount(ctx.status(422), v, profileForm(member), form, null);
            return;
        }
        if (isLimited(
                ctx, form, AccountLimits.LOGIN_PER_ACCOUNT, member.userId().toString())) {
            showAccount(ctx.status(429), v, profileForm(member), form, null);
            return;
        }
        try {
            app.account().changePassword(member.userId(), form.value("currentPassword"), form.value("newPassword"));
        } catch (DomainException refused) {
            form.refused(refused, "account.invalid.", EXPLAINED);
            showAccount(ctx.status(422), v, profileForm(member), form, null);
            return;
        }
        signIn(ctx, member.userId());
        WebPages.redirect(ctx, "/account?saved=password");
    }

    private void showAccount(Context ctx, Visit v, Form profile, Form password, String saved) {
        Map<String, Object> model = new HashMap<>();
        model.put("v", v);
        model.put("profile", profile);
        model.put("password", password);
        model.put("languages", languages(v));
        model.put("saved", "profile".equals(saved) || "password".equals(saved) ? saved : "");
        pages.render(ctx, "account/settings.jte", model);
    }

    // --- a forgotten password ---

    private void forgotPage(Context ctx) {
        showForgot(ctx, pages.visit(ctx), Form.blank(Map.of()), ctx.queryParam("sent") != null);
    }

    /** The same answer whether or not an account has the address: only its owner's inbox learns which. */
    private void forgot(Context ctx) {
        Form form = Form.read(ctx, List.of("email"), Set.of());
        Visit v = pages.visit(ctx);
        if (isLimited(ctx, form, AccountLimits.RESET_PER_IP, ctx.ip())) {
            showForgot(ctx.status(429), v, form, false);
            return;
        }
        form.require("account.required", "email");
        if (form.hasErrors()) {
            showForgot(ctx.status(422), v, form, false);
            return;
        }
        if (isLimited(ctx, form, AccountLimits.RESET_PER_ACCOUNT, AccountLimits.account(form.value("email")))) {
            showForgot(ctx.status(429), v, form, false);
            return;
        }
        app.passwordResets().request(form.value("email"), resetLinks);
        WebPages.redirect(ctx, "/password/forgot?sent");
    }

    private void showForgot(Context ctx, Visit v, Form form, boolean sent) {
        pages.render(ctx, "account/forgot.jte", Map.of("v", v, "form", form, "sent", sent));
    }

    private void resetPage(Context ctx) {
        String token = ctx.pathParam("token");
        showReset(
                ctx,
                pages.visit(ctx),
                Form.blank(Map.of()),
                app.passwordResets().isOpen(token));
    }

    private void reset(Context ctx) {
        String token = ctx.pathParam("token");
        Form form = Form.read(ctx, List.of(PASSWORD), Set.of(PASSWORD));
        Visit v = pages.visit(ctx);
        form.require("account.required", PASSWORD);
        if (!form.hasErrors()) {
            try {
                if (app.passwordResets().reset(token, form.value(PASSWORD))) {
                    WebPages.redirect(ctx, "/login?reset");
                } else {
                    showReset(ctx, v, form, false);
                }
                return;
            } catch (DomainException refused) {
                form.refused(refused, "account.invalid.", EXPLAINED);
            }
        }
        showReset(ctx.status(422), v, form, true);
    }

    /** A link that no longer works is one page, whatever the reason: used, replaced, expired or never issued. */
    private void showReset(Context ctx, Visit v, Form form, boolean open) {
        // the page's address holds the token: no copy of it in any cache
        ctx.header("Cache-Control", "no-store");
        if (!open) {
            ctx.status(410);
        }
        pages.render(ctx, "account/reset.jte", Map.of("v", v, "form", form, "open", open));
    }

    // --- invitations ---

    private void invitationsPage(Context ctx) {
        Actor.Member member = pages.sessions().require(ctx);
        Visit v = pages.visit(ctx);
        List<InvitationsUseCase.Pending> pending = app.invitations().pending(member);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(v.language().locale());
        List<InvitationView> views = pending.stream()
                .map(p -> new InvitationView(
                        p.invitation().id().toString(),
                        p.business().name(),
                        p.invitation().role().code(),
                        dates.format(
                                p.invitation().expiresAt().atZone(p.business().zone()))))
                .toList();
        pages.render(
                ctx,
                "account/invitations.jte",
                Map.of("v", v, "invitations", views, "declined", ctx.queryParam("declined") != null));
    }

    private void accept(Context ctx) {
        Actor.Member member = pages.sessions().require(ctx);
        GetProfileQuery.BusinessMembership joined = app.invitations().accept(member, invitation(ctx));
        WebPages.redirect(ctx, "/dashboard/" + joined.business().slug().value());
    }

    private void decline(Context ctx) {
        Actor.Member member = pages.sessions().require(ctx);
        app.invitations().decline(member, invitation(ctx));
        WebPages.redirect(ctx, "/invitations?declined");
    }

    private static UUID invitation(Context ctx) {
        try {
            return UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw PageException.notFound();
        }
    }
}
