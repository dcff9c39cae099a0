package com.voiceappoint.adapter.http.problem;

import java.util.List;

/**
 * The request itself is wrong: unreadable JSON, a value of the wrong type, a field out of bounds. Field messages
 * are message keys, translated when the problem is written.
 */
public final class InvalidRequestException extends RuntimeException {
    public static final String MALFORMED = "MALFORMED_REQUEST";
    public static final String VALIDATION_FAILED = "VALIDATION_FAILED";

    private final String code;
    private final List<Field> fields;

    /** One field at fault: {@code key} names the message, {@code arguments} fill it in. */
    public record Field(String name, String code, String key, Object... arguments) {}

    public InvalidRequestException(String code, List<Field> fields) {
        super(code + " " + fields.stream().map(Field::name).toList());
        this.code = code;
        this.fields = List.copyOf(fields);
    }

    public static InvalidRequestException malformed(String key) {
        return new InvalidRequestException(MALFORMED, List.of(new Field("", "malformed", key)));
    }

    public static InvalidRequestException field(String name, String code, String key, Object... arguments) {
        return new InvalidRequestException(VALIDATION_FAILED, List.of(new Field(name, code, key, arguments)));
    }

    public String code() {
        return code;
    }

    public List<Field> fields() {
        return fields;
    }
}
