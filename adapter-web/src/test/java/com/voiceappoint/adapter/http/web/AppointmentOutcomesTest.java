package com.voiceappoint.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Completing an appointment or marking a no-show, offered once it has started, written once. */
class AppointmentOutcomesTest {
    private static final MovableClock CLOCK = new MovableClock(WebServer.NOW);

    @RegisterExtension
    static final WebServer SERVER = new WebServer(CLOCK);

    @Test
    void an_appointment_is_completed_or_missed_only_once_it_has_started_and_only_once() {
        OpenSalon salon = OpenSalon.open(SERVER);
        AppointmentDetails came =
                salon.book(WebServer.NOW.plus(Duration.ofHours(2)), "Vino", "+34600001001", BookingSource.WEB);
        AppointmentDetails missed =
                salon.book(WebServer.NOW.plus(Duration.ofHours(3)), "Faltó", "+34600001002", BookingSource.VOICE);
        Browser owner = salon.ownersBrowser();
        String cameAt = salon.at("appointments/" + came.appointment().id().value());
        String missedAt = salon.at("appointments/" + missed.appointment().id().value());

        assertThat(owner.get(cameAt).body())
                .as("not before it starts")
                .contains("/cancel\"")
                .doesNotContain("/complete\"", "/no-show\"");

        CLOCK.advance(Duration.ofHours(4));
        assertThat(owner.get(cameAt).body()).contains("/complete\"", "/no-show\"");
        Browser.Page completed = owner.post(cameAt + "/complete", Map.of());
        Browser.Page twice = owner.post(cameAt + "/complete", Map.of());
        owner.get(missedAt);
        Browser.Page noShow = owner.post(missedAt + "/no-show", Map.of());

        assertThat(completed.status()).isEqualTo(303);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(noShow.status()).isEqualTo(303);
        assertThat(status(salon, came)).isEqualTo(AppointmentStatus.COMPLETED);
        assertThat(status(salon, missed)).isEqualTo(AppointmentStatus.NO_SHOW);
        assertThat(owner.get(cameAt + "?done=complete").body())
                .contains("Marcada como completada.")
                .doesNotContain("/complete\"", "/cancel\"");
        assertThat(owner.get(salon.at("")).body()).contains("data-number=\"no_shows\">1<");
    }

    private static AppointmentStatus status(OpenSalon salon, AppointmentDetails details) {
        return salon.uses
                .appointments()
                .get(salon.owner, details.appointment().id())
                .appointment()
                .status();
    }
}
