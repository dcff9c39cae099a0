package com.voiceappoint.adapter.http.web;

import com.voiceappoint.adapter.http.problem.InvalidRequestException;
import com.voiceappoint.adapter.http.ratelimit.RateLimitedException;
import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.error.ForbiddenException;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.error.OutcomeUnknownException;
import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failure on a page is answered with a page in the visitor's language: what went wrong in one sentence and a way
 * on. An outage is a 503 that says when to try again; a booking whose outcome is unknown is never called failed.
 */
final class ErrorPages {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
    static final long RETRY_AFTER_SECONDS = 5;

    private final WebPages pages;

    ErrorPages(WebPages pages) {
        this.pages = pages;
    }

    boolean answer(Context ctx, int status, Exception failure) {
        if (failure instanceof WebSessions.SignInRequired required) {
            WebPages.redirect(ctx, "/login?next=" + URLEncoder.encode(required.comeBackTo(), StandardCharsets.UTF_8));
            return true;
        }
        int shown;
        String key;
        if (failure instanceof PageException page) {
            shown = page.status().getCode();
            key = page.messageKey();
        } else if (failure instanceof NotFoundException) {
            shown = 404;
            key = "error.not_found";
        } else if (failure instanceof ForbiddenException) {
            shown = 403;
            key = "error.forbidden";
        } else if (failure instanceof RateLimitedException limited) {
            ctx.header("Retry-After", Long.toString(limited.retryAfterSeconds()));
            shown = 429;
            key = "error.rate_limited";
        } else if (failure instanceof StoreUnavailableException) {
            ctx.header("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
            shown = 503;
            key = "error.unavailable";
        } else if (failure instanceof OutcomeUnknownException) {
            ctx.header("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
            shown = 503;
            key = "error.outcome_unknown";
        } else if (failure instanceof InvalidRequestException) {
            // the REST API's edge refused a parameter (a NUL in the query, say) before the page read it
            shown = 400;
            key = "error.bad_request";
        } else if (failure instanceof DuplicateKeyException) {
            // two writes raced for one name or contact: the later one is refused, as the REST API answers it
            shown = 409;
            key = "error.conflict";
        } else if (failure instanceof DomainException refused && refused.code() == ErrorCode.BUSINESS_SUSPENDED) {
            // whichever page tried to book: the business is not taking bookings, and nothing the visitor sent was wrong
            shown = 409;
            key = "operator.not_taking_bookings";
        } else if (failure instanceof DomainException) {
            shown = 400;
            key = "error.bad_request";
        } else if (failure instanceof HttpResponseException http) {
            shown = http.getStatus();
            key = switch (shown) {
                case 404 -> "error.not_found";
                case 405 -> "error.method";
                case 413 -> "error.too_large";
                case 400 -> "error.bad_request";
                default -> "error.unexpected";
            };
        } else {
            // the route, not the path: a path may hold a secret token (a password reset link, a manage link)
            Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
            LOG.error("page {} failed", matched == null ? "(unmatched)" : matched.path, failure);
            shown = 500;
            key = "error.unexpected";
        }
        Visit v = pages.visit(ctx);
        ctx.status(shown);
        pages.render(ctx, "error.jte", Map.of("v", v, "status", shown, "message", key));
        return true;
    }
}
