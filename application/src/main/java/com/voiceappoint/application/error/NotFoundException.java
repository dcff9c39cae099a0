package com.voiceappoint.application.error;

import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import java.util.Map;

/**
 * Nothing by that id that the caller may see. Also what a caller gets for another tenant's ids: saying
 * "forbidden" would confirm the id exists.
 */
public final class NotFoundException extends DomainException {
    public NotFoundException(String resource) {
        super(ErrorCode.NOT_FOUND, null, resource + " not found", Map.of("resource", resource));
    }

    public String resource() {
        return (String) arguments().get("resource");
    }
}
