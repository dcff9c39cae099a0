package com.voiceappoint.adapter.vapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * One function call the assistant asks us to answer: its id (echoed in the answer), the tool's name, the arguments
 * the model filled in (untrusted), and a business slug fixed on the tool definition itself (trusted), if any.
 */
record ToolCall(String id, String name, ObjectNode arguments, Optional<String> staticBusinessSlug) {}
