package com.voiceappoint.application.port.out;

import com.voiceappoint.application.error.CallNotPlacedException;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.Language;
import java.util.List;
import java.util.Optional;

/**
 * The voice platform the shared assistant runs on: it places calls to clients on a business's behalf, and it knows
 * which lines (and numbers) are really ours, so a business cannot claim a line it was not given.
 */
public interface VoicePlatformGateway {

    /** For a server without a voice platform configured: no call is placed, no line can be checked. */
    VoicePlatformGateway NOT_CONFIGURED = new VoicePlatformGateway() {
        @Override
        public PlacedCall place(OutboundCall call) {
            throw new CallNotPlacedException(ErrorCode.VOICE_UNAVAILABLE, "no voice platform is configured");
        }

        @Override
        public boolean knowsLines() {
            return false;
        }

        @Override
        public LineCheck checkLine(String lineId) {
            throw new IllegalStateException("no voice platform to ask about lines");
        }
    };

    /** @throws CallNotPlacedException when the platform refuses the call or cannot be reached */
    PlacedCall place(OutboundCall call);

    /**
     * @param line the platform's id of the line to call from, when the business has one of its own
     * @param assistantId the business's own assistant, if it has one
     * @param services what a caller can book by voice, and {@code hours} when the business opens: what the
     *     assistant tells the client about
     */
    record OutboundCall(
            Business business,
            Language language,
            PhoneNumber customer,
            Optional<String> customerName,
            Optional<String> line,
            Optional<String> assistantId,
            List<Service> services,
            WeeklyHours hours,
            Optional<String> greeting) {
        public OutboundCall {
            services = List.copyOf(services);
        }
    }

    record PlacedCall(String callId, String status) {}

    /** Whether there is a platform to ask about lines; without one (development) lines are taken as given. */
    boolean knowsLines();

    /**
     * Whether a line id is one of the platform's lines, and its number.
     *
     * @throws CallNotPlacedException VOICE_UNAVAILABLE when the platform cannot be asked right now
     */
    LineCheck checkLine(String lineId);

    /**
     * Whether a line is one of ours and, if it is, its number in E.164 (empty for a line without one, such as a SIP
     * address).
     */
    record LineCheck(boolean ours, Optional<String> number) {
        public static LineCheck found(Optional<String> number) {
            return new LineCheck(true, number);
        }

        public static LineCheck unknown() {
            return new LineCheck(false, Optional.empty());
        }
    }
}
