package com.voiceappoint.adapter.vapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Strings cut as they stream by, on whole characters and escapes, and nothing else touched. */
class CutTextsTest {
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode cut(String document, int longest) throws IOException {
        try (InputStream in =
                new CutTexts(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), longest)) {
            return json.readTree(in);
        }
    }

    @Test
    void a_string_longer_than_the_limit_keeps_its_start_and_the_rest_of_the_document_is_untouched() throws Exception {
        JsonNode read =
                cut("{\"long\": \"" + "a".repeat(100) + "\", \"short\": \"ok\", \"n\": 12345678, \"t\": true}", 20);

        assertThat(read.path("long").asText()).isEqualTo("a".repeat(15));
        assertThat(read.path("short").asText()).isEqualTo("ok");
        assertThat(read.path("n").asLong()).isEqualTo(12345678);
        assertThat(read.path("t").asBoolean()).isTrue();
    }

    @Test
    void quotes_and_backslashes_inside_a_string_do_not_end_it_and_a_cut_never_splits_an_escape() throws Exception {
        String text = "dijo \\\"hola\\\" \\\\ y \\u00e9l " + "\\u00e9".repeat(20);

        JsonNode read = cut("{\"said\": \"" + text + "\", \"after\": \"\\\"\"}", 38);

        assertThat(read.path("said").asText()).isEqualTo("dijo \"hola\" \\ y él é");
        assertThat(read.path("after").asText()).isEqualTo("\"");
    }

    @Test
    void a_cut_never_splits_a_character_written_in_several_bytes() throws Exception {
        JsonNode read = cut("[\"" + "ñ".repeat(50) + "\", \"" + "😀".repeat(50) + "\"]", 21);

        assertThat(read.path(0).asText()).isEqualTo("ñ".repeat(8));
        assertThat(read.path(1).asText()).isEqualTo("😀".repeat(4));
    }

    @Test
    void field_names_are_cut_too_and_bytes_read_one_at_a_time_are_cut_the_same() throws Exception {
        String document = "{\"" + "k".repeat(40) + "\": \"" + "v".repeat(40) + "\"}";
        InputStream byByte = new CutTexts(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), 16);
        StringBuilder read = new StringBuilder();
        for (int b = byByte.read(); b >= 0; b = byByte.read()) {
            read.append((char) b);
        }

        assertThat(read.toString()).isEqualTo("{\"" + "k".repeat(11) + "\": \"" + "v".repeat(11) + "\"}");
    }
}
