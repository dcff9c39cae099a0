package com.voiceappoint.domain.voice;

import com.voiceappoint.domain.shared.InvalidValueException;

/** A question callers ask a business ("Do you have parking?") and the business's own answer, as its owner wrote them. */
public record FaqEntry(String question, String answer) {
    public static final int MAX_QUESTION_LENGTH = 200;
    public static final int MAX_ANSWER_LENGTH = 1000;

    public FaqEntry {
        question = question == null ? "" : question.strip();
        answer = answer == null ? "" : answer.strip();
        InvalidValueException.check(
                !question.isEmpty() && question.length() <= MAX_QUESTION_LENGTH,
                "faq.question",
                "a question has 1 to 200 characters");
        InvalidValueException.check(
                !answer.isEmpty() && answer.length() <= MAX_ANSWER_LENGTH,
                "faq.answer",
                "an answer has 1 to 1000 characters");
    }
}
