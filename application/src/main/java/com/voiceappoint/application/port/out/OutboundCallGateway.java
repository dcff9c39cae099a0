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

/** Places a phone call from the voice assistant to a client, on behalf of a business. */
public interface OutboundCallGateway {

    /** For a server without a voice platform configured: every call is refused as unavailable. */
    OutboundCallGateway NOT_CONFIGURED = request -> {
        throw new CallNotPlacedException(ErrorCode.VOICE_UNAVAILABLE, "no voice platform is configured");
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
}
