package com.voiceappoint.adapter.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checked against the worked example of Twilio's webhook security page (auth token {@code 12345}, a call to
 * {@code https://mycompany.com/myapp.php?foo=1&bar=2}), in both versions it has been published in, and against the
 * port cases of Twilio's own Java library's tests ({@code RequestValidatorTest}): signatures we did not compute.
 */
class TwilioSignatureTest {
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final TwilioSignature TWILIO = new TwilioSignature("12345");

    /** The example as Twilio's libraries test it. */
    private static final Map<String, String> CALL = Map.of(
            "CallSid", "CA1234567890ABCDE",
            "Caller", "+14158675309",
            "Digits", "1234",
            "From", "+14158675309",
            "To", "+18005551212");

    private static final String CALL_SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    @Test
    void twilio_s_documented_examples_are_valid() {
        assertThat(TWILIO.isValid(URL, CALL, CALL_SIGNATURE)).isTrue();
        assertThat(TWILIO.sign(URL, lists(CALL))).isEqualTo(CALL_SIGNATURE);

        Map<String, String> currentDocs = Map.of(
                "CallSid", "CA1234567890ABCDE",
                "Caller", "+14158675310",
                "Digits", "1234",
                "From", "+14158675310",
                "To", "+18005551212");
        assertThat(TWILIO.isValid(URL, currentDocs, "GvWf1cFY/Q7PnoempGyD5oXAezc="))
                .isTrue();
    }

    @Test
    void a_signature_made_with_or_without_the_port_is_valid_either_way() {
        assertThat(TWILIO.isValid(URL.replace(".com", ".com:1234"), CALL, CALL_SIGNATURE))
                .as("signed without the port, received with it")
                .isTrue();
        assertThat(TWILIO.isValid(URL, CALL, "kvajT1Ptam85bY51eRf/AJRuM3w="))
                .as("signed with :443, received without it")
                .isTrue();
        assertThat(TWILIO.isValid(
                        URL.replace(".com", ".com:1234").replace("https", "http"),
                        CALL,
                        "Zmvh+3yNM1Phv2jhDCwEM3q5ebU="))
                .as("signed with the port it was received with")
                .isTrue();
        assertThat(TWILIO.isValid(URL.replace("https", "http"), CALL, "0ZXoZLH/DfblKGATFgpif+LLRf4="))
                .as("signed with :80, received without it")
                .isTrue();
    }

    @Test
    void a_forged_or_missing_signature_is_refused() {
        assertThat(TWILIO.isValid(URL, CALL, null)).isFalse();
        assertThat(TWILIO.isValid(URL, CALL, "")).isFalse();
        assertThat(TWILIO.isValid(URL, CALL, "NOT" + CALL_SIGNATURE)).isFalse();
        assertThat(TWILIO.isValid(URL, CALL, CALL_SIGNATURE.toLowerCase())).isFalse();
        assertThat(new TwilioSignature("54321").isValid(URL, CALL, CALL_SIGNATURE))
                .as("another account's token")
                .isFalse();
    }

    @Test
    void a_signature_covers_every_parameter_and_the_url() {
        Map<String, String> tampered = new java.util.HashMap<>(CALL);
        tampered.put("Digits", "9999");
        Map<String, String> added = new java.util.HashMap<>(CALL);
        added.put("Body", "X");

        assertThat(TWILIO.isValid(URL, tampered, CALL_SIGNATURE)).isFalse();
        assertThat(TWILIO.isValid(URL, added, CALL_SIGNATURE)).isFalse();
        assertThat(TWILIO.isValid(URL.replace("foo=1", "foo=2"), CALL, CALL_SIGNATURE))
                .isFalse();
        assertThat(TWILIO.isValid("https://attacker.example/myapp.php?foo=1&bar=2", CALL, CALL_SIGNATURE))
                .isFalse();
    }

    @Test
    void an_inbound_text_with_spanish_words_and_a_repeated_name_is_signed_as_received() {
        String url = "https://citas.example.com/api/v1/sms/inbound";
        Map<String, List<String>> reply = Map.of(
                "Body", List.of("Sí, confirmo ✅"),
                "From", List.of("+34600123456"),
                "MediaUrl", List.of("https://b.example/2", "https://a.example/1"));
        String signature = TWILIO.sign(url, reply);

        assertThat(TWILIO.isValidForm(url, reply, signature)).isTrue();
        assertThat(TWILIO.isValidForm(
                        url,
                        Map.of(
                                "Body", List.of("Sí, confirmo ✅"),
                                "From", List.of("+34600123456"),
                                "MediaUrl", List.of("https://a.example/1", "https://b.example/2")),
                        signature))
                .as("repeated values are signed in sorted order, whatever order they came in")
                .isTrue();
        assertThat(TWILIO.isValidForm(
                        url, Map.of("Body", List.of("Si, confirmo"), "From", List.of("+34600123456")), signature))
                .isFalse();
    }

    private static Map<String, List<String>> lists(Map<String, String> params) {
        Map<String, List<String>> lists = new java.util.TreeMap<>();
        params.forEach((name, value) -> lists.put(name, List.of(value)));
        return lists;
    }
}
