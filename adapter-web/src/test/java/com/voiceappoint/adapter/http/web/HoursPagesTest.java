package com.voiceappoint.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.WeeklyHours;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The business's hours and special days over a socket: what ScheduleApiTest proves of them, for the dashboard. */
class HoursPagesTest {
    @RegisterExtension
    static final WebServer SERVER = new WebServer();

    private final TeamFixture team = new TeamFixture(SERVER);

    private WeeklyHours week(TeamFixture.Shop shop) {
        return SERVER.useCases().businessHours().get(shop.owner(), shop.id()).weekly();
    }

    private List<SpecialDay> specialDays(TeamFixture.Shop shop) {
        return SERVER.useCases()
                .businessHours()
                .specialDays(shop.owner(), shop.id(), LocalDate.of(2026, 11, 1), LocalDate.of(2027, 10, 1));
    }

    /** Monday with a lunch break, Tuesday to Saturday 10 to 14, Sunday left empty. */
    private static Map<String, String> splitWeek() {
        Map<String, String> fields = new HashMap<>();
        fields.put("monday.0.opens", "09:00");
        fields.put("monday.0.closes", "13:00");
        fields.put("monday.1.opens", "15:00");
        fields.put("monday.1.closes", "19:00");
        fields.put("monday.2.opens", "");
        fields.put("monday.2.closes", "");
        for (String day : List.of("tuesday", "wednesday", "thursday", "friday", "saturday")) {
            fields.put(day + ".0.opens", "10:00");
            fields.put(day + ".0.closes", "14:00");
        }
        fields.put("sunday.0.opens", "");
        fields.put("sunday.0.closes", "");
        return fields;
    }

    @Test
    void a_week_with_a_lunch_break_and_a_closed_day_is_saved_whole_and_shown_again() {
        TeamFixture.Shop shop = team.shop("week@example.com", "Semana", "es");
        Browser browser = team.browserOf(shop.owner());
        Browser.Page page = browser.get(shop.at("hours"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Horario", "Lunes", "Domingo", "Europe/Madrid");

        Browser.Page saved = browser.post(shop.at("hours"), splitWeek());

        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        WeeklyHours stored = week(shop);
        assertThat(stored.on(DayOfWeek.MONDAY))
                .containsExactly(OpeningWindow.of("09:00", "13:00"), OpeningWindow.of("15:00", "19:00"));
        assertThat(stored.on(DayOfWeek.SATURDAY)).containsExactly(OpeningWindow.of("10:00", "14:00"));
        assertThat(stored.on(DayOfWeek.SUNDAY)).isEmpty();
        String shown = browser.get(shop.at("hours?done=hours_saved")).body();
        assertThat(shown)
                .contains("El horario está guardado.")
                .containsSubsequence(
                        "name=\"monday.0.opens\" value=\"09:00\"",
                        "name=\"monday.0.closes\" value=\"13:00\"",
                        "name=\"monday.1.opens\" value=\"15:00\"",
                        "name=\"monday.1.closes\" value=\"19:00\"",
                        "name=\"monday.2.opens\" value=\"\"");

        Browser.Page again = browser.post(shop.at("hours"), splitWeek());
        assertThat(again.status()).isEqualTo(303);
        assertThat(week(shop)).as("saving the same week twice changes nothing").isEqualTo(stored);

        String viewed = team.browserOf(team.member(shop, "mira@example.com", "viewer"))
                .get(shop.at("hours?lang=es"))
                .body();
        assertThat(viewed)
                .containsSubsequence("Lunes", "9:00 – 13:00, 15:00 – 19:00", "Domingo", "Cerrado")
                .doesNotContain("method=\"post\" action=\"/dashboard");
    }

    @Test
    void hours_that_make_no_sense_come_back_with_the_error_beside_their_day_and_change_nothing() {
        TeamFixture.Shop shop = team.shop("wrong@example.com", "Wrong Hours", "en");
        Browser browser = team.browserOf(shop.owner());
        browser.get(shop.at("hours"));
        browser.post(shop.at("hours"), splitWeek());
        WeeklyHours before = week(shop);

        Map<String, String> backwards = splitWeek();
        backwards.put("tuesday.0.opens", "14:00");
        backwards.put("tuesday.0.closes", "10:00");
        Browser.Page refused = browser.post(shop.at("hours"), backwards);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body())
                .contains(
                        "Each closing time must come after its opening time.",
                        "id=\"week-tuesday-error\"",
                        "name=\"tuesday.0.opens\" value=\"14:00\"");

        Map<String, String> overlapping = splitWeek();
        overlapping.put("monday.1.opens", "12:00");
        assertThat(browser.post(shop.at("hours"), overlapping).body()).contains("These times overlap.");

        Map<String, String> half = splitWeek();
        half.put("sunday.0.opens", "10:00");
        assertThat(browser.post(shop.at("hours"), half).body()).contains("Give both the opening and the closing time");

        Map<String, String> garbled = splitWeek();
        garbled.put("friday.0.closes", "25:99");
        assertThat(browser.post(shop.at("hours"), garbled).body()).contains("Write times as hours and minutes");

        assertThat(week(shop)).isEqualTo(before);
    }

    @Test
    void a_closure_and_special_hours_are_added_shown_and_removed() {
        TeamFixture.Shop shop = team.shop("closed@example.com", "Cerrado", "es");
        Browser browser = team.browserOf(shop.owner());
        browser.get(shop.at("hours"));

        Browser.Page closure = browser.post(
                shop.at("hours/special-days"),
                Map.of("date", "2026-12-08", "windows.0.opens", "", "windows.0.closes", "", "reason", "Festivo"));
        assertThat(closure.status()).as(closure.body()).isEqualTo(303);
        Browser.Page shortDay = browser.post(
                shop.at("hours/special-days"),
                Map.of("date", "2026-12-24", "windows.0.opens", "09:00", "windows.0.closes", "14:00"));
        assertThat(shortDay.status()).isEqualTo(303);

        assertThat(specialDays(shop))
                .extracting(SpecialDay::date, SpecialDay::isClosed, SpecialDay::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 12, 8), true, "Festivo"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 12, 24), false, ""));
        assertThat(browser.get(shop.at("hours")).body())
                .containsSubsequence(
                        "Martes 8 de diciembre de 2026",
                        "Cerrado",
                        "Festivo",
                        "Jueves 24 de diciembre de 2026",
                        "9:00 – 14:00");

        Browser.Page noDate = browser.post(shop.at("hours/special-days"), Map.of("date", "", "reason", "Huelga"));
        assertThat(noDate.status()).isEqualTo(422);
        assertThat(noDate.body()).contains("Rellena este campo.", "value=\"Huelga\"");

        assertThat(browser.post(shop.at("hours/special-days/2026-12-08/remove"), Map.of())
                        .status())
                .isEqualTo(303);
        assertThat(specialDays(shop)).extracting(SpecialDay::date).containsExactly(LocalDate.of(2026, 12, 24));
        assertThat(browser.post(shop.at("hours/special-days/2026-12-08/remove"), Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(browser.post(shop.at("hours/special-days/not-a-date/remove"), Map.of())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void only_managers_change_the_hours_and_only_their_own_business() {
        TeamFixture.Shop shop = team.shop("guarded@example.com", "Guarded", "en");
        TeamFixture.Shop other = team.shop("other@example.com", "Other", "en");
        Browser owner = team.browserOf(shop.owner());
        owner.get(shop.at("hours"));
        owner.post(shop.at("hours"), splitWeek());
        owner.post(shop.at("hours/special-days"), Map.of("date", "2026-12-08"));
        WeeklyHours before = week(shop);

        Browser staff = team.browserOf(team.member(shop, "staffer@example.com", "staff"));
        String page = staff.get(shop.at("hours")).body();
        assertThat(page).contains("Monday", "Closed").doesNotContain("method=\"post\" action=\"/dashboard");
        assertThat(staff.post(shop.at("hours"), Map.of()).status()).isEqualTo(403);
        assertThat(staff.post(shop.at("hours/special-days/2026-12-08/remove"), Map.of())
                        .status())
                .isEqualTo(403);
        Browser manager = team.browserOf(team.member(shop, "manager@example.com", "manager"));
        assertThat(manager.get(shop.at("hours")).body()).contains("method=\"post\" action=\"/dashboard");

        assertThat(owner.get(other.at("hours")).status()).isEqualTo(404);
        assertThat(owner.post(other.at("hours"), splitWeek()).status()).isEqualTo(404);
        assertThat(owner.post(other.at("hours/special-days"), Map.of("date", "2026-12-09"))
                        .status())
                .isEqualTo(404);
        assertThat(week(other).isClosedAllWeek()).isTrue();
        assertThat(specialDays(other)).isEmpty();
        assertThat(week(shop)).isEqualTo(before);
        assertThat(specialDays(shop)).hasSize(1);
    }
}
