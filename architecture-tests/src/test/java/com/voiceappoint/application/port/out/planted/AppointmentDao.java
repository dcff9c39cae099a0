package com.voiceappoint.application.port.out.planted;

/** Planted violation: an outbound port named after a pattern, not after what it is. */
public interface AppointmentDao {
    void save();
}
