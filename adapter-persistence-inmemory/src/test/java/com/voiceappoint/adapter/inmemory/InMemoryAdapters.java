package com.voiceappoint.adapter.inmemory;

import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.application.fakes.FakeVoicePlatform;
import com.voiceappoint.application.fakes.RecordedBookingOutcomes;
import com.voiceappoint.application.port.out.OutboundPorts;

/** Every outbound port for a test: the in-memory stores, with the application's doubles for the rest. */
public final class InMemoryAdapters {
    private InMemoryAdapters() {}

    public static OutboundPorts create() {
        return InMemoryPersistence.create()
                .ports(new FakePasswordHasher(), new FakeVoicePlatform(), new RecordedBookingOutcomes());
    }
}
