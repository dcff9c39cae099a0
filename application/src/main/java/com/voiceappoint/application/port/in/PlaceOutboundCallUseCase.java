package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.business.BusinessId;
import java.util.Optional;

/**
 * Has the voice assistant phone a client for the business (to confirm, to offer a freed slot). Managers and above;
 * the business must take voice bookings. The call enters the call log at once and fills in as it reports.
 */
public interface PlaceOutboundCallUseCase {

    /** @param number the client's number in E.164 */
    Placed place(Actor actor, BusinessId businessId, String number, Optional<String> name);

    record Placed(String callId, String status) {}
}
