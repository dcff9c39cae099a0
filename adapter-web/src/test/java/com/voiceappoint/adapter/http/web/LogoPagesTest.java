package com.voiceappoint.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.domain.business.Logo;
import com.voiceappoint.domain.business.Role;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A business's logo: uploaded only if its bytes are a PNG, JPEG or WebP image of at most 512 KB, whatever the file
 * is called or claims to be; served at a stable address with its own type; replaced or removed only by the business's
 * own owners and admins.
 */
class LogoPagesTest {
    @RegisterExtension
    static final WebServer SERVER = new WebServer();

    /** One transparent pixel: a real PNG. */
    private static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private final Salons salons = new Salons(SERVER);

    @Test
    void a_real_png_is_kept_served_with_its_type_and_shown_on_the_settings_page() {
        Salons.Salon salon = salons.found("en");
        Browser owner = salons.browserOf(salon.owner(), salon);
        assertThat(owner.get(salon.at("settings/business")).body()).contains("Your business has no logo yet.");

        Browser.Page uploaded = owner.postFile(salon.at("settings/logo"), "logo", "logo.png", "image/png", PNG);

        assertThat(uploaded.status()).isEqualTo(303);
        assertThat(uploaded.header("Location")).contains(salon.at("settings/business") + "?done=logo");
        Browser visitor = SERVER.browser();
        HttpResponse<byte[]> served = visitor.getBytes("/logos/" + salon.slug(), Map.of());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(PNG);
        assertThat(served.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(served.headers().firstValue("Cache-Control")).contains("public, max-age=300");
        String etag = served.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{64}\"");
        assertThat(visitor.getBytes("/logos/" + salon.slug(), Map.of("If-None-Match", etag))
                        .statusCode())
                .isEqualTo(304);

        String page = owner.get(uploaded.header("Location").orElseThrow()).body();
        assertThat(page).contains("The new logo is saved.", "Remove logo", "alt=\"Logo of Salón Lola\"");
        Matcher shown = Pattern.compile("src=\"(/logos/" + Pattern.quote(salon.slug()) + "\\?v=[0-9a-f]{12})\"")
                .matcher(page);
        assertThat(shown.find()).isTrue();
        assertThat(visitor.getBytes(shown.group(1), Map.of()).body()).isEqualTo(PNG);
        assertThat(visitor.get("/" + salon.slug()).body())
                .as("the public page shows it too")
                .contains("class=\"business-logo\" src=\"" + shown.group(1) + "\"");
    }

    @Test
    void a_text_file_called_png_is_refused_whatever_it_claims_and_nothing_is_kept() {
        Salons.Salon salon = salons.found("es");
        Browser owner = salons.browserOf(salon.owner(), salon);
        byte[] text = "<script>alert('hi')</script>".getBytes(StandardCharsets.UTF_8);

        Browser.Page refused = owner.postFile(salon.at("settings/logo"), "logo", "logo.png", "image/png", text);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Ese archivo no es una imagen PNG, JPEG ni WebP.", "id=\"logo-error\"")
                .contains("value=\"Salón Lola\"");
        assertThat(owner.get("/logos/" + salon.slug()).status()).isEqualTo(404);
        assertThat(owner.postFile(salon.at("settings/logo"), "logo", "empty.png", "image/png", new byte[0])
                        .status())
                .isEqualTo(422);
    }

    @Test
    void an_image_too_large_is_refused_with_a_page_not_a_failure() {
        Salons.Salon salon = salons.found("en");
        Browser owner = salons.browserOf(salon.owner(), salon);

        byte[] justOver = Arrays.copyOf(PNG, Logo.MAX_BYTES + 1);
        Browser.Page over = owner.postFile(salon.at("settings/logo"), "logo", "big.png", "image/png", justOver);
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.body()).contains("That image is larger than 512 KB.");

        byte[] huge = Arrays.copyOf(PNG, 3 * Logo.MAX_BYTES);
        Browser.Page tooLarge = owner.postFile(salon.at("settings/logo"), "logo", "huge.png", "image/png", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(tooLarge.body())
                .as("the business page again, with the logo's error")
                .contains("That image is larger than 512 KB.", "id=\"logo-error\"", "value=\"Salón Lola\"");

        Browser.Page streamed = owner.postFile(salon.at("settings/logo"), "logo", "huge.png", "image/png", huge, true);
        assertThat(streamed.status()).as("sent without a length first").isEqualTo(413);
        assertThat(streamed.body()).contains("That image is larger than 512 KB.");

        assertThat(owner.get("/logos/" + salon.slug()).status()).isEqualTo(404);
        assertThat(owner.get(salon.at("settings/business")).status())
                .as("the browser goes on")
                .isEqualTo(200);
    }

    @Test
    void an_upload_that_is_not_a_form_with_a_file_is_a_bad_request() {
        Salons.Salon salon = salons.found("en");
        Browser owner = salons.browserOf(salon.owner(), salon);

        assertThat(owner.post(salon.at("settings/logo"), Map.of()).status()).isEqualTo(400);
        Browser.Page cut = owner.postFile(salon.at("settings/logo"), "logo", "logo.png", "image/png", PNG, true);
        assertThat(cut.status()).isEqualTo(303);
    }

    @Test
    void a_logo_is_replaced_or_removed_only_by_its_business_owners_and_admins() {
        Salons.Salon salon = salons.found("en");
        Salons.Salon other = salons.found("en");
        Browser owner = salons.browserOf(salon.owner(), salon);
        owner.postFile(salon.at("settings/logo"), "logo", "logo.png", "image/png", PNG);
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};

        Browser stranger = salons.browserOf(other.owner(), other);
        assertThat(stranger.postFile(salon.at("settings/logo"), "logo", "x.jpg", "image/jpeg", jpeg)
                        .status())
                .isEqualTo(404);
        assertThat(stranger.post(salon.at("settings/logo/remove"), Map.of()).status())
                .isEqualTo(404);
        byte[] huge = Arrays.copyOf(PNG, 2 * Logo.MAX_BYTES);
        assertThat(stranger.postFile(salon.at("settings/logo"), "logo", "x.png", "image/png", huge)
                        .status())
                .as("too large, and not theirs")
                .isEqualTo(404);

        Browser manager = salons.browserOf(salons.join(salon, Role.MANAGER, "en"), salon);
        assertThat(manager.get(salon.at("settings/business")).body()).doesNotContain("Upload logo", "Remove logo");
        assertThat(manager.postFile(salon.at("settings/logo"), "logo", "x.jpg", "image/jpeg", jpeg)
                        .status())
                .isEqualTo(403);
        assertThat(manager.post(salon.at("settings/logo/remove"), Map.of()).status())
                .isEqualTo(403);
        assertThat(manager.postFile(salon.at("settings/logo"), "logo", "x.png", "image/png", huge)
                        .status())
                .as("too large, and not theirs to upload")
                .isEqualTo(403);
        assertThat(SERVER.browser().getBytes("/logos/" + salon.slug(), Map.of()).body())
                .isEqualTo(PNG);

        Browser admin = salons.browserOf(salons.join(salon, Role.ADMIN, "en"), salon);
        assertThat(admin.postFile(salon.at("settings/logo"), "logo", "x.jpg", "image/jpeg", jpeg)
                        .status())
                .isEqualTo(303);
        HttpResponse<byte[]> replaced = SERVER.browser().getBytes("/logos/" + salon.slug(), Map.of());
        assertThat(replaced.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(replaced.body()).isEqualTo(jpeg);

        Browser.Page removed = admin.post(salon.at("settings/logo/remove"), Map.of());
        assertThat(removed.status()).isEqualTo(303);
        assertThat(removed.header("Location")).contains(salon.at("settings/business") + "?done=logo_removed");
        assertThat(SERVER.browser().get("/logos/" + salon.slug()).status()).isEqualTo(404);
        assertThat(SERVER.browser().get("/logos/no-such-business").status()).isEqualTo(404);
    }
}
