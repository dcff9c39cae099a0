package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.voiceappoint.application.port.in.AnswerToolCallUseCase;
import com.voiceappoint.application.port.in.CallerAppointmentsUseCase.Proof;
import com.voiceappoint.application.port.in.ToolArguments;
import com.voiceappoint.application.port.in.VoiceCaller;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase.VoiceConfiguration;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.BookAppointment;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.CheckAvailability;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.Command;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.FindMyAppointments;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.When;
import com.voiceappoint.application.voice.ToolCommands;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.voice.VoiceSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A model's loose arguments, read into the typed commands the tools answer, in the order they are checked. */
class ToolCommandsTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final LocalDate MONDAY = LocalDate.parse("2026-11-23");
    private static final PhoneNumber CARMEN = new PhoneNumber("+34600111222");

    private final Salon salon = new Salon();
    private final Provider marta = salon.app.staff().create(salon.owner, salon.business, "Marta", Optional.empty());

    private VoiceCaller caller(Optional<PhoneNumber> number, boolean proven) {
        var business = salon.app.business().get(salon.owner, salon.business);
        return new VoiceCaller(
                new VoiceConfiguration(business, VoiceSettings.none(salon.business)),
                number,
                proven,
                number,
                false,
                Optional.of("call-1"),
                "vapi");
    }

    private Command read(String tool, Map<String, String> values, Language language, VoiceCaller caller) {
        return new ToolCommands(
                        new ToolArguments(values, Map.of("client_data", Map.of("email", "carmen@example.com"))),
                        caller,
                        language,
                        MADRID,
                        MONDAY,
                        new ToolCommands.Catalogue(
                                () -> List.of(salon.cut),
                                () -> salon.app.staff().list(salon.owner, salon.business)))
                .read(tool, "tc-1");
    }

    private Command read(String tool, Map<String, String> values) {
        return read(tool, values, Language.ES, caller(Optional.of(CARMEN), true));
    }

    private ToolCommands.Problem problem(String tool, Map<String, String> values, VoiceCaller caller) {
        return catchThrowableOfType(() -> read(tool, values, Language.ES, caller), ToolCommands.Unusable.class)
                .problem();
    }

    @Test
    void a_booking_said_loosely_is_a_booking_of_domain_values() {
        Command command = read(
                AnswerToolCallUseCase.BOOK,
                Map.of(
                        "service_name",
                        "cut",
                        "stylist",
                        "con Marta",
                        "day",
                        "mañana",
                        "time",
                        "16:00",
                        "name",
                        "Carmen"));

        assertThat(command)
                .isEqualTo(new BookAppointment(
                        salon.cut,
                        Optional.of(marta.id()),
                        Instant.parse("2026-11-24T15:00:00Z"),
                        "Carmen",
                        Optional.of("carmen@example.com"),
                        "",
                        "tc-1",
                        true));
    }

    @Test
    void a_booking_at_a_time_the_clocks_skip_is_a_look_at_that_time() {
        LocalDateTime skipped = LocalDateTime.parse("2027-03-28T02:30");

        assertThat(read(
                        AnswerToolCallUseCase.BOOK,
                        Map.of("service_id", salon.cut.id().toString(), "start", "2027-03-28T02:30")))
                .isEqualTo(new CheckAvailability(
                        salon.cut, Optional.empty(), skipped.toLocalDate(), new When.Skipped(skipped)));
    }

    @Test
    void a_part_of_the_day_is_the_hours_the_business_s_language_means() {
        Map<String, String> afternoon = Map.of("service_name", "cut", "date", "2026-11-24", "part_of_day", "tarde");

        assertThat(read(AnswerToolCallUseCase.AVAILABILITY, afternoon, Language.ES, caller(Optional.empty(), false)))
                .isEqualTo(new CheckAvailability(
                        salon.cut,
                        Optional.empty(),
                        LocalDate.parse("2026-11-24"),
                        new When.Between(LocalTime.of(14, 0), LocalTime.of(20, 0))));
        assertThat(read(AnswerToolCallUseCase.AVAILABILITY, afternoon, Language.EN, caller(Optional.empty(), false)))
                .isEqualTo(new CheckAvailability(
                        salon.cut,
                        Optional.empty(),
                        LocalDate.parse("2026-11-24"),
                        new When.Between(LocalTime.of(12, 0), LocalTime.of(18, 0))));
    }

    @Test
    void arguments_are_checked_in_the_order_a_receptionist_asks_what_with_whom_when_for_whom() {
        VoiceCaller carmen = caller(Optional.of(CARMEN), true);

        assertThat(problem(AnswerToolCallUseCase.BOOK, Map.of("start", "whenever"), carmen))
                .isEqualTo(new ToolCommands.Missing("service_id"));
        assertThat(problem(AnswerToolCallUseCase.BOOK, Map.of("service_name", "cut", "staff", "Nadie"), carmen))
                .isInstanceOf(ToolCommands.UnknownStaff.class);
        assertThat(problem(AnswerToolCallUseCase.BOOK, Map.of("service_name", "cut", "start", "whenever"), carmen))
                .isEqualTo(new ToolCommands.UnreadableTime("whenever"));
        assertThat(problem(
                        AnswerToolCallUseCase.HOLD, Map.of("service_name", "cut", "start", "2026-11-24T10:00"), carmen))
                .isEqualTo(new ToolCommands.Missing("client_name"));
        assertThat(problem(
                        AnswerToolCallUseCase.HOLD,
                        Map.of("service_name", "cut", "start", "2026-11-24T10:00", "name", "Carmen"),
                        caller(Optional.empty(), false)))
                .isEqualTo(ToolCommands.Lacking.NUMBER_TO_HOLD);
        assertThat(problem(AnswerToolCallUseCase.HOURS, Map.of("from", "2026-11-24", "to", "2026-12-24"), carmen))
                .isEqualTo(new ToolCommands.TooManyDays(14));
    }

    @Test
    void the_proven_number_is_the_proof_and_otherwise_a_code_with_a_number() {
        Map<String, String> coded = Map.of("manage_code", "123456", "phone", "+34 600 111 222");

        assertThat(read(AnswerToolCallUseCase.MINE, coded))
                .isEqualTo(new FindMyAppointments(new Proof.CallerNumber(CARMEN)));
        assertThat(read(AnswerToolCallUseCase.MINE, coded, Language.ES, caller(Optional.empty(), false)))
                .isEqualTo(new FindMyAppointments(new Proof.Code("123456", Optional.of(CARMEN))));
        assertThat(problem(AnswerToolCallUseCase.MINE, Map.of(), caller(Optional.empty(), false)))
                .isEqualTo(ToolCommands.Lacking.CODE);
        assertThat(problem(AnswerToolCallUseCase.MINE, Map.of("code", "123456"), caller(Optional.empty(), false)))
                .isEqualTo(ToolCommands.Lacking.PHONE);
    }
}
