package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.net.Webhook;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The server's clock, read as the database keeps time and as the libraries behind the adapters read it. */
class DatabaseClockTest {
    private final Clock clock = VoiceAppointServer.databaseClock();

    @Test
    void it_reads_in_microseconds_and_in_milliseconds_alike() {
        Instant before = clock.instant();
        long millis = clock.millis();
        Instant after = clock.instant();

        assertThat(before.getNano() % 1_000).as("PostgreSQL's precision").isZero();
        assertThat(millis).isBetween(before.toEpochMilli(), after.toEpochMilli());
        assertThat(clock.withZone(ZoneId.of("Europe/Madrid")).millis()).isGreaterThanOrEqualTo(millis);
    }

    /** Clock.tick(system, 1 µs) divided by zero in millis() on Java 17, and Stripe's news was refused as unsigned. */
    @Test
    void a_stripe_signature_made_just_now_is_good_by_it() throws Exception {
        String payload = "{\"id\": \"evt_1\", \"object\": \"event\"}";
        String secret = "whsec_aSigningSecretForThisTest";
        String header = Webhook.Signature.generateSignatureHeader(
                payload, secret, Instant.now().getEpochSecond());

        assertThat(Webhook.Signature.verifyHeader(payload, header, secret, 300, clock))
                .isTrue();
    }
}
