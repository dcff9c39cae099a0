package com.voiceappoint.application.port.in.planted;

/** Planted violation: an inbound port not named as a use case or a query. */
public interface BookingHelper {
    void help();
}
