package com.voiceappoint.application.port.in;

import java.util.Optional;

/**
 * Which business a phone call is for, from what the voice platform says about the call (never from what a caller
 * or the model says) and from what we decided ourselves when the call began. Deleted businesses are not found;
 * whether voice booking is on is for the caller to check.
 */
public interface VoiceRoutingQuery {

    Optional<VoiceSettingsUseCase.VoiceConfiguration> bySlug(String slug);

    /** By the number dialled on a voice platform, in E.164. */
    Optional<VoiceSettingsUseCase.VoiceConfiguration> byNumber(String platform, String number);

    /** By a voice platform's id of the line dialled. */
    Optional<VoiceSettingsUseCase.VoiceConfiguration> byLineId(String platform, String lineId);

    /**
     * The business we put this call through to ourselves, by the voice platform's id of the call: the one our answer to
     * its assistant request named, or the one that placed it ({@link CallLogUseCase#putThrough}).
     */
    Optional<VoiceSettingsUseCase.VoiceConfiguration> byCall(String callId);
}
