package com.voiceappoint.domain.notification;

import com.voiceappoint.domain.shared.InvalidValueException;
import java.util.Locale;

/** How a message reaches its reader. */
public enum Channel {
    EMAIL,
    SMS,
    /** A phone call from the voice assistant, which can confirm, move or cancel: for reminders only. */
    CALL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel parse(String code, String field) {
        for (Channel channel : values()) {
            if (channel.code().equals(code)) {
                return channel;
            }
        }
        throw new InvalidValueException(field, "unknown channel " + code);
    }
}
