package com.voiceappoint.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.error.CredentialsRefusedException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.RegisterAccountUseCase;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.PasswordReset;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.Invitation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signing up, logging in and out, one's account, a forgotten password and invitations, over a real socket. */
class AccountPagesTest {
    @RegisterExtension
    static final WebServer SERVER = new WebServer();

    private static final String PASSWORD = "s3cret-enough";
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    /** An address nobody else in this server's tests has. */
    private static String someone() {
        return "person" + PEOPLE.incrementAndGet() + "@example.com";
    }

    private static Map<String, String> signUp(String email) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("fullName", "Carmen Ruiz");
        fields.put("email", email);
        fields.put("password", PASSWORD);
        fields.put("businessName", "Peluquería Carmen");
        fields.put("businessType", "salon");
        fields.put("timezone", "Europe/Madrid");
        fields.put("currency", "EUR");
        fields.put("country", "ES");
        fields.put("language", "es");
        return fields;
    }

    private static RegisterAccountUseCase.Result registered(String email, String businessName) {
        RegisterAccountUseCase.Builder command =
                RegisterAccountUseCase.Command.builder(email, PASSWORD).fullName("Ana López");
        if (businessName != null) {
            command.businessName(businessName)
                    .businessType("salon")
                    .timezone("Europe/Madrid")
                    .currency("EUR")
                    .language("es");
        }
        return SERVER.useCases().registerAccount().register(command.build());
    }

    /** A browser logged in as {@code email}, speaking English. */
    private static Browser loggedIn(String email, String password) {
        Browser browser = SERVER.browser();
        browser.get("/login?lang=en");
        Browser.Page login = browser.post("/login", Map.of("email", email, "password", password));
        assertThat(login.status()).as(login.body()).isEqualTo(303);
        return browser;
    }

    private static boolean passwordIs(String email, String password) {
        try {
            SERVER.useCases().authenticate().authenticate(email, password);
            return true;
        } catch (CredentialsRefusedException e) {
            return false;
        }
    }

    private static boolean exists(String email) {
        return SERVER.ports().users().findByEmail(new EmailAddress(email)).isPresent();
    }

    @Test
    void signing_up_founds_the_business_and_lands_signed_in_on_its_dashboard() {
        Browser browser = SERVER.browser();
        String email = someone();
        Browser.Page form = browser.get("/register?lang=en");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body())
                .contains("<label for=\"f-email\">E-mail address</label>", "name=\"businessName\"")
                .contains("<option value=\"Europe/Madrid\" selected>", "<option value=\"EUR\" selected>")
                .contains("<option value=\"ES\" selected>Spain</option>", "<option value=\"en\" selected>");

        Browser.Page created = browser.post("/register", signUp(email));

        assertThat(created.status()).as(created.body()).isEqualTo(303);
        assertThat(created.header("Location")).contains("/dashboard/peluqueria-carmen");
        assertThat(created.header("Set-Cookie"))
                .hasValueSatisfying(cookie -> assertThat(cookie).contains("va_session=", "HttpOnly", "SameSite=Lax"));
        assertThat(browser.get("/dashboard/select").header("Location"))
                .as("signed in, a member of the one business")
                .contains("/dashboard/peluqueria-carmen");
        assertThat(browser.get("/account").body()).contains(email);
        assertThat(browser.get("/register").header("Location")).contains(AccountPages.HOME);
    }

    @Test
    void every_account_page_speaks_both_languages_without_inline_code() {
        String email = someone();
        registered(email, null);
        for (String language : List.of("es", "en")) {
            Browser visitor = SERVER.browser();
            Browser member = loggedIn(email, PASSWORD);
            Map<String, Browser.Page> pages = new LinkedHashMap<>();
            for (String path :
                    List.of("/register", "/register?join=1", "/login", "/password/forgot", "/password/reset/x")) {
                pages.put(path, visitor.get(path + (path.contains("?") ? "&" : "?") + "lang=" + language));
            }
            for (String path : List.of("/account", "/invitations")) {
                pages.put(path, member.get(path + "?lang=" + language));
            }
            pages.forEach((path, page) -> {
                assertThat(page.status()).as(path).isIn(200, 410);
                assertThat(page.body())
                        .as(path)
                        .contains("<html lang=\"" + language + "\">", "<h1>")
                        .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                        .doesNotContain(" style=\"", "onclick=");
            });
        }
    }

    @Test
    void field_errors_are_shown_at_their_fields_in_the_pages_language_and_change_nothing() {
        Browser browser = SERVER.browser();
        browser.get("/register?lang=es");
        String email = someone();

        Map<String, String> missing = signUp(email);
        missing.remove("businessName");
        missing.put("businessType", "");
        Browser.Page blanks = browser.post("/register", missing);
        assertThat(blanks.status()).isEqualTo(422);
        assertThat(blanks.body())
                .contains("<html lang=\"es\">", "role=\"alert\"")
                .contains("id=\"f-businessName-error\">Rellene este campo.</p>")
                .contains("aria-invalid=\"true\" aria-describedby=\"f-businessName-error\"")
                .contains("id=\"f-businessType-error\">")
                .contains("value=\"" + email + "\"", "value=\"Carmen Ruiz\"")
                .doesNotContain(PASSWORD);

        Map<String, String> badAddress = signUp("not-an-address");
        Browser.Page address = browser.post("/register", badAddress);
        assertThat(address.status()).isEqualTo(422);
        assertThat(address.body())
                .contains("id=\"f-email-error\">Escriba una dirección de correo")
                .contains("value=\"Peluquería Carmen\"")
                .doesNotContain(PASSWORD);

        Map<String, String> shortPassword = signUp(email);
        shortPassword.put("password", "short");
        Browser.Page weak = browser.post("/register", shortPassword);
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.body())
                .contains("aria-describedby=\"f-password-hint f-password-error\"")
                .contains("id=\"f-password-error\">Una contraseña tiene entre 8 y 128 caracteres")
                .doesNotContain("value=\"short\"");

        Map<String, String> unknownZone = signUp(email);
        unknownZone.put("timezone", "Mars/Olympus_Mons");
        assertThat(browser.post("/register", unknownZone).body())
                .contains("id=\"f-timezone-error\">Elija una de las zonas horarias");

        assertThat(exists(email)).isFalse();
        assertThat(exists("not-an-address@example.com")).isFalse();
        assertThat(browser.cookie(WebSessions.COOKIE)).isEmpty();
    }

    @Test
    void an_address_already_registered_is_a_form_error_not_an_error_page() {
        String email = someone();
        registered(email, "Barbería Uno");
        Browser browser = SERVER.browser();
        browser.get("/register?lang=en");

        Browser.Page again = browser.post("/register", signUp(email));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body())
                .contains("<form method=\"post\" action=\"/register\"")
                .contains("id=\"f-email-error\">An account already has this address.")
                .contains("value=\"Peluquería Carmen\"")
                .doesNotContain(PASSWORD);
        assertThat(browser.cookie(WebSessions.COOKIE)).isEmpty();
    }

    @Test
    void a_wrong_password_and_an_unknown_address_get_the_same_answer() {
        String email = someone();
        registered(email, null);
        Browser browser = SERVER.browser();
        browser.get("/login?lang=en");

        Browser.Page wrong = browser.post("/login", Map.of("email", email, "password", "not-the-password"));
        browser.get("/login");
        Browser.Page unknown = browser.post("/login", Map.of("email", someone(), "password", "not-the-password"));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        String refusal = "<div class=\"form-error\" role=\"alert\">Wrong e-mail address or password.</div>";
        assertThat(wrong.body()).contains(refusal).doesNotContain("not-the-password");
        assertThat(unknown.body()).contains(refusal);
        assertThat(wrong.body().replace(email, "X"))
                .isEqualTo(unknown.body().replaceAll("person\\d+@example.com", "X"));
        assertThat(browser.cookie(WebSessions.COOKIE)).isEmpty();
    }

    @Test
    void logging_in_goes_on_and_logging_out_ends_the_login() {
        String email = someone();
        registered(email, null);
        Browser browser = SERVER.browser();
        Browser.Page asked = browser.get("/account");
        assertThat(asked.status()).isEqualTo(303);
        assertThat(asked.header("Location")).contains("/login?next=%2Faccount");
        Browser.Page form = browser.get("/login?next=%2Faccount&lang=en");
        assertThat(form.body()).contains("name=\"next\" value=\"/account\"");

        Browser.Page in = browser.post("/login", Map.of("email", email, "password", PASSWORD, "next", "/account"));

        assertThat(in.status()).isEqualTo(303);
        assertThat(in.header("Location")).contains("/account");
        String token = browser.cookie(WebSessions.COOKIE).orElseThrow();
        assertThat(browser.get("/account").status()).isEqualTo(200);
        assertThat(browser.get("/login").header("Location")).as("already in").contains(AccountPages.HOME);

        Browser.Page out = browser.post("/logout", Map.of());

        assertThat(out.status()).isEqualTo(303);
        assertThat(out.header("Location")).contains("/");
        assertThat(SERVER.useCases().sessions().resume(token)).isEmpty();
        assertThat(browser.get("/account").status()).isEqualTo(303);
    }

    @Test
    void a_login_goes_on_only_to_a_path_of_this_site() {
        String email = someone();
        registered(email, null);
        for (String next : List.of(
                "//evil.example/",
                "/\\evil.example",
                "https://evil.example/",
                "/\t/evil.example",
                "/\n/evil.example",
                "javascript:alert(1)",
                "evil.example",
                "")) {
            Browser browser = SERVER.browser();
            browser.get("/login");

            Browser.Page in = browser.post("/login", Map.of("email", email, "password", PASSWORD, "next", next));

            assertThat(in.header("Location")).as(next).contains(AccountPages.HOME);
            assertThat(SERVER.browser()
                            .get("/login?next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8))
                            .body())
                    .as(next)
                    .contains("name=\"next\" value=\"/dashboard/select\"");
        }
        Browser browser = SERVER.browser();
        browser.get("/login");
        assertThat(browser.post("/login", Map.of("email", email, "password", PASSWORD, "next", "/invitations?x=1"))
                        .header("Location"))
                .contains("/invitations?x=1");
    }

    @Test
    void a_form_without_its_csrf_token_is_refused_and_changes_nothing() {
        Browser browser = SERVER.browser();
        browser.get("/register");
        String email = someone();

        Browser.Page signUp = browser.postExactly("/register", signUp(email));
        assertThat(signUp.status()).isEqualTo(403);
        assertThat(exists(email)).isFalse();

        registered(email, null);
        Browser.Page login = browser.postExactly("/login", Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).isEqualTo(403);
        assertThat(browser.cookie(WebSessions.COOKIE)).isEmpty();

        Browser member = loggedIn(email, PASSWORD);
        Browser.Page change = member.postExactly(
                "/account/password", Map.of("currentPassword", PASSWORD, "newPassword", "another-s3cret"));
        assertThat(change.status()).isEqualTo(403);
        assertThat(passwordIs(email, PASSWORD)).isTrue();
        Browser.Page forged = member.postExactly(
                "/account/password",
                Map.of("_csrf", "A".repeat(43), "currentPassword", PASSWORD, "newPassword", "another-s3cret"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(passwordIs(email, PASSWORD)).isTrue();
        assertThat(member.get("/account").status()).isEqualTo(200);
    }

    @Test
    void changing_the_password_keeps_this_browser_in_and_ends_every_other_login() {
        String email = someone();
        registered(email, null);
        Browser here = loggedIn(email, PASSWORD);
        Browser elsewhere = loggedIn(email, PASSWORD);
        here.get("/account");

        Browser.Page wrong = here.post(
                "/account/password", Map.of("currentPassword", "not-the-password", "newPassword", "another-s3cret"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body())
                .contains("id=\"f-currentPassword-error\">That is not your current password.")
                .doesNotContain("not-the-password", "another-s3cret");
        assertThat(passwordIs(email, PASSWORD)).isTrue();
        assertThat(elsewhere.get("/account").status()).isEqualTo(200);

        Browser.Page changed =
                here.post("/account/password", Map.of("currentPassword", PASSWORD, "newPassword", "another-s3cret"));

        assertThat(changed.status()).isEqualTo(303);
        assertThat(changed.header("Location")).contains("/account?saved=password");
        assertThat(passwordIs(email, "another-s3cret")).isTrue();
        Browser.Page after = here.get("/account?saved=password");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).contains("Your password is changed.");
        assertThat(elsewhere.get("/account").status()).isEqualTo(303);
    }

    @Test
    void the_profile_keeps_a_name_and_a_language() {
        String email = someone();
        registered(email, null);
        Browser browser = loggedIn(email, PASSWORD);
        browser.get("/account");

        Browser.Page saved = browser.post("/account", Map.of("fullName", "Ana María López", "language", "en"));
        Browser.Page wrong = browser.post("/account", Map.of("fullName", "Ana", "language", "fr"));

        assertThat(saved.header("Location")).contains("/account?saved=profile");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"f-language-error\"");
        var user = SERVER.ports().users().findByEmail(new EmailAddress(email)).orElseThrow();
        assertThat(user.fullName()).isEqualTo("Ana María López");
        assertThat(user.language().code()).isEqualTo("en");
    }

    private static String latestResetPath() {
        var links = SERVER.messages().resetLinks();
        String link = links.get(links.size() - 1).link();
        assertThat(link).startsWith(WebServer.PUBLIC_URL + "/password/reset/");
        return link.substring(WebServer.PUBLIC_URL.length());
    }

    @Test
    void a_forgotten_password_is_set_anew_through_a_link_that_works_once() {
        String email = someone();
        registered(email, null);
        Browser other = loggedIn(email, PASSWORD);
        Browser browser = SERVER.browser();
        assertThat(browser.get("/password/forgot?lang=en").body()).contains("action=\"/password/forgot\"");
        int sentBefore = SERVER.messages().resetLinks().size();

        Browser.Page known = browser.post("/password/forgot", Map.of("email", email));
        browser.get("/password/forgot");
        Browser.Page unknown = browser.post("/password/forgot", Map.of("email", someone()));

        assertThat(known.status()).isEqualTo(303);
        assertThat(unknown.status()).isEqualTo(303);
        assertThat(unknown.header("Location")).isEqualTo(known.header("Location"));
        assertThat(browser.get(known.header("Location").orElseThrow()).body())
                .contains("If an account has that address, a link");
        assertThat(SERVER.messages().resetLinks()).hasSize(sentBefore + 1);
        assertThat(SERVER.messages().sent()).contains("email password_reset es to " + email);
        String link = latestResetPath();

        Browser.Page form = browser.get(link);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.header("Cache-Control")).contains("no-store");
        assertThat(form.body()).contains("autocomplete=\"new-password\"");
        Browser.Page weak = browser.post(link, Map.of("password", "short"));
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.body()).contains("id=\"f-password-error\"");
        assertThat(passwordIs(email, PASSWORD)).isTrue();

        Browser.Page set = browser.post(link, Map.of("password", "brand-new-s3cret"));

        assertThat(set.status()).isEqualTo(303);
        assertThat(set.header("Location")).contains("/login?reset");
        assertThat(browser.get("/login?reset").body()).contains("Your new password is set");
        assertThat(passwordIs(email, "brand-new-s3cret")).isTrue();
        assertThat(other.get("/account").status()).as("every login ended").isEqualTo(303);

        Browser.Page spent = browser.get(link);
        assertThat(spent.status()).isEqualTo(410);
        assertThat(spent.body()).contains("This link no longer works", "href=\"/password/forgot\"");
        assertThat(browser.post(link, Map.of("password", "third-s3cret-here")).status())
                .isEqualTo(410);
        assertThat(passwordIs(email, "brand-new-s3cret")).isTrue();
    }

    @Test
    void an_expired_unknown_or_replaced_link_sets_nothing() throws Exception {
        String email = someone();
        UserId user = registered(email, null).userId();
        String token = "expired-token-" + UUID.randomUUID();
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        SERVER.ports()
                .passwordResets()
                .replace(new PasswordReset(
                        UUID.randomUUID(),
                        user,
                        hash,
                        WebServer.NOW.minus(Duration.ofHours(2)),
                        WebServer.NOW.minus(Duration.ofHours(1)),
                        Optional.empty()));
        Browser browser = SERVER.browser();

        assertThat(browser.get("/password/reset/" + token).status()).isEqualTo(410);
        browser.get("/password/forgot"); // a lapsed link's page has no form: a token from one that does
        assertThat(browser.post("/password/reset/" + token, Map.of("password", "brand-new-s3cret"))
                        .status())
                .isEqualTo(410);
        assertThat(browser.get("/password/reset/no-such-token").status()).isEqualTo(410);

        browser.get("/password/forgot");
        browser.post("/password/forgot", Map.of("email", email));
        String older = latestResetPath();
        browser.get("/password/forgot");
        browser.post("/password/forgot", Map.of("email", email));
        String newer = latestResetPath();
        assertThat(browser.get(older).status()).isEqualTo(410);
        assertThat(browser.get(newer).status()).isEqualTo(200);
        assertThat(passwordIs(email, PASSWORD)).isTrue();
    }

    @Test
    void an_invitation_is_accepted_into_the_business_or_declined() {
        String owner = someone();
        var business = registered(owner, "Estudio Invitado");
        Actor.Member ownerActor = new Actor.Member(business.userId());
        String invitee = someone();
        Invitation toJoin = SERVER.useCases().members().invite(ownerActor, business.businessId(), invitee, "staff");
        String otherOwner = someone();
        var elsewhere = registered(otherOwner, "Otro Estudio");
        Invitation toRefuse = SERVER.useCases()
                .members()
                .invite(new Actor.Member(elsewhere.userId()), elsewhere.businessId(), invitee, "viewer");
        Browser browser = SERVER.browser();
        Browser.Page joinForm = browser.get("/register?join=1&lang=en");
        assertThat(joinForm.body())
                .contains("Create your account", "name=\"join\" value=\"1\"")
                .doesNotContain("name=\"businessName\"");
        Browser.Page signedUp = browser.post(
                "/register", Map.of("join", "1", "email", invitee, "password", PASSWORD, "language", "en"));
        assertThat(signedUp.status()).as(signedUp.body()).isEqualTo(303);
        assertThat(signedUp.header("Location")).contains("/invitations");

        Browser.Page list = browser.get("/invitations");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body())
                .contains("Estudio Invitado", "Invited as Staff.", "Otro Estudio", "Invited as Viewer.")
                .contains("action=\"/invitations/" + toJoin.id() + "/accept\"");
        Browser outsider = loggedIn(otherOwner, PASSWORD);
        outsider.get("/invitations");
        assertThat(outsider.post("/invitations/" + toJoin.id() + "/accept", Map.of())
                        .status())
                .as("addressed to someone else")
                .isEqualTo(404);
        assertThat(outsider.post("/invitations/not-a-uuid/accept", Map.of()).status())
                .isEqualTo(404);

        Browser.Page accepted = browser.post("/invitations/" + toJoin.id() + "/accept", Map.of());
        assertThat(accepted.status()).isEqualTo(303);
        assertThat(accepted.header("Location"))
                .contains("/dashboard/" + business.businessSlug().value());
        browser.get("/invitations");
        Browser.Page declined = browser.post("/invitations/" + toRefuse.id() + "/decline", Map.of());
        assertThat(declined.header("Location")).contains("/invitations?declined");

        assertThat(browser.get("/invitations?declined").body())
                .contains("Invitation declined.", "Nobody has invited you to a business right now.");
        var memberships = SERVER.useCases()
                .profile()
                .profile(SERVER.ports()
                        .users()
                        .findByEmail(new EmailAddress(invitee))
                        .orElseThrow()
                        .id())
                .memberships();
        assertThat(memberships).hasSize(1);
        assertThat(memberships.get(0).business().name()).isEqualTo("Estudio Invitado");
        assertThatThrownBy(() -> SERVER.useCases()
                        .invitations()
                        .accept(
                                new Actor.Member(SERVER.ports()
                                        .users()
                                        .findByEmail(new EmailAddress(invitee))
                                        .orElseThrow()
                                        .id()),
                                toRefuse.id()))
                .isInstanceOf(com.voiceappoint.application.error.NotFoundException.class);
    }
}
