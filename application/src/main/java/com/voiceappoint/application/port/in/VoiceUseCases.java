package com.voiceappoint.application.port.in;

import java.util.Objects;

/** The inbound ports a voice platform's adapter drives, and no others. */
public record VoiceUseCases(
        RouteCallQuery routing,
        AnswerToolCallUseCase tools,
        StartCallUseCase startCall,
        TransferCallQuery transfer,
        BusinessKnowledgeQuery knowledge,
        CallLogUseCase callLog) {
    public VoiceUseCases {
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(tools, "tools");
        Objects.requireNonNull(startCall, "startCall");
        Objects.requireNonNull(transfer, "transfer");
        Objects.requireNonNull(knowledge, "knowledge");
        Objects.requireNonNull(callLog, "callLog");
    }
}
