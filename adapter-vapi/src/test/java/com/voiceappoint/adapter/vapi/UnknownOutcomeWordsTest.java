package com.voiceappoint.adapter.vapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.error.OutcomeUnknownException;
import com.voiceappoint.application.fakes.PortSwap;
import com.voiceappoint.application.port.in.AnswerToolCallUseCase;
import com.voiceappoint.application.port.in.Page;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.appointment.CalendarFilter;
import com.voiceappoint.domain.shared.TimeRange;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A cancellation or a move whose commit was lost, and that the database cannot confirm: the caller hears that it may
 * be done, and is told how to find out, never to book again (a move booked again could leave two appointments).
 */
class UnknownOutcomeWordsTest {
    private boolean losingCommits;
    private final VoiceDesk desk = new VoiceDesk(VoiceDesk.NOW, this::losing);

    /** While losing, every commit is lost before it lands. */
    private OutboundPorts losing(OutboundPorts ports) {
        TransactionRunner real = ports.transactions();
        return PortSwap.with(ports, TransactionRunner.class, new TransactionRunner() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                if (losingCommits) {
                    throw new OutcomeUnknownException(new IOException("connection reset"));
                }
                return real.inTransaction(work);
            }
        });
    }

    private String booked() {
        desk.call(
                VoiceDesk.LOLA_NUMBER,
                AnswerToolCallUseCase.BOOK,
                Map.of("service_id", desk.lola.cut(), "start", "2026-11-24T16:00", "client_name", "Carmen"));
        return desk.app
                .appointments()
                .list(
                        desk.lola.owner(),
                        CalendarFilter.period(
                                desk.lola.id(),
                                new TimeRange(
                                        Instant.parse("2026-11-24T00:00:00Z"), Instant.parse("2026-11-25T00:00:00Z"))),
                        Page.Request.first(10))
                .items()
                .get(0)
                .appointment()
                .id()
                .toString();
    }

    @Test
    void a_cancellation_of_unknown_outcome_is_not_said_to_have_failed() {
        String id = booked();
        losingCommits = true;

        String heard = desk.call(VoiceDesk.LOLA_NUMBER, AnswerToolCallUseCase.CANCEL, Map.of("appointment_id", id))
                .path("error")
                .asText();

        assertThat(heard)
                .startsWith("No he podido confirmar la cancelación ahora mismo")
                .contains("No digas que ha fallado", "busca las citas")
                .doesNotContain("vuelve a reservar");
    }

    @Test
    void a_move_of_unknown_outcome_is_not_said_to_have_failed_nor_booked_again() {
        String id = booked();
        losingCommits = true;

        String heard = desk.call(
                        VoiceDesk.LOLA_NUMBER,
                        AnswerToolCallUseCase.RESCHEDULE,
                        Map.of("appointment_id", id, "start", "2026-11-25T10:00"))
                .path("error")
                .asText();

        assertThat(heard)
                .startsWith("No he podido confirmar el cambio de hora ahora mismo")
                .contains("ni reserves otra cita", "busca las citas")
                .doesNotContain("vuelve a reservar");
    }
}
