package com.voiceappoint.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.application.port.in.RegisterAccountUseCase;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.WeeklyHours;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /operator/} over a socket: only operators find it, and there they suspend and reactivate businesses. */
class OperatorPagesTest {
    @RegisterExtension
    static final WebServer SERVER = new WebServer();

    private static final Map<String, String> ENGLISH = Map.of("Accept-Language", "en");

    /** A new account with a business of its own, and a browser signed in as it. */
    private static Signed signUp(String email, String businessName) {
        var account = SERVER.useCases()
                .registerAccount()
                .register(new RegisterAccountUseCase.Command(
                        email, "s3cret-enough", "Someone", "en", businessName, "salon", "Europe/Madrid", "EUR"));
        Browser browser = SERVER.browser();
        browser.signedIn(SERVER.useCases().sessions().start(account.userId()).token());
        return new Signed(browser, new Actor.Member(account.userId()), account);
    }

    private record Signed(Browser browser, Actor.Member member, RegisterAccountUseCase.Result account) {
        String slug() {
            return account.businessSlug().value();
        }
    }

    @Test
    void visitors_and_members_without_operator_rights_find_nothing_there() {
        Signed owner = signUp("owner-404@example.com", "Barbería Norte");
        Browser visitor = SERVER.browser();

        for (String path : new String[] {"/operator/", "/operator", "/operator/businesses/" + owner.slug()}) {
            Browser.Page anonymous = visitor.get(path, ENGLISH);
            assertThat(anonymous.status()).as(path).isEqualTo(404);
            assertThat(anonymous.body()).contains("We could not find that page.");
            assertThat(owner.browser().get(path, ENGLISH).status()).as(path).isEqualTo(404);
        }
        owner.browser().get("/", ENGLISH); // a page's CSRF token, as any form would carry
        Browser.Page suspend =
                owner.browser().post("/operator/businesses/" + owner.slug() + "/suspend", Map.of("reason", "mine now"));

        assertThat(suspend.status()).isEqualTo(404);
        assertThat(SERVER.useCases()
                        .business()
                        .get(owner.member(), owner.account().businessId())
                        .suspended())
                .isFalse();
    }

    @Test
    void an_operator_lists_searches_suspends_and_reactivates_businesses_and_reaches_nothing_else() {
        Signed owner = signUp("owner-sol@example.com", "Peluquería Sol");
        Signed operator = signUp("operator@example.com", "Ops Desk");
        SERVER.useCases().operators().grant("operator@example.com");
        Browser browser = operator.browser();

        Browser.Page list = browser.get("/operator/", ENGLISH);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body())
                .contains("Businesses on the platform", "Peluquería Sol", "/" + owner.slug(), "Active", "Ops Desk")
                .contains("<th scope=\"col\"", "<th scope=\"row\"");
        assertThat(browser.get("/operator/?q=SOL", ENGLISH).body())
                .contains("Peluquería Sol", "found for “SOL”")
                .doesNotContain("Ops Desk");
        assertThat(browser.get("/operator/?page=two", ENGLISH).status()).isEqualTo(400);
        assertThat(browser.get("/operator/?page=0", ENGLISH).status()).isEqualTo(400);
        assertThat(browser.get("/operator/businesses/no-such-business", ENGLISH).status())
                .isEqualTo(404);

        String page = "/operator/businesses/" + owner.slug();
        Service cut = SERVER.useCases()
                .createService()
                .create(CreateServiceUseCase.Command.builder(
                                owner.member(), owner.account().businessId(), "Cut", 30, new BigDecimal("20"))
                        .build());
        SERVER.useCases()
                .businessHours()
                .setWeeklyHours(
                        owner.member(),
                        owner.account().businessId(),
                        WeeklyHours.sameOn(List.of(DayOfWeek.TUESDAY), List.of(OpeningWindow.of("09:00", "18:00"))));
        String booking = "{\"service\": \"" + cut.id().value()
                + "\", \"start\": \"2026-11-24T10:00\", \"client\": {\"name\": \"Carmen\", \"phone\": \"+34600111222\"}}";
        assertThat(browser.get(page, ENGLISH).body()).contains("Suspend this business", "It has never been suspended.");

        Browser.Page blank = browser.post(page + "/suspend", Map.of("reason", "   "));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.body())
                .contains("Write why.", "aria-invalid=\"true\"", "aria-describedby=\"operator-reason-error");
        assertThat(browser.postExactly(page + "/suspend", Map.of("reason", "no token"))
                        .status())
                .isEqualTo(403);
        assertThat(suspended(owner)).as("nothing changed on bad input").isFalse();

        Browser.Page suspend = browser.post(page + "/suspend", Map.of("reason", "Unpaid invoices"));
        assertThat(suspend.status()).isEqualTo(303);
        assertThat(suspend.header("Location")).contains(page);
        assertThat(suspended(owner)).isTrue();
        assertThat(browser.get(page, ENGLISH).body())
                .contains("Suspended", "Unpaid invoices", "operator@example.com", "Reactivate this business");
        assertThat(browser.get("/operator/?q=sol", ENGLISH).body()).contains("Suspended");
        Browser.Page publicBooking =
                SERVER.browser().postJson("/api/v1/public/businesses/" + owner.slug() + "/appointments", booking);
        assertThat(publicBooking.status()).as(publicBooking.body()).isEqualTo(409);
        assertThat(publicBooking.body()).contains("\"code\":\"BUSINESS_SUSPENDED\"");
        Browser.Page publicPage = SERVER.browser().get("/" + owner.slug(), ENGLISH);
        assertThat(publicPage.body())
                .as("the public page offers no booking")
                .contains("not taking bookings online right now")
                .doesNotContain("/" + owner.slug() + "/book");

        assertThat(browser.post(page + "/reactivate", Map.of("reason", "Paid")).status())
                .isEqualTo(303);
        assertThat(suspended(owner)).isFalse();
        assertThat(SERVER.browser()
                        .postJson("/api/v1/public/businesses/" + owner.slug() + "/appointments", booking)
                        .status())
                .as("booking again")
                .isEqualTo(201);
        assertThat(browser.get(page, ENGLISH).body()).contains("Reactivated", "Paid", "Suspend this business");
        assertThat(SERVER.browser().get("/" + owner.slug(), ENGLISH).body()).contains("/" + owner.slug() + "/book");
        assertThat(browser.get("/operator/?lang=es").body()).contains("Negocios de la plataforma", "Activo");

        // operator rights open no business: its data stays its members' alone
        assertThatThrownBy(() -> SERVER.useCases()
                        .business()
                        .get(operator.member(), owner.account().businessId()))
                .isInstanceOf(NotFoundException.class);
    }

    private static boolean suspended(Signed owner) {
        return SERVER.useCases()
                .business()
                .get(owner.member(), owner.account().businessId())
                .suspended();
    }
}
