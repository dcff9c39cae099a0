package com.voiceappoint.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.voiceappoint.adapter.http.auth.AuthenticationException;
import com.voiceappoint.adapter.http.problem.InvalidRequestException;
import com.voiceappoint.adapter.http.problem.Messages;
import com.voiceappoint.adapter.http.problem.Problem;
import com.voiceappoint.adapter.http.ratelimit.RateLimitedException;
import com.voiceappoint.application.error.BookingRefusedException;
import com.voiceappoint.application.error.CredentialsRefusedException;
import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.error.OutcomeUnknownException;
import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.error.TooManyStreamsException;
import com.voiceappoint.domain.availability.Alternative;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.Language;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single mapping from failures to RFC 9457 answers: status, stable code, translated title and detail, field
 * errors, and for a refused booking the alternatives. Anything unexpected is a logged 500 that reveals nothing.
 */
final class ProblemResponder {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponder.class);
    /** Long enough for PostgreSQL or Redis to come back after a restart or a failover. */
    static final long RETRY_AFTER_SECONDS = 5;

    private static final String TYPE_BASE = "https://voiceappoint.com/problems/";

    // codes of this adapter's own: the domain's ErrorCode names refusals, not how a request or a store failed
    private static final String INVALID_CREDENTIALS = "INVALID_CREDENTIALS";
    private static final String TEMPORARILY_UNAVAILABLE = "TEMPORARILY_UNAVAILABLE";
    private static final String OUTCOME_UNKNOWN = "OUTCOME_UNKNOWN";

    private final ObjectMapper json;
    private final Language defaultLanguage;

    ProblemResponder(ObjectMapper json, Language defaultLanguage) {
        this.json = json;
        this.defaultLanguage = defaultLanguage;
    }

    void respond(Exception e, Context ctx) {
        Language language = RequestContext.language(ctx, defaultLanguage);
        Problem problem = problemFor(e, ctx, language);
        if (problem.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"voiceappoint\"");
        }
        try {
            ctx.status(problem.status())
                    .contentType(Problem.MEDIA_TYPE)
                    .header("Content-Language", language.code())
                    .result(json.writeValueAsBytes(problem));
        } catch (JsonProcessingException impossible) {
            ctx.status(500).result("");
        }
    }

    private Problem problemFor(Exception e, Context ctx, Language language) {
        if (e instanceof InvalidRequestException invalid) {
            List<Problem.FieldError> fields = invalid.fields().stream()
                    .map(f ->
                            new Problem.FieldError(f.name(), f.code(), Messages.get(language, f.key(), f.arguments())))
                    .toList();
            return problem(400, invalid.code(), language, ctx, fields, List.of());
        }
        if (e instanceof BookingRefusedException refused) {
            return problem(409, refused.code().name(), language, ctx, List.of(), alternatives(refused));
        }
        if (e instanceof NotFoundException notFound) {
            String resource = Messages.get(language, "resource." + notFound.resource());
            return problem(404, ErrorCode.NOT_FOUND.name(), language, ctx, List.of(), List.of(), resource);
        }
        if (e instanceof DomainException domain) {
            boolean invalidValue = domain.code() == ErrorCode.INVALID_VALUE;
            // whoever caught a bad field (Bean Validation or the domain), clients see one code for it
            String code = invalidValue
                    ? InvalidRequestException.VALIDATION_FAILED
                    : domain.code().name();
            List<Problem.FieldError> fields = domain.field() == null
                    ? List.of()
                    : List.of(
                            invalidValue
                                    ? new Problem.FieldError(
                                            jsonName(domain), "invalid", fieldMessage(language, domain))
                                    : conflictOn(jsonName(domain), code, language));
            return problem(status(domain.code()), code, language, ctx, fields, List.of());
        }
        if (e instanceof AuthenticationException auth) {
            return problem(401, auth.code(), language, ctx, List.of(), List.of());
        }
        if (e instanceof CredentialsRefusedException refused) {
            String code = switch (refused.credential()) {
                case PASSWORD -> INVALID_CREDENTIALS;
                case REFRESH_TOKEN -> AuthenticationException.INVALID_TOKEN;
            };
            return problem(401, code, language, ctx, List.of(), List.of());
        }
        if (e instanceof DuplicateKeyException duplicate) {
            ErrorCode code = switch (duplicate.key()) {
                case SERVICE_NAME, CATEGORY_NAME -> ErrorCode.DUPLICATE_NAME;
                case CLIENT_CONTACT -> ErrorCode.DUPLICATE_CONTACT;
                case USER_EMAIL -> ErrorCode.EMAIL_ALREADY_REGISTERED;
                case IDEMPOTENCY_KEY -> ErrorCode.IDEMPOTENCY_KEY_REUSED;
                case BUSINESS_SLUG -> ErrorCode.DUPLICATE_NAME;
                case VOICE_LINE -> ErrorCode.NUMBER_IN_USE;
            };
            return problem(status(code), code.name(), language, ctx, List.of(), List.of());
        }
        if (e instanceof RateLimitedException limited) {
            ctx.header("Retry-After", Long.toString(limited.retryAfterSeconds()));
            return problem(429, "RATE_LIMITED", language, ctx, List.of(), List.of(), limited.retryAfterSeconds());
        }
        if (e instanceof TooManyStreamsException) {
            ctx.header("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
            return problem(429, "TOO_MANY_STREAMS", language, ctx, List.of(), List.of());
        }
        if (e instanceof StoreUnavailableException unavailable) {
            LOG.warn("refused {} {}: {}", ctx.method(), HttpServer.route(ctx), unavailable.getMessage());
            ctx.header("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
            return problem(503, TEMPORARILY_UNAVAILABLE, language, ctx, List.of(), List.of());
        }
        if (e instanceof OutcomeUnknownException unknown) {
            LOG.warn(
                    "outcome unknown on {} {} (request {}): {}",
                    ctx.method(),
                    HttpServer.route(ctx),
                    RequestContext.requestId(ctx),
                    unknown.getCause() == null ? "" : unknown.getCause().getMessage());
            ctx.header("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
            return problem(503, OUTCOME_UNKNOWN, language, ctx, List.of(), List.of());
        }
        OptionalInt unreadable = unreadableRequest(e);
        if (unreadable.isPresent()) {
            // a chunked body cut short or garbled: the client's bytes, not our failure
            int status = unreadable.getAsInt();
            return problem(status, transportCode(status), language, ctx, List.of(), List.of());
        }
        if (e instanceof HttpResponseException http) {
            String route = Messages.get(language, "resource.route");
            return problem(
                    http.getStatus(), transportCode(http.getStatus()), language, ctx, List.of(), List.of(), route);
        }
        LOG.error(
                "unexpected failure on {} {} (request {})",
                ctx.method(),
                HttpServer.route(ctx),
                RequestContext.requestId(ctx),
                e);
        return problem(500, "INTERNAL_ERROR", language, ctx, List.of(), List.of());
    }

    /**
     * The status Jetty chose when the request's own bytes are at fault, wherever that surfaces (reading the body,
     * mostly); a body that ends early (the client hung up, or sent a broken chunk) is a 400.
     */
    private static OptionalInt unreadableRequest(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return OptionalInt.of(http.getCode());
            }
            if (cause instanceof EofException) {
                return OptionalInt.of(400);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The domain names a field as it calls it ({@code durationMinutes}); the API's JSON spells it snake_case, like
     * every property of its bodies ({@code duration_minutes}).
     */
    private static String jsonName(DomainException e) {
        return Bodies.SNAKE_CASE.translate(e.field());
    }

    /** A domain refusal names its field; say what is wrong with it in the caller's language. */
    private static String fieldMessage(Language language, DomainException e) {
        String field = jsonName(e);
        return Messages.find(language, "field." + field)
                .or(() -> Messages.find(language, "field." + field.split("[.\\[]", 2)[0]))
                .or(() -> language == Language.EN ? Optional.ofNullable(e.getMessage()) : Optional.<String>empty())
                .orElseGet(() -> Messages.get(language, "field.invalid"));
    }

    /**
     * A well-formed value that clashes with something (an e-mail already registered, a key already used): the field
     * is pointed at with the problem's own explanation, not with the field's format rules, which it meets.
     */
    private static Problem.FieldError conflictOn(String field, String code, Language language) {
        String message = Messages.find(language, "problem." + code + ".detail")
                .or(() -> Messages.find(language, "problem." + code + ".title"))
                .orElse(code);
        return new Problem.FieldError(field, code.toLowerCase(Locale.ROOT), message);
    }

    private Problem problem(
            int status,
            String code,
            Language language,
            Context ctx,
            List<Problem.FieldError> fields,
            List<Problem.AlternativeSlot> alternatives,
            Object... detailArguments) {
        String detail = Messages.find(language, "problem." + code + ".detail", detailArguments)
                .orElse(null);
        return problem(status, code, language, detail, ctx.path(), RequestContext.requestId(ctx), fields, alternatives);
    }

    /**
     * A refusal of the request as a whole, made by the web server before any route ran: the path it names may be what
     * was refused, so it is not repeated.
     */
    static Problem refusal(int status, String code, String detail, Language language, String requestId) {
        return problem(status, code, language, detail, null, requestId, List.of(), List.of());
    }

    private static Problem problem(
            int status,
            String code,
            Language language,
            String detail,
            String instance,
            String requestId,
            List<Problem.FieldError> fields,
            List<Problem.AlternativeSlot> alternatives) {
        String title = Messages.find(language, "problem." + code + ".title")
                .orElse(HttpStatus.forStatus(status).getMessage());
        return new Problem(
                TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'),
                title,
                status,
                detail,
                instance,
                code,
                requestId,
                fields,
                alternatives);
    }

    private static List<Problem.AlternativeSlot> alternatives(BookingRefusedException refused) {
        return refused.alternatives().stream()
                .map((Alternative a) -> new Problem.AlternativeSlot(
                        a.start().atZone(refused.zone()).toOffsetDateTime(),
                        a.end().atZone(refused.zone()).toOffsetDateTime(),
                        a.provider().toString(),
                        refused.providerName(a.provider())))
                .toList();
    }

    static int status(ErrorCode code) {
        return switch (code) {
            case INVALID_VALUE -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case INVITATION_EXPIRED -> 410;
            case EMAIL_ALREADY_REGISTERED,
                    DUPLICATE_NAME,
                    DUPLICATE_CONTACT,
                    NUMBER_IN_USE,
                    ALREADY_MEMBER,
                    ALREADY_PROVIDER,
                    LAST_OWNER,
                    CURRENCY_IN_USE,
                    IN_USE -> 409;
            case SLOT_TAKEN,
                    BUSINESS_CLOSED,
                    NOBODY_WORKING,
                    PROVIDER_NOT_WORKING,
                    OUTSIDE_HOURS,
                    TOO_SOON,
                    TOO_FAR_IN_ADVANCE,
                    IN_THE_PAST,
                    PROVIDER_NOT_ELIGIBLE -> 409;
            case INVALID_STATE_TRANSITION, CONCURRENT_UPDATE, CANCELLATION_TOO_LATE, HOLD_EXPIRED, BUSINESS_SUSPENDED ->
                409;
            case NOT_REFUNDABLE, PAYMENTS_NOT_CONNECTED -> 409;
            case ALREADY_SUBSCRIBED, NOT_SUBSCRIBED -> 409;
            case PAYMENT_REFUSED -> 422;
            case IDEMPOTENCY_KEY_REUSED,
                    SERVICE_INACTIVE,
                    SERVICE_NOT_BOOKABLE_BY_VOICE,
                    CALL_REJECTED,
                    LINE_NOT_VERIFIED -> 422;
            case VOICE_UNAVAILABLE -> 503;
        };
    }

    static String transportCode(int status) {
        return switch (status) {
            case 400 -> InvalidRequestException.MALFORMED;
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 417 -> "EXPECTATION_FAILED";
            case 431 -> "HEADERS_TOO_LARGE";
            // the web server's own 503: it is stopping, and another instance (or this one, restarted) will answer
            case 503 -> TEMPORARILY_UNAVAILABLE;
            default -> status >= 500 ? "INTERNAL_ERROR" : "HTTP_" + status;
        };
    }
}
