package com.voiceappoint.adapter.inmemory;

import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.application.fakes.FakeVoicePlatform;
import com.voiceappoint.application.fakes.RecordedBookingOutcomes;
import com.voiceappoint.application.fakes.RecordedMessages;
import com.voiceappoint.application.port.out.OutboundPorts;
import java.util.Optional;

/**
 * Every outbound port for a test: the in-memory stores, with the application's doubles for the rest; messages are
 * planned in the stores and worded and sent by {@link RecordedMessages}.
 */
public final class InMemoryAdapters {
    /** Where the manage links in messages point. */
    public static final String MANAGE_LINKS = "https://book.example/manage/";

    private InMemoryAdapters() {}

    public static OutboundPorts create() {
        return create(InMemoryPersistence.create(), new RecordedMessages());
    }

    public static OutboundPorts create(InMemoryPersistence stores, RecordedMessages messages) {
        return stores.ports(new FakePasswordHasher(), new FakeVoicePlatform(), new RecordedBookingOutcomes())
                .sendingMessages(stores.notifications(), messages, messages, messages, Optional.of(MANAGE_LINKS));
    }
}
