package com.voiceappoint.application.fakes;

import com.voiceappoint.application.port.out.VoicePlatformGateway;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Places nothing: remembers what it was asked and answers a queued call, like the platform would. Lines are taken as
 * given until a test names the platform's lines, after which only those exist.
 */
public final class FakeVoicePlatform implements VoicePlatformGateway {
    private final List<OutboundCall> placed = new ArrayList<>();
    private Map<String, String> lines;

    @Override
    public synchronized PlacedCall place(OutboundCall call) {
        placed.add(call);
        return new PlacedCall("fake-call-" + UUID.randomUUID(), "queued");
    }

    @Override
    public synchronized boolean knowsLines() {
        return lines != null;
    }

    @Override
    public synchronized LineCheck checkLine(String lineId) {
        return lines.containsKey(lineId) ? LineCheck.found(Optional.of(lines.get(lineId))) : LineCheck.unknown();
    }

    /** From now on the platform has these lines (id to number) and no others. */
    public synchronized void hasLines(Map<String, String> numbersByLine) {
        lines = new HashMap<>(numbersByLine);
    }

    public synchronized List<OutboundCall> placed() {
        return List.copyOf(placed);
    }
}
