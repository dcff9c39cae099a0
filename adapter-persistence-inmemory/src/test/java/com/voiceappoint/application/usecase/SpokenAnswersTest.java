package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.port.in.AnswerToolCallUseCase.Answer;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.Availability;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.CodeLimit;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.CodeRefused;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.Found;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.FreeTimes;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.Offer;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.Refused;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.Upcoming;
import com.voiceappoint.application.voice.Speech;
import com.voiceappoint.application.voice.SpokenAnswers;
import com.voiceappoint.application.voice.ToolCommands;
import com.voiceappoint.domain.availability.NoSlotsReason;
import com.voiceappoint.domain.availability.RefusalReason;
import com.voiceappoint.domain.shared.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Typed answers in the words a caller hears: results for what happened, errors for what to fix. */
class SpokenAnswersTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private final Salon salon = new Salon();

    private SpokenAnswers in(Language language) {
        return new SpokenAnswers(
                new Speech(language, MADRID), salon.app.business().get(salon.owner, salon.business));
    }

    private static Answer result(String text) {
        return new Answer(Optional.of(text), Optional.empty());
    }

    private static Answer error(String text) {
        return new Answer(Optional.empty(), Optional.of(text));
    }

    @Test
    void a_refusal_is_a_result_with_the_nearest_times_by_day_and_who_they_are_with() {
        Refused refused = new Refused(
                RefusalReason.SLOT_TAKEN,
                List.of(
                        new Offer(Instant.parse("2026-11-24T09:30:00Z"), List.of("Marta")),
                        new Offer(Instant.parse("2026-11-24T10:00:00Z"), List.of("Sam"))));

        assertThat(in(Language.ES).say(refused))
                .isEqualTo(result("Esa hora ya está ocupada. Lo más cercano: el martes 24 de noviembre a las 10:30"
                        + " con Marta y a las 11:00 con Sam (start 2026-11-24T10:30, 2026-11-24T11:00)."));
    }

    @Test
    void a_day_with_nothing_free_says_why_and_the_next_free_time() {
        Availability none = new Availability(
                "Cut",
                Optional.of("Marta"),
                LocalDate.parse("2026-11-25"),
                new Found.NoneBetween(new FreeTimes(
                        List.of(),
                        Optional.of(NoSlotsReason.CLOSED),
                        Optional.of(Instant.parse("2026-11-30T08:00:00Z")))));

        assertThat(in(Language.EN).say(none))
                .isEqualTo(result("There is no time for Cut with Marta on Wednesday 25 November. The business is"
                        + " closed that day. The first free time is Monday 30 November at 09:00 (start"
                        + " 2026-11-30T09:00)."));
    }

    @Test
    void spent_code_tries_and_unusable_arguments_are_errors_and_a_skipped_time_is_explained() {
        assertThat(in(Language.EN).say(new CodeRefused(CodeLimit.TOO_FAST)))
                .isEqualTo(error("Too many tries with codes in a short time; wait a minute and try again."));
        assertThat(in(Language.EN).say(new Upcoming(List.of(), true)))
                .isEqualTo(result("I cannot find an upcoming appointment with that code and number."));
        assertThat(in(Language.ES).say(new ToolCommands.UnreadableTime("cuando sea")))
                .isEqualTo(error("No entiendo la hora «cuando sea»: usa la fecha y la hora locales, como"
                        + " 2026-11-24T15:00."));
        assertThat(in(Language.ES).say(new ToolCommands.SkippedTime(LocalDateTime.parse("2027-03-28T02:30"))))
                .isEqualTo(result("Esa hora no existe el domingo 28 de marzo por el cambio de hora: a las 02:00"
                        + " los relojes pasan a las 03:00."));
    }

    @Test
    void a_field_the_domain_refuses_is_named_as_the_tools_spell_it() {
        assertThat(in(Language.EN).invalid("clientName")).isEqualTo(error("The value of client_name is not valid."));
    }
}
