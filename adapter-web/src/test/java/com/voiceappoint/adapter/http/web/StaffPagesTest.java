package com.voiceappoint.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.TimeOff;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Staff, their hours, days off and time off over a socket: what ScheduleApiTest proves, for the dashboard. */
class StaffPagesTest {
    @RegisterExtension
    static final WebServer SERVER = new WebServer();

    private final TeamFixture team = new TeamFixture(SERVER);

    private Provider provider(TeamFixture.Shop shop, String name) {
        return SERVER.useCases().staff().list(shop.owner(), shop.id()).stream()
                .filter(p -> p.displayName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private List<TimeOff> timeOff(TeamFixture.Shop shop) {
        return SERVER.useCases()
                .staff()
                .timeOff(
                        shop.owner(),
                        shop.id(),
                        Instant.parse("2026-11-01T00:00:00Z"),
                        Instant.parse("2027-11-01T00:00:00Z"),
                        Optional.empty());
    }

    private List<SpecialDay> specialDays(TeamFixture.Shop shop) {
        return SERVER.useCases()
                .businessHours()
                .specialDays(shop.owner(), shop.id(), LocalDate.of(2026, 11, 1), LocalDate.of(2027, 10, 1));
    }

    private static Map<String, String> tuesdayMorning() {
        Map<String, String> fields = new HashMap<>();
        fields.put("follows", "own");
        fields.put("tuesday.0.opens", "11:00");
        fields.put("tuesday.0.closes", "13:00");
        return fields;
    }

    @Test
    void an_owner_adds_a_person_gives_them_hours_a_day_off_and_time_off_in_spanish() {
        TeamFixture.Shop shop = team.shop("equipo@example.com", "Equipo", "es");
        Browser browser = team.browserOf(shop.owner());
        assertThat(browser.get(shop.at("staff")).body()).contains("Equipo", "Lola Pérez", "Añadir una persona");

        Browser.Page added = browser.post(shop.at("staff"), Map.of("displayName", "Bea"));
        assertThat(added.status()).isEqualTo(303);
        Provider bea = provider(shop, "Bea");
        String page = shop.at("staff/" + bea.id().value());
        assertThat(added.header("Location")).contains(page + "?done=provider_added");
        assertThat(browser.get(page + "?done=provider_added").body())
                .contains("La persona está añadida.", "Trabaja siempre que el negocio está abierto");

        assertThat(browser.post(page + "/hours", tuesdayMorning()).status()).isEqualTo(303);
        assertThat(provider(shop, "Bea").workingHours())
                .hasValueSatisfying(week ->
                        assertThat(week.on(DayOfWeek.TUESDAY)).containsExactly(OpeningWindow.of("11:00", "13:00")));
        assertThat(browser.get(page).body()).contains("name=\"tuesday.0.opens\" value=\"11:00\"");

        Browser.Page away = browser.post(
                page + "/time-off", Map.of("from", "2026-11-24T11:00", "to", "2026-11-24T12:00", "reason", "dentista"));
        assertThat(away.status()).as(away.body()).isEqualTo(303);
        TimeOff stored = timeOff(shop).get(0);
        assertThat(stored.period().start()).as("11:00 in Madrid").isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(browser.get(page).body()).contains("Martes 24 de noviembre de 2026, 11:00", "dentista");

        Browser.Page dayOff =
                browser.post(page + "/special-days", Map.of("date", "2026-11-25", "reason", "vacaciones"));
        assertThat(dayOff.status()).isEqualTo(303);
        assertThat(specialDays(shop))
                .singleElement()
                .satisfies(day -> assertThat(day.provider()).contains(bea.id()))
                .satisfies(day -> assertThat(day.isClosed()).isTrue());
        assertThat(browser.get(shop.at("hours")).body())
                .as("a provider's day off is not the business's")
                .doesNotContain("vacaciones");

        assertThat(browser.post(page + "/time-off/" + stored.id() + "/remove", Map.of())
                        .status())
                .isEqualTo(303);
        assertThat(timeOff(shop)).isEmpty();
        assertThat(browser.post(page + "/special-days/2026-11-25/remove", Map.of())
                        .status())
                .isEqualTo(303);
        assertThat(specialDays(shop)).isEmpty();

        assertThat(browser.post(page + "/hours", Map.of("follows", "business")).status())
                .isEqualTo(303);
        assertThat(provider(shop, "Bea").workingHours()).isEmpty();
        assertThat(browser.post(page, Map.of("displayName", "Beatriz")).status())
                .isEqualTo(303);
        Provider renamed = provider(shop, "Beatriz");
        assertThat(renamed.active()).as("an unticked box takes them off").isFalse();
        assertThat(browser.get(shop.at("staff")).body()).contains("Beatriz", "No atiende citas");
    }

    @Test
    void the_services_a_person_performs_are_the_ones_whose_page_names_them_or_nobody() {
        TeamFixture.Shop shop = team.shop("performs@example.com", "Performs", "en");
        Browser browser = team.browserOf(shop.owner());
        browser.get(shop.at("staff"));
        browser.post(shop.at("staff"), Map.of("displayName", "Bea"));
        Provider bea = provider(shop, "Bea");
        Provider lola = provider(shop, "Lola Pérez");
        var create = SERVER.useCases().createService();
        create.create(CreateServiceUseCase.Command.builder(shop.owner(), shop.id(), "Everyone's", 30, BigDecimal.TEN)
                .build());
        create.create(CreateServiceUseCase.Command.builder(shop.owner(), shop.id(), "Lola's only", 30, BigDecimal.TEN)
                .providers(Set.of(lola.id()))
                .build());

        String page = browser.get(shop.at("staff/" + bea.id().value())).body();

        assertThat(page).contains("Everyone's").doesNotContain("Lola's only");
        assertThat(browser.get(shop.at("staff/" + lola.id().value())).body()).contains("Everyone's", "Lola's only");
    }

    @Test
    void mistakes_in_time_off_and_hours_come_back_beside_their_fields_and_change_nothing() {
        TeamFixture.Shop shop = team.shop("wrongtime@example.com", "Wrong Time", "en");
        Browser browser = team.browserOf(shop.owner());
        String page = shop.at("staff/" + provider(shop, "Lola Pérez").id().value());
        browser.get(page);

        Browser.Page backwards = browser.post(
                page + "/time-off", Map.of("from", "2026-11-24T12:00", "to", "2026-11-24T11:00", "reason", "x"));
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.body())
                .contains(
                        "The end must come after the start", "value=\"2026-11-24T12:00\"", "id=\"time-off-to-error\"");

        Browser.Page skipped =
                browser.post(page + "/time-off", Map.of("from", "2027-03-28T02:30", "to", "2027-03-28T04:00"));
        assertThat(skipped.status()).isEqualTo(422);
        assertThat(skipped.body()).contains("This time does not exist that day");

        Browser.Page garbled = browser.post(page + "/time-off", Map.of("from", "soon", "to", ""));
        assertThat(garbled.status()).isEqualTo(422);
        assertThat(garbled.body()).contains("Choose a date and a time.", "Fill this in.");

        Map<String, String> overlapping = tuesdayMorning();
        overlapping.put("tuesday.1.opens", "12:00");
        overlapping.put("tuesday.1.closes", "14:00");
        Browser.Page hours = browser.post(page + "/hours", overlapping);
        assertThat(hours.status()).isEqualTo(422);
        assertThat(hours.body())
                .contains("These times overlap.", "id=\"follows-own\" name=\"follows\" value=\"own\" checked");

        Browser.Page nameless = browser.post(page, Map.of("displayName", " ", "active", "true"));
        assertThat(nameless.status()).isEqualTo(422);
        assertThat(browser.post(shop.at("staff"), Map.of("displayName", "")).status())
                .isEqualTo(422);

        assertThat(timeOff(shop)).isEmpty();
        assertThat(provider(shop, "Lola Pérez").workingHours()).isEmpty();
        assertThat(SERVER.useCases().staff().list(shop.owner(), shop.id())).hasSize(1);
    }

    @Test
    void a_staff_member_runs_their_own_schedule_only_and_a_viewer_nobodys() {
        TeamFixture.Shop shop = team.shop("roles@example.com", "Roles", "en");
        Actor.Member sam = team.member(shop, "sam@example.com", "staff");
        Provider samAsProvider =
                SERVER.useCases().staff().create(shop.owner(), shop.id(), "Sam", Optional.of(sam.userId()));
        Provider lola = provider(shop, "Lola Pérez");
        Browser staff = team.browserOf(sam);
        Browser viewer = team.browserOf(team.member(shop, "vera@example.com", "viewer"));
        String own = shop.at("staff/" + samAsProvider.id().value());
        String others = shop.at("staff/" + lola.id().value());

        assertThat(staff.get(shop.at("staff")).body()).doesNotContain("method=\"post\" action=\"/dashboard");
        assertThat(staff.get(own).body())
                .contains("action=\"" + own + "/hours\"", "action=\"" + own + "/time-off\"")
                .doesNotContain("action=\"" + own + "\"");
        assertThat(staff.post(own + "/hours", tuesdayMorning()).status()).isEqualTo(303);
        assertThat(staff.post(own + "/time-off", Map.of("from", "2026-11-24T11:00", "to", "2026-11-24T12:00"))
                        .status())
                .isEqualTo(303);

        assertThat(staff.get(others).body()).doesNotContain("method=\"post\" action=\"/dashboard");
        assertThat(staff.post(others + "/hours", tuesdayMorning()).status()).isEqualTo(403);
        assertThat(staff.post(others + "/time-off", Map.of("from", "2026-11-24T11:00", "to", "2026-11-24T12:00"))
                        .status())
                .isEqualTo(403);
        assertThat(staff.post(own, Map.of("displayName", "Samuel", "active", "true"))
                        .status())
                .as("renaming is the managers'")
                .isEqualTo(403);
        assertThat(staff.post(shop.at("staff"), Map.of("displayName", "Ghost")).status())
                .isEqualTo(403);

        for (String page : List.of(own, others)) {
            Browser.Page seen = viewer.get(page);
            assertThat(seen.status()).isEqualTo(200);
            assertThat(seen.body()).doesNotContain("method=\"post\" action=\"/dashboard");
        }
        TimeOff samsTimeOff = timeOff(shop).get(0);
        assertThat(viewer.post(own + "/time-off/" + samsTimeOff.id() + "/remove", Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(viewer.post(own + "/special-days", Map.of("date", "2026-12-01"))
                        .status())
                .isEqualTo(403);

        assertThat(timeOff(shop)).hasSize(1);
        assertThat(specialDays(shop)).isEmpty();
        assertThat(provider(shop, "Lola Pérez").workingHours()).isEmpty();
        assertThat(provider(shop, "Sam").workingHours()).isPresent();
        assertThat(SERVER.useCases().staff().list(shop.owner(), shop.id()))
                .extracting(Provider::displayName)
                .containsExactlyInAnyOrder("Lola Pérez", "Sam");
    }

    @Test
    void another_business_and_its_people_are_never_reachable() {
        TeamFixture.Shop mine = team.shop("mystaff@example.com", "My Staff", "en");
        TeamFixture.Shop theirs = team.shop("theirstaff@example.com", "Their Staff", "en");
        Provider theirProvider = provider(theirs, "Lola Pérez");
        TimeOff theirTimeOff = SERVER.useCases()
                .staff()
                .addTimeOff(
                        theirs.owner(),
                        theirs.id(),
                        theirProvider.id(),
                        Instant.parse("2026-11-24T10:00:00Z"),
                        Instant.parse("2026-11-24T11:00:00Z"),
                        "theirs");
        Browser browser = team.browserOf(mine.owner());
        String mineLola = mine.at("staff/" + provider(mine, "Lola Pérez").id().value());
        browser.get(mineLola);

        assertThat(browser.get(theirs.at("staff")).status()).isEqualTo(404);
        assertThat(browser.get(mine.at("staff/" + theirProvider.id().value())).status())
                .isEqualTo(404);
        assertThat(browser.post(mine.at("staff/" + theirProvider.id().value() + "/hours"), tuesdayMorning())
                        .status())
                .isEqualTo(404);
        assertThat(browser.post(mineLola + "/time-off/" + theirTimeOff.id() + "/remove", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(browser.get(mine.at("staff/nobody")).status()).isEqualTo(404);

        assertThat(timeOff(theirs)).hasSize(1);
        assertThat(provider(theirs, "Lola Pérez").workingHours()).isEmpty();
    }
}
