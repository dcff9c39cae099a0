package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.adapter.http.web.Texts;
import com.voiceappoint.adapter.persistence.TestPostgres;
import com.voiceappoint.domain.shared.Language;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
    void the_focus_check_finds_a_control_that_hides_where_the_focus_is() {
        browser.open("/");
        browser.driver()
                .executeScript("const hidden = document.querySelector('a.brand');"
                        + " hidden.style.setProperty('outline', 'none', 'important');"
                        + " hidden.style.setProperty('box-shadow', 'none', 'important');");

        assertThatThrownBy(browser::assertFocusVisible).hasMessageContaining("<a> VoiceAppoint");
    }
}
