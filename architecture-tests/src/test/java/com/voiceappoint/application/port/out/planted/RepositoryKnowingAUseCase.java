package com.voiceappoint.application.port.out.planted;

import com.voiceappoint.application.port.in.GetBusinessQuery;

/** Planted violation: an outbound port that knows an inbound one. */
public interface RepositoryKnowingAUseCase {
    GetBusinessQuery query();
}
