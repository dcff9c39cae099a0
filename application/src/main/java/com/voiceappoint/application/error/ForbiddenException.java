package com.voiceappoint.application.error;

import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import java.util.Map;

/** The caller belongs to the business, but their role does not allow this. */
public final class ForbiddenException extends DomainException {
    public ForbiddenException(Permission missing) {
        super(ErrorCode.FORBIDDEN, null, "your role does not allow " + missing, Map.of("permission", missing.name()));
    }
}
