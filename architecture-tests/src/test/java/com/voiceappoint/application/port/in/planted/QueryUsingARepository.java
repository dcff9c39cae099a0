package com.voiceappoint.application.port.in.planted;

import com.voiceappoint.application.port.out.UserRepository;

/** Planted violation: an inbound port that knows an outbound one. */
public interface QueryUsingARepository {
    UserRepository users();
}
