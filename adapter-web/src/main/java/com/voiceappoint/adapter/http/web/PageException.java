package com.voiceappoint.adapter.http.web;

import io.javalin.http.HttpStatus;

/** A request a page cannot answer, shown as an error page with the status and one sentence from the texts. */
final class PageException extends RuntimeException {
    private final HttpStatus status;
    private final String messageKey;

    PageException(HttpStatus status, String messageKey) {
        super(messageKey, null, false, false);
        this.status = status;
        this.messageKey = messageKey;
    }

    static PageException notFound() {
        return new PageException(HttpStatus.NOT_FOUND, "error.not_found");
    }

    HttpStatus status() {
        return status;
    }

    String messageKey() {
        return messageKey;
    }
}
