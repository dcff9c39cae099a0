package com.voiceappoint.domain.shared;

import java.util.Map;
import java.util.Objects;

/**
 * A rule of the booking domain refused something. Carries a stable {@link ErrorCode}, the field it concerns
 * when there is one, and the values an adapter needs to explain it in the caller's language.
 */
public class DomainException extends RuntimeException {
    private final ErrorCode code;
    private final String field;
    private final Map<String, Object> arguments;

    public DomainException(ErrorCode code, String message) {
        this(code, null, message, Map.of());
    }

    public DomainException(ErrorCode code, String field, String message, Map<String, Object> arguments) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
        this.arguments = Map.copyOf(arguments);
    }

    public ErrorCode code() {
        return code;
    }

    /**
     * The field at fault as the domain calls it ({@code durationMinutes}, {@code clientPhone}), or {@code null} when the
     * failure is not about one field. Each adapter spells it its own way (the REST API's JSON in snake_case).
     */
    public String field() {
        return field;
    }

    public Map<String, Object> arguments() {
        return arguments;
    }
}
