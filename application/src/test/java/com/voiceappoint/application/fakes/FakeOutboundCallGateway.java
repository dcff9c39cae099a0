package com.voiceappoint.application.fakes;

import com.voiceappoint.application.port.out.OutboundCallGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Places nothing: remembers what it was asked and answers a queued call, like the platform would. */
public final class FakeOutboundCallGateway implements OutboundCallGateway {
    private final List<OutboundCall> placed = new ArrayList<>();

    @Override
    public synchronized PlacedCall place(OutboundCall call) {
        placed.add(call);
        return new PlacedCall("fake-call-" + UUID.randomUUID(), "queued");
    }

    public synchronized List<OutboundCall> placed() {
        return List.copyOf(placed);
    }
}
