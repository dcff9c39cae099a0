package com.voiceappoint.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.error.OutcomeUnknownException;
import com.voiceappoint.application.port.out.TransactionRunner;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Booking on a business's page when something goes other than planned: the client is told what happened and what
 * to do, on the form with what they typed, never a bare error page and never "failed" when it may have worked.
 */
class BookingTroubleTest {
    /** While set, no write reaches the store and none is known to have failed: the answer to a commit was lost. */
    private static final AtomicBoolean ANSWERS_LOST = new AtomicBoolean();

    @RegisterExtension
    static final WebServer SERVER = WebServer.around(ports -> {
        TransactionRunner real = ports.transactions();
        return ports.runningTransactionsThrough(new TransactionRunner() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                if (ANSWERS_LOST.get()) {
                    throw new OutcomeUnknownException(new java.io.IOException("connection reset"));
                }
                return real.inTransaction(work);
            }
        });
    });

    private static final String TUESDAY_TEN = "2026-11-24T09:00:00Z";
    private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

    @AfterEach
    void answersBack() {
        ANSWERS_LOST.set(false);
    }

    private static String key(Browser.Page page) {
        Matcher key = KEY.matcher(page.body());
        assertThat(key.find()).as(page.body()).isTrue();
        return key.group(1);
    }

    private static Browser.Page details(Browser browser, OpenSalon salon, String start) {
        return browser.get("/" + salon.slug + "/book?service=" + salon.cut.value() + "&start=" + start);
    }

    private static Map<String, String> form(OpenSalon salon, String start, String key, String name, String phone) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("service", salon.cut.value().toString());
        fields.put("start", start);
        fields.put("key", key);
        fields.put("name", name);
        fields.put("phone", phone);
        fields.put("email", "");
        return fields;
    }

    @Test
    void the_details_step_is_never_cached_so_back_does_not_bring_an_old_key() {
        OpenSalon salon = OpenSalon.open(SERVER);

        assertThat(details(SERVER.browser(), salon, TUESDAY_TEN).header("Cache-Control"))
                .contains("no-store");
    }

    @Test
    void corrected_details_sent_under_the_first_attempts_key_get_a_new_key_and_are_asked_to_confirm() {
        OpenSalon salon = OpenSalon.open(SERVER);
        Browser browser = SERVER.browser();
        String key = key(details(browser, salon, TUESDAY_TEN));
        assertThat(browser.post("/" + salon.slug + "/book", form(salon, TUESDAY_TEN, key, "Marta", "+34600000951"))
                        .status())
                .isEqualTo(303);

        Browser.Page again =
                browser.post("/" + salon.slug + "/book", form(salon, TUESDAY_TEN, key, "Marta Ruiz", "+34600000952"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("Has cambiado tus datos", "value=\"Marta Ruiz\"");
        assertThat(key(again)).isNotEqualTo(key);
    }

    @Test
    void a_booking_whose_outcome_is_unknown_is_offered_again_under_the_same_key_and_books_once() {
        OpenSalon salon = OpenSalon.open(SERVER);
        Browser browser = SERVER.browser();
        String key = key(details(browser, salon, TUESDAY_TEN));

        ANSWERS_LOST.set(true);
        Browser.Page unknown =
                browser.post("/" + salon.slug + "/book", form(salon, TUESDAY_TEN, key, "Marta", "+34600000961"));
        ANSWERS_LOST.set(false);

        assertThat(unknown.status()).isEqualTo(503);
        assertThat(unknown.header("Retry-After")).isPresent();
        assertThat(unknown.body())
                .contains("Puede que ya esté hecha", "value=\"Marta\"")
                .doesNotContainIgnoringCase("fallado");
        assertThat(key(unknown)).isEqualTo(key);
        Browser.Page sentAgain =
                browser.post("/" + salon.slug + "/book", form(salon, TUESDAY_TEN, key, "Marta", "+34600000961"));
        assertThat(sentAgain.status()).isEqualTo(303);
        assertThat(sentAgain.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith("/manage/"));
    }

    @Test
    void a_time_the_business_does_not_take_says_why_in_the_pages_language() {
        OpenSalon salon = OpenSalon.open(SERVER);
        Browser browser = SERVER.browser();
        String farAhead = "2028-11-24T09:00:00Z";
        String key = key(details(browser, salon, farAhead));

        Browser.Page refused =
                browser.post("/" + salon.slug + "/book", form(salon, farAhead, key, "Marta", "+34600000971"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("no acepta reservas con tanta antelación");
    }
}
