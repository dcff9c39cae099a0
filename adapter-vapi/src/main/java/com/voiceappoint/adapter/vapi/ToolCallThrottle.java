package com.voiceappoint.adapter.vapi;

/**
 * Counts tool calls against a per-minute allowance, so one runaway conversation or one busy business cannot starve
 * the rest. The composition root backs it with the server's rate limiter (shared through Redis when configured).
 */
@FunctionalInterface
public interface ToolCallThrottle {
    ToolCallThrottle UNLIMITED = (limit, key, perMinute) -> true;

    /** Whether one more call fits; {@code limit} names the allowance so keys of different limits never mix. */
    boolean tryAcquire(String limit, String key, int perMinute);
}
