package com.voiceappoint.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceCategory;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.WeeklyHours;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The catalogue pages over a socket: what CatalogApiTest proves of the REST API, for the dashboard. */
class ServicePagesTest {
    @RegisterExtension
    static final WebServer SERVER = new WebServer();

    private final TeamFixture team = new TeamFixture(SERVER);

    private List<Service> services(TeamFixture.Shop shop) {
        return SERVER.useCases().listServices().list(shop.owner(), shop.id(), true);
    }

    private List<ServiceCategory> categories(TeamFixture.Shop shop) {
        return SERVER.useCases().categories().list(shop.owner(), shop.id());
    }

    private static Map<String, String> service(String name, String minutes, String price) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("description", "");
        fields.put("durationMinutes", minutes);
        fields.put("price", price);
        fields.put("bufferBeforeMinutes", "0");
        fields.put("bufferAfterMinutes", "10");
        fields.put("category", "");
        fields.put("voiceBookingEnabled", "true");
        return fields;
    }

    @Test
    void an_owner_sets_up_services_and_categories_in_spanish() {
        TeamFixture.Shop shop = team.shop("servicios@example.com", "Peluquería Lola", "es");
        Browser browser = team.browserOf(shop.owner());

        Browser.Page empty = browser.get(shop.at("services"));
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("<html lang=\"es\">", "Aún no hay servicios", "Añadir servicio");

        Browser.Page category = browser.post(shop.at("services/categories"), Map.of("name", "Pelo"));
        assertThat(category.status()).isEqualTo(303);
        assertThat(category.header("Location")).contains(shop.at("services") + "?done=category_created#categories");
        String hair = categories(shop).get(0).id().value().toString();

        Map<String, String> cut = service("Corte", "30", "22,50");
        cut.put("category", hair);
        Browser.Page created = browser.post(shop.at("services"), cut);
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        Service stored = services(shop).get(0);
        assertThat(stored.name()).isEqualTo("Corte");
        assertThat(stored.price().amount()).isEqualByComparingTo("22.50");
        assertThat(stored.bufferAfter().toMinutes()).isEqualTo(10);
        assertThat(stored.categoryId()).map(id -> id.value().toString()).contains(hair);

        String listed = browser.get(shop.at("services?done=service_created")).body();
        assertThat(listed)
                .contains(
                        "El servicio ya está en tu catálogo.", "Corte", "Pelo", "30 min", "22,50\u00a0€", "Reservable");

        Map<String, String> changed = service("Corte largo", "45", "25");
        changed.put("active", "true");
        Browser.Page saved = browser.post(shop.at("services/" + stored.id().value()), changed);
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        Service edited = services(shop).get(0);
        assertThat(edited.name()).isEqualTo("Corte largo");
        assertThat(edited.duration().toMinutes()).isEqualTo(45);
        assertThat(edited.categoryId()).as("the category was taken off").isEmpty();
        assertThat(browser.get(shop.at("services/" + stored.id().value())).body())
                .contains("value=\"Corte largo\"", "value=\"25,00\"");

        Browser.Page renamed = browser.post(shop.at("services/categories/" + hair), Map.of("name", "Pelo y barba"));
        assertThat(renamed.status()).isEqualTo(303);
        assertThat(categories(shop).get(0).name()).isEqualTo("Pelo y barba");

        assertThat(browser.post(shop.at("services/" + stored.id().value() + "/remove"), Map.of())
                        .header("Location"))
                .contains(shop.at("services") + "?done=service_deleted");
        assertThat(services(shop)).isEmpty();
        assertThat(browser.post(shop.at("services/categories/" + hair + "/remove"), Map.of())
                        .status())
                .isEqualTo(303);
        assertThat(categories(shop)).isEmpty();
        assertThat(browser.get(shop.at("services/" + stored.id().value())).status())
                .isEqualTo(404);
    }

    @Test
    void prices_read_and_show_in_english_and_categories_are_reordered() {
        TeamFixture.Shop shop = team.shop("services@example.com", "Lola's Salon", "en");
        Browser browser = team.browserOf(shop.owner());
        browser.get(shop.at("services"));

        assertThat(browser.post(shop.at("services"), service("Cut", "30", "1,234.50"))
                        .status())
                .isEqualTo(303);
        assertThat(services(shop).get(0).price().amount()).isEqualByComparingTo("1234.50");
        for (String name : List.of("Hair", "Nails", "Beard")) {
            browser.post(shop.at("services/categories"), Map.of("name", name));
        }
        String beard = categories(shop).get(2).id().value().toString();
        assertThat(browser.post(shop.at("services/categories/" + beard + "/move"), Map.of("direction", "up"))
                        .status())
                .isEqualTo(303);
        assertThat(categories(shop)).extracting(ServiceCategory::name).containsExactly("Hair", "Beard", "Nails");
        assertThat(browser.post(shop.at("services/categories/" + beard + "/move"), Map.of("direction", "sideways"))
                        .status())
                .isEqualTo(400);

        String page = browser.get(shop.at("services")).body();
        assertThat(page)
                .contains("<html lang=\"en\">", "€1,234.50", "Add service", "Move Beard up")
                .containsSubsequence("Hair", "Beard", "Nails");
    }

    @Test
    void a_form_with_mistakes_comes_back_with_the_input_and_the_errors_and_changes_nothing() {
        TeamFixture.Shop shop = team.shop("mistakes@example.com", "Mistakes Salon", "en");
        Browser browser = team.browserOf(shop.owner());
        browser.get(shop.at("services"));

        Browser.Page unreadable = browser.post(shop.at("services"), service("Colour & cut", "half an hour", ""));
        assertThat(unreadable.status()).isEqualTo(422);
        assertThat(unreadable.body())
                .contains(
                        "Nothing was saved.",
                        "value=\"Colour &amp; cut\"",
                        "value=\"half an hour\"",
                        "Write a whole number.",
                        "Fill this in.",
                        "aria-describedby=\"service-durationMinutes-error\"",
                        "id=\"service-durationMinutes-error\"");

        Browser.Page refused = browser.post(shop.at("services"), service("Colour", "2", "10"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("A service lasts from 5 minutes to 12 hours", "value=\"Colour\"");

        Browser.Page tooPrecise = browser.post(shop.at("services"), service("Colour", "30", "10.555"));
        assertThat(tooPrecise.status()).isEqualTo(422);
        assertThat(tooPrecise.body()).contains("with at most the decimals of your currency");

        Browser.Page foreignCategory = browser.post(
                shop.at("services"),
                Map.of("name", "Colour", "durationMinutes", "30", "price", "10", "category", "not-an-id"));
        assertThat(foreignCategory.status()).isEqualTo(422);
        assertThat(foreignCategory.body()).contains("Choose one of the options offered.");

        assertThat(services(shop)).isEmpty();
    }

    @Test
    void a_name_taken_is_an_error_on_the_name() {
        TeamFixture.Shop shop = team.shop("twice@example.com", "Twice Salon", "es");
        Browser browser = team.browserOf(shop.owner());
        browser.get(shop.at("services"));
        browser.post(shop.at("services"), service("Corte", "30", "20"));

        Browser.Page again = browser.post(shop.at("services"), service("corte", "45", "25"));

        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body()).contains("Ya tienes un servicio con este nombre.", "value=\"corte\"");
        assertThat(services(shop)).hasSize(1);

        browser.post(shop.at("services/categories"), Map.of("name", "Pelo"));
        Browser.Page category = browser.post(shop.at("services/categories"), Map.of("name", "Pelo"));
        assertThat(category.status()).isEqualTo(422);
        assertThat(category.body()).contains("Ya tienes una categoría con este nombre.");
        assertThat(categories(shop)).hasSize(1);
    }

    @Test
    void a_service_with_appointments_is_deactivated_not_deleted() {
        TeamFixture.Shop shop = team.shop("keep@example.com", "Keep Salon", "en");
        SERVER.useCases()
                .businessHours()
                .setWeeklyHours(
                        shop.owner(),
                        shop.id(),
                        WeeklyHours.sameOn(List.of(DayOfWeek.TUESDAY), List.of(OpeningWindow.of("09:00", "13:00"))));
        Service cut = SERVER.useCases()
                .createService()
                .create(CreateServiceUseCase.Command.builder(shop.owner(), shop.id(), "Cut", 30, new BigDecimal("20"))
                        .build());
        SERVER.useCases()
                .bookAppointment()
                .book(BookAppointmentUseCase.Command.builder(
                                shop.owner(),
                                shop.id(),
                                cut.id(),
                                Instant.parse("2026-11-24T09:00:00Z"),
                                new BookAppointmentUseCase.ClientDetails(
                                        "Carmen", Optional.of("+34600123123"), Optional.empty()),
                                BookingSource.DASHBOARD)
                        .build());
        Browser browser = team.browserOf(shop.owner());
        browser.get(shop.at("services"));

        Browser.Page removed = browser.post(shop.at("services/" + cut.id().value() + "/remove"), Map.of());

        assertThat(removed.header("Location")).contains(shop.at("services") + "?done=service_deactivated");
        assertThat(services(shop))
                .singleElement()
                .satisfies(s -> assertThat(s.active()).isFalse());
        assertThat(browser.get(shop.at("services?done=service_deactivated")).body())
                .contains("kept for their history", "Not bookable");
    }

    @Test
    void a_viewer_sees_the_catalogue_but_no_forms_and_a_forged_form_changes_nothing() {
        TeamFixture.Shop shop = team.shop("viewed@example.com", "Viewed Salon", "en");
        Service cut = SERVER.useCases()
                .createService()
                .create(CreateServiceUseCase.Command.builder(shop.owner(), shop.id(), "Cut", 30, new BigDecimal("20"))
                        .build());
        SERVER.useCases().categories().create(shop.owner(), shop.id(), "Hair", Optional.empty());
        Browser viewer = team.browserOf(team.member(shop, "viewer@example.com", "viewer"));
        Browser staff = team.browserOf(team.member(shop, "staff@example.com", "staff"));

        for (Browser browser : List.of(viewer, staff)) {
            String list = browser.get(shop.at("services")).body();
            assertThat(list).contains("Cut", "€20.00", "Hair").doesNotContain("method=\"post\" action=\"/dashboard");
            String one = browser.get(shop.at("services/" + cut.id().value())).body();
            assertThat(one).contains("Cut", "Everyone").doesNotContain("method=\"post\" action=\"/dashboard");
        }

        Browser.Page forged = viewer.post(shop.at("services"), service("Forged", "30", "1"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).contains("You may not do that here.");
        assertThat(staff.post(shop.at("services/" + cut.id().value() + "/remove"), Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(viewer.post(
                                shop.at("services/categories/"
                                        + categories(shop).get(0).id().value()),
                                Map.of("name", "Forged"))
                        .status())
                .isEqualTo(403);
        assertThat(services(shop)).extracting(Service::name).containsExactly("Cut");
        assertThat(categories(shop)).extracting(ServiceCategory::name).containsExactly("Hair");
    }

    @Test
    void another_business_and_its_ids_are_never_reachable() {
        TeamFixture.Shop mine = team.shop("mine@example.com", "Mine Salon", "en");
        TeamFixture.Shop theirs = team.shop("theirs@example.com", "Theirs Salon", "en");
        Service their = SERVER.useCases()
                .createService()
                .create(CreateServiceUseCase.Command.builder(
                                theirs.owner(), theirs.id(), "Theirs", 30, new BigDecimal("20"))
                        .build());
        ServiceCategory theirCategory =
                SERVER.useCases().categories().create(theirs.owner(), theirs.id(), "Theirs", Optional.empty());
        Browser browser = team.browserOf(mine.owner());
        browser.get(mine.at("services"));

        assertThat(browser.get(theirs.at("services")).status()).isEqualTo(404);
        assertThat(browser.post(theirs.at("services"), service("Intruder", "30", "1"))
                        .status())
                .isEqualTo(404);
        assertThat(browser.get(mine.at("services/" + their.id().value())).status())
                .isEqualTo(404);
        assertThat(browser.post(mine.at("services/" + their.id().value() + "/remove"), Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(browser.post(
                                mine.at("services/categories/"
                                        + theirCategory.id().value()),
                                Map.of("name", "X"))
                        .status())
                .isEqualTo(404);
        assertThat(browser.get(mine.at("services/not-a-uuid")).status()).isEqualTo(404);
        assertThat(browser.get(mine.at("services")).body()).doesNotContain("Theirs");

        assertThat(services(theirs)).extracting(Service::name).containsExactly("Theirs");
        assertThat(categories(theirs)).extracting(ServiceCategory::name).containsExactly("Theirs");
        assertThat(team.browserOf(mine.owner()).get(mine.at("services")).status())
                .isEqualTo(200);
        assertThat(SERVER.browser().get(mine.at("services")).header("Location"))
                .hasValueSatisfying(to -> assertThat(to).startsWith("/login?next="));
    }
}
