package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.voiceappoint.adapter.http.web.Texts;
import com.voiceappoint.adapter.payments.LocalStripe;
import com.voiceappoint.adapter.persistence.TestPostgres;
import com.voiceappoint.domain.shared.Language;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * What a visitor does in a real browser, against the running server on PostgreSQL: every page seen at phone and
 * desktop widths and checked with axe-core (see {@link Chromium}), in Spanish and English.
 */
class BrowserJourneysTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private static LiveApi api;

    @RegisterExtension
    static final Chromium browser = new Chromium(() -> api.port());

    private static final Texts ES = Texts.of(Language.ES);
    private static final Texts EN = Texts.of(Language.EN);
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Pattern APPOINTMENT = Pattern.compile("appointment_id ([0-9a-f-]{36})");

    @BeforeAll
    static void start() {
        api = LiveApi.start(postgres);
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void the_landing_page_speaks_the_browsers_spanish_and_switches_to_english_for_good() {
        browser.open("/");
        assertThat(browser.language()).isEqualTo("es");
        assertThat(browser.text("h1")).isEqualTo(ES.plain("landing.headline"));

        browser.click(ES.plain("language.en"));
        assertThat(browser.language()).isEqualTo("en");
        assertThat(browser.text("h1")).isEqualTo(EN.plain("landing.headline"));

        browser.open("/");
        assertThat(browser.language()).as("the choice is kept").isEqualTo("en");

        browser.click(EN.plain("language.es"));
        assertThat(browser.language()).isEqualTo("es");
        assertThat(browser.text("h1")).isEqualTo(ES.plain("landing.headline"));
    }

    @Test
    void an_address_that_leads_nowhere_is_a_not_found_page_with_a_way_home() {
        String nowhere = "/no-such-business-here";
        assertThat(api.at(nowhere).get().status()).isEqualTo(404);

        browser.open(nowhere);
        assertThat(browser.text("h1")).isEqualTo(ES.plain("error.title"));
        assertThat(browser.mainText()).contains(ES.plain("error.not_found"));

        browser.click(ES.plain("error.home"));
        assertThat(browser.path()).isEqualTo("/");
    }

    @Test
    void the_dashboard_sends_a_visitor_who_has_not_logged_in_to_log_in_and_back() {
        browser.open("/dashboard/select");
        assertThat(browser.path()).isEqualTo("/login?next=%2Fdashboard%2Fselect");
    }

    @Test
    void a_keyboard_user_sees_where_the_focus_is_and_can_skip_to_the_content() {
        browser.open("/?lang=en");
        browser.assertFocusVisible();

        browser.open("/");
        browser.tab();
        assertThat(browser.focused().getText()).isEqualTo(EN.plain("layout.skip"));
        browser.press(org.openqa.selenium.Keys.ENTER);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("main");
    }

    @Test
    void the_accessibility_check_runs_despite_the_pages_security_policy_and_names_what_it_finds() {
        browser.open("/");
        // a field nobody can name: what axe must catch on any page of ours, CSP or not
        browser.driver()
                .executeScript(
                        "document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=\"text\">');");

        assertThatThrownBy(browser::assertAccessible)
                .hasMessageContaining("critical label")
                .hasMessageContaining("at [input]");
    }

    @Test
    void fields_are_found_by_their_labels_as_a_person_finds_them() {
        browser.open("/");
        // a form of every kind of field the journeys fill, put on the page as a template would render it
        browser.driver()
                .executeScript("document.querySelector('main').insertAdjacentHTML('beforeend',"
                        + " '<form><label for=\"name\">Nombre</label><input id=\"name\" value=\"old\">"
                        + "<label>Día <select id=\"day\"><option>Lunes</option><option>Martes</option></select></label>"
                        + "<label><input type=\"checkbox\" id=\"agree\"> Acepto</label>"
                        + "<label for=\"date\">Fecha</label><input type=\"date\" id=\"date\">"
                        + "<input aria-label=\"Buscar\" id=\"search\"></form>');");

        browser.fill("Nombre", "Ana García")
                .fill("Día", "Martes")
                .fill("Acepto", "true")
                .fill("Fecha", "2026-12-24")
                .fill("Buscar", "+34600000001");

        assertThat(browser.field("Nombre").getAttribute("value")).isEqualTo("Ana García");
        assertThat(browser.field("Día").getAttribute("value")).isEqualTo("Martes");
        assertThat(browser.field("Acepto").isSelected()).isTrue();
        assertThat(browser.field("Fecha").getAttribute("value")).isEqualTo("2026-12-24");
        assertThat(browser.field("Buscar").getAttribute("value")).isEqualTo("+34600000001");
        assertThatThrownBy(() -> browser.field("Apellidos")).hasMessageContaining("no field labelled \"Apellidos\"");
    }

    @Test
    void the_console_check_finds_what_the_pages_security_policy_refused() {
        browser.open("/");
        // an inline script, as a careless template might write one: the policy blocks it and the console says so
        browser.driver()
                .executeScript("const s = document.createElement('script'); s.textContent = 'window.ran = true;';"
                        + " document.body.appendChild(s);");

        assertThatThrownBy(browser::assertNoPolicyViolations).hasMessageContaining("Content Security Policy");
    }

    @Test
    void the_focus_check_finds_a_control_that_hides_where_the_focus_is() {
        browser.open("/");
        browser.driver()
                .executeScript("const hidden = document.querySelector('a.brand');"
                        + " hidden.style.setProperty('outline', 'none', 'important');"
                        + " hidden.style.setProperty('box-shadow', 'none', 'important');");

        assertThatThrownBy(browser::assertFocusVisible).hasMessageContaining("<a> VoiceAppoint");
    }

    /**
     * Issue 16's journey: an owner signs up, follows the checklist to set hours and a service; a client books on the
     * public page while the owner's calendar, open in another tab, shows it live; a caller books by phone and that
     * shows live too; the owner moves the call's booking, the client cancels theirs, and the figures count it all.
     */
    @ParameterizedTest
    @EnumSource(
            value = Language.class,
            names = {"ES", "EN"})
    void an_owner_opens_for_business_and_watches_web_and_phone_bookings_arrive_live(Language language) {
        Texts t = Texts.of(language);
        String email = "owner-" + language.code() + "-" + System.nanoTime() + "@example.com";
        String service = language == Language.ES ? "Corte de pelo" : "Haircut";

        browser.open("/register?lang=" + language.code());
        browser.fill(t.plain("account.field.full_name"), "Ana Owner")
                .fill(t.plain("account.field.email"), email)
                .fill(t.plain("account.field.password"), LiveApi.PASSWORD)
                .fill(
                        t.plain("account.field.business_name"),
                        "Salón " + language.code().toUpperCase(Locale.ROOT));
        choose(t.plain("account.field.business_type"), "salon");
        choose(t.plain("account.field.timezone"), "Europe/Madrid");
        choose(t.plain("account.field.currency"), "EUR");
        choose(t.plain("account.field.country"), "ES");
        choose(t.plain("account.field.language"), language.code());
        browser.click(t.plain("account.register.submit"));
        assertThat(browser.path()).startsWith("/dashboard/");
        String slug = browser.path().substring("/dashboard/".length());
        String dashboard = "/dashboard/" + slug;
        assertThat(browser.text(".onboarding")).contains(t.plain("calendar.today.step.hours"));

        // the checklist leads to the hours: open 08:00-20:00 every day of the week
        browser.click(t.plain("calendar.today.step.hours"));
        assertThat(browser.path()).isEqualTo(dashboard + "/hours");
        for (DayOfWeek day : DayOfWeek.values()) {
            String prefix = day.name().toLowerCase(Locale.ROOT) + ".0.";
            setTime(prefix + "opens", "08:00");
            setTime(prefix + "closes", "20:00");
        }
        browser.click(t.plain("setup.hours.save"));
        assertThat(browser.driver().findElements(By.cssSelector(".form-error, .field-error")))
                .isEmpty();

        browser.click(t.plain("dashboard.section.today"));
        assertThat(browser.text(".onboarding li.done")).contains(t.plain("calendar.today.step.hours"));
        browser.click(t.plain("calendar.today.step.services"));
        assertThat(browser.path()).isEqualTo(dashboard + "/services");
        browser.fill(t.plain("setup.service.name"), service)
                .fill(t.plain("setup.service.duration"), "30")
                .fill(t.plain("setup.service.price", "EUR"), "20");
        for (WebElement provider : browser.driver().findElements(By.cssSelector("input[name=providers]"))) {
            if (!provider.isSelected()) {
                provider.click();
            }
        }
        browser.click(t.plain("setup.services.add_button"));
        assertThat(browser.mainText()).contains(service);

        // the owner watches the day of the bookings, two days on (far enough to be changed by the client)
        LocalDate day = LocalDate.now(MADRID).plusDays(2);
        browser.open(dashboard + "/calendar?view=day&date=" + day);
        String calendar = browser.driver().getWindowHandle();
        // a mark on this very document: were the page reloaded, it would be gone
        browser.driver().executeScript("window.watching = true;");

        browser.newTab();
        browser.open("/" + slug);
        browser.click(t.plain("public.book_now"));
        browser.clickOn("a[href*='service=']");
        if (browser.driver()
                .findElements(By.cssSelector("a[href*='day=" + day + "']"))
                .isEmpty()) {
            browser.click(t.plain("public.month.next"));
        }
        browser.clickOn("a[href*='day=" + day + "']");
        browser.clickOn("form.times button[name=start]");
        browser.fill(t.plain("public.book.name"), "Lucía Web").fill(t.plain("public.book.phone"), "+34600111222");
        browser.click(t.plain("public.book.confirm"));
        assertThat(browser.text("h1")).isEqualTo(t.plain("public.manage.booked_title"));
        String clientsTab = browser.driver().getWindowHandle();

        browser.switchTo(calendar);
        waitForAppointment("Lucía Web");
        waitForNews();

        // a caller books through the phone assistant: Vapi calls the webhook's tool, the calendar shows it live
        PhoneCalls.Line line = answeringLine(email, language);
        PhoneCalls.Call call = new PhoneCalls(api).call(line, "+34600333444");
        String booked = call.tool(
                "book_appointment",
                Map.of("service_name", service, "start", day + "T12:00", "client_name", "Pedro Voz"));
        Matcher id = APPOINTMENT.matcher(booked);
        assertThat(id.find()).as(booked).isTrue();
        call.hangUp("Booked a haircut.");
        waitForAppointment("Pedro Voz");
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".toasts .toast")));
        browser.assertAccessible().screenshotsOf("calendar-live-toast");
        assertThat(browser.driver().executeScript("return window.watching === true;"))
                .as("the calendar was updated in place, not reloaded")
                .isEqualTo(true);
        Number rows = (Number) browser.driver()
                .executeScript(
                        "const a = document.querySelector(\"#calendar-grid a.appointment[href$='\" + arguments[0]"
                                + " + \"']\"); const quarter = document.querySelector('#calendar-grid tr.quarter td');"
                                + " return a.getBoundingClientRect().height / quarter.getBoundingClientRect().height;",
                        id.group(1));
        assertThat(rows.doubleValue())
                .as("half an hour is drawn two quarters high")
                .isGreaterThan(1.5);

        // the owner moves the phone booking to the first free time the appointment's dialog offers
        browser.clickOn("#calendar-grid a.appointment[href$='" + id.group(1) + "']");
        browser.waitFor(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#drawer[open] .free-times button")));
        browser.assertAccessible().screenshotsOf("appointment-dialog");
        browser.clickOn("#drawer .free-times button");
        assertThat(browser.text(".notice")).isEqualTo(t.plain("calendar.done.reschedule"));
        browser.click(t.plain("calendar.back"));

        // the client cancels from the link the booking gave them; the calendar hears of it
        browser.switchTo(clientsTab);
        browser.click(t.plain("public.manage.cancel"));
        assertThat(browser.text("h1")).isEqualTo(t.plain("public.manage.cancelled_title"));
        browser.switchTo(calendar);
        browser.waitFor(d -> d.findElements(By.xpath("//div[@id='calendar-grid']//a[contains(@class,'appointment')"
                        + " and contains(., 'Lucía Web') and not(contains(@class, 'cancelled'))]"))
                .isEmpty());
        browser.closeTabsBut(calendar);

        browser.click(t.plain("dashboard.section.today"));
        assertThat(browser.text(".agenda")).contains("Pedro Voz").doesNotContain("Lucía Web");

        browser.click(t.plain("dashboard.section.analytics"));
        browser.fill(t.plain("analytics.range.from"), LocalDate.now(MADRID).toString())
                .fill(t.plain("analytics.range.to"), day.toString());
        browser.click(t.plain("analytics.range.show"));
        assertThat(count("sources", "web")).isEqualTo("1");
        assertThat(count("sources", "voice")).isEqualTo("1");
        assertThat(count("statuses", "cancelled")).isEqualTo("1");
        assertThat(count("statuses", "confirmed")).isEqualTo("1");
    }

    /**
     * Issue 17's journey: an owner connects the business's Stripe account on Stripe's onboarding page; a client books a
     * service with a deposit on the public page, is sent on to Stripe's Checkout, pays, and comes back to the deposit's
     * page, which says the payment is being confirmed until Stripe's news arrives and then that the appointment is
     * confirmed; the owner opens the appointment, sees the payment and gives part of it back. Stripe is LocalStripe,
     * whose pages are checked as ours are.
     */
    @Test
    void a_client_pays_a_deposit_on_stripe_and_the_owner_gives_part_of_it_back() {
        World salon = World.open(api, "Peluquería Depósito");
        String dashboard = "/dashboard/" + salon.slug;
        LocalStripe stripe = api.stripe();

        // the owner connects the business's own Stripe account, on Stripe's page and back
        logIn(salon.owner);
        browser.open(dashboard + "/settings/payments");
        browser.click(EN.plain("settings.payments.connect.not_connected"));
        assertThat(browser.driver().getCurrentUrl()).startsWith(stripe.base() + "/setup/e/");
        browser.click("Finish onboarding");
        assertThat(browser.path()).isEqualTo(dashboard + "/settings/payments?connected=1");
        assertThat(browser.mainText()).contains(EN.plain("settings.payments.back.ready"));
        String colour = salon.depositService("Color", "15.00");

        // a client books the colour on the public page, and is sent on to Stripe to pay the deposit
        browser.driver().manage().deleteAllCookies();
        LocalDate day = LocalDate.now(MADRID).plusDays(3);
        browser.open("/" + salon.slug);
        browser.click(ES.plain("public.book_now"));
        browser.clickOn("a[href*='service=" + colour + "']");
        if (browser.driver()
                .findElements(By.cssSelector("a[href*='day=" + day + "']"))
                .isEmpty()) {
            browser.click(ES.plain("public.month.next"));
        }
        browser.clickOn("a[href*='day=" + day + "']");
        browser.clickOn("form.times button[name=start]");
        browser.fill(ES.plain("public.book.name"), "Carmen Web").fill(ES.plain("public.book.phone"), "+34600555666");
        browser.click(ES.plain("public.book.confirm"));
        assertThat(browser.driver().getCurrentUrl()).startsWith(stripe.base() + "/c/pay/");
        assertThat(browser.mainText()).contains("Peluquería Depósito").containsPattern("15,00\\h€");

        // paying there, the client is back on the deposit's page before Stripe's news: it waits for it, by itself
        stripe.holdEvents();
        browser.clickOn("form button[type=submit]");
        assertThat(browser.path()).matches("/" + salon.slug + "/pay/[0-9a-f-]{36}\\?paid=1");
        assertThat(browser.text("#deposit-state h2")).isEqualTo(ES.plain("public.deposit.state.confirming"));
        assertThat(stripe.releaseEvents())
                .singleElement()
                .satisfies(news -> assertThat(news.status()).isEqualTo(200));
        browser.waitFor(d -> d.findElement(By.cssSelector("#deposit-state h2"))
                .getText()
                .equals(ES.plain("public.deposit.state.paid")));
        browser.assertAccessible().screenshotsOf("deposit-paid");
        assertThat(browser.clickable(ES.plain("public.deposit.manage")).getAttribute("href"))
                .as("the booking's manage link, kept for this page while the client was on Stripe's")
                .contains("/manage/");

        // the owner sees the payment on the appointment's page and gives five euros of it back
        String appointment = api.at("/api/v1/payments?business=" + salon.id)
                .token(salon.owner.token())
                .get()
                .body()
                .path("results")
                .path(0)
                .path("appointment")
                .asText();
        logIn(salon.owner);
        browser.open(dashboard + "/appointments/" + appointment);
        assertThat(browser.text(".appointment-payments"))
                .contains(EN.plain("calendar.payments.status.paid"))
                .contains("€15.00");
        browser.fill(EN.plain("calendar.payments.refund.amount_field"), "5.00");
        // the form asks "are you sure?" in the browser's own dialog: the owner is
        browser.driver().executeScript("window.confirm = () => true;");
        browser.click(EN.plain("calendar.payments.refund.submit"));

        assertThat(browser.text(".notice")).isEqualTo(EN.plain("calendar.done.refund"));
        assertThat(browser.text(".appointment-payments table.refunds"))
                .contains("€5.00")
                .contains(EN.plain("calendar.payments.refund_status.succeeded"));
        assertThat(stripe.refunds())
                .singleElement()
                .satisfies(refund -> assertThat(refund.amount()).isEqualTo(500));
    }

    @Test
    void staff_see_only_what_their_role_allows_and_a_viewer_changes_nothing() {
        World world = World.open(api, "Peluquería Roles").withMember(World.Role.VIEWER, api.register("Viewer's own"));
        String dashboard = "/dashboard/" + world.slug;

        // the owner invites a stylist, who accepts on the invitations page
        LiveApi.Account stylist = api.register("Stylist's own");
        assertThat(api.at(world.path("/members"))
                        .token(world.owner.token())
                        .post(Map.of("email", stylist.email(), "role", "staff"))
                        .status())
                .isEqualTo(202);
        logIn(stylist);
        browser.open("/invitations");
        browser.click(EN.plain("account.invitations.accept") + " Peluquería Roles");
        String stylists = api.at(world.path("/staff"))
                .token(world.owner.token())
                .post(Map.of("display_name", "Marta", "user_id", stylist.userId()))
                .body()
                .get("id")
                .asText();
        String owners = world.freshAppointment(world.ownerProvider);
        String staffs = world.freshAppointment(stylists);

        browser.open(dashboard + "/appointments/" + staffs);
        assertThat(postForms()).as("staff act on their own appointments").isNotEmpty();
        browser.open(dashboard + "/appointments/" + owners);
        assertThat(postForms()).as("and on nobody else's").isEmpty();
        browser.open(dashboard + "/settings/business");
        assertThat(postForms()).as("nor on the business's settings").isEmpty();

        browser.driver().manage().deleteAllCookies();
        logIn(world.member(World.Role.VIEWER));
        browser.open(dashboard + "/appointments/" + owners);
        assertThat(postForms()).isEmpty();
        browser.open(dashboard + "/hours");
        assertThat(postForms()).isEmpty();
        browser.open(dashboard + "/services");
        assertThat(postForms()).isEmpty();

        // a form made by hand, with the page's own CSRF token, is refused all the same
        Object status = browser.driver()
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + " const token = document.querySelector('input[name=_csrf]').value;"
                                + " fetch(arguments[0], {method: 'POST', redirect: 'manual', body: new"
                                + " URLSearchParams({_csrf: token, reason: 'forged'})}).then(r => done(r.status),"
                                + " e => done(String(e)));",
                        dashboard + "/appointments/" + owners + "/cancel");
        assertThat(status).isEqualTo(403L);
        assertThat(api.at("/api/v1/appointments/" + owners)
                        .token(world.owner.token())
                        .get()
                        .body()
                        .path("status")
                        .asText())
                .isEqualTo("confirmed");
    }

    @Test
    void a_client_books_on_the_public_page_with_the_keyboard_alone() {
        World world = World.open(api, "Barbería Teclado");
        browser.open("/" + world.slug + "?lang=en");

        browser.tabTo(e -> hrefEnds(e, "/book"));
        browser.pressToLeave(Keys.ENTER);
        browser.tabTo(e -> hrefHas(e, "service="));
        browser.pressToLeave(Keys.ENTER);
        browser.tabTo(e -> hrefHas(e, "day="));
        browser.pressToLeave(Keys.ENTER);
        browser.tabTo(e -> "start".equals(e.getAttribute("name")));
        browser.pressToLeave(Keys.SPACE);
        browser.tabTo(e -> "name".equals(e.getAttribute("id")));
        browser.press("Kim Keys");
        browser.tabTo(e -> "phone".equals(e.getAttribute("id")));
        browser.press("+34600999888");
        browser.tabTo(e -> "submit".equals(e.getAttribute("type")));
        browser.pressToLeave(Keys.ENTER);

        assertThat(browser.path()).startsWith("/manage/");
        assertThat(browser.text("h1")).isEqualTo(EN.plain("public.manage.booked_title"));
    }

    private static boolean hrefEnds(WebElement element, String end) {
        String href = element.getAttribute("href");
        return href != null && href.endsWith(end);
    }

    private static boolean hrefHas(WebElement element, String part) {
        String href = element.getAttribute("href");
        return href != null && href.contains(part);
    }

    private static void logIn(LiveApi.Account account) {
        browser.open("/login?lang=en");
        browser.fill(EN.plain("account.field.email"), account.email())
                .fill(EN.plain("account.field.password"), LiveApi.PASSWORD);
        // the header has a "Log in" link of its own
        browser.clickOn("main form button[type=submit]");
        assertThat(browser.path()).doesNotStartWith("/login");
    }

    /**
     * The buttons in the page's content that would change something (the log-out form is in the header; a form shown
     * read-only, in a disabled fieldset, changes nothing).
     */
    private static List<WebElement> postForms() {
        return browser.driver()
                .findElements(By.cssSelector("main form[method=post] :is(button, input[type=submit]):enabled"));
    }

    private static void choose(String label, String value) {
        new Select(browser.field(label)).selectByValue(value);
    }

    private static void setTime(String name, String value) {
        browser.driver()
                .executeScript(
                        "arguments[0].value = arguments[1];", browser.driver().findElement(By.name(name)), value);
    }

    private static void waitForAppointment(String client) {
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//div[@id='calendar-grid']//a[contains(@class,'appointment') and contains(., '" + client + "')]")));
    }

    /** Live news is read out through the page's polite region (the toast beside it fades). */
    private static void waitForNews() {
        browser.waitFor(d ->
                !d.findElement(By.id("announcer")).getAttribute("textContent").isBlank());
    }

    private static String count(String table, String key) {
        return browser.driver()
                .findElement(By.cssSelector("#table-" + table + " tr[data-key='" + key + "'] td"))
                .getAttribute("data-value");
    }

    /** The owner's business answering the phone on a line of its own, as its voice settings would set it. */
    private static PhoneCalls.Line answeringLine(String email, Language language) {
        String token = api.at("/api/v1/auth/token")
                .post(Map.of("email", email, "password", LiveApi.PASSWORD))
                .body()
                .get("access")
                .asText();
        JsonNode businesses = api.at("/api/v1/businesses").token(token).get().body();
        String business =
                businesses.path("results").path(0).path("business").path("id").asText();
        String number = language == Language.ES ? "+34910770001" : "+34910770002";
        var voice = api.at("/api/v1/vapi/configs/" + business)
                .token(token)
                .raw("PATCH", "{\"line_ids\": [\"line-" + number + "\"], \"enabled\": true}", "application/json");
        assertThat(voice.status()).as(voice.raw()).isEqualTo(200);
        return new PhoneCalls.Line(null, voice.body().get("numbers").get(0).asText(), "Europe/Madrid");
    }
}
