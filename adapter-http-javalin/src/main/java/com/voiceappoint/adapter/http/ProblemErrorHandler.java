package com.voiceappoint.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.voiceappoint.adapter.http.problem.Messages;
import com.voiceappoint.adapter.http.problem.Problem;
import com.voiceappoint.domain.shared.Language;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What the web server refuses before any route runs (a request line, path or header it cannot read, a URI or headers
 * too long, an Expect it does not meet) is answered as every other refusal is: problem+json with a stable code, in
 * the language of the caller's Accept-Language when the headers could be read, else the server's default. An HTTP
 * version we do not speak is one more request line we cannot read: a 400, not the server's 505, since nothing a client
 * sends is answered with a 5xx.
 */
final class ProblemErrorHandler extends ErrorHandler {
    private final ObjectMapper json;
    private final Language defaultLanguage;

    ProblemErrorHandler(ObjectMapper json, Language defaultLanguage) {
        this.json = json;
        this.defaultLanguage = defaultLanguage;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = status(request, response);
        String code = ProblemResponder.transportCode(status);
        Language language = RequestContext.fromAcceptLanguage(
                        request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE))
                .orElse(defaultLanguage);
        String requestId = RequestContext.requestId(request.getHeaders().get("X-Request-Id"));
        String detail = Messages.find(language, "problem." + code + ".head.detail")
                .or(() -> Messages.find(language, "problem." + code + ".detail"))
                .orElse(null);

        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(ERROR_CACHE_CONTROL);
        headers.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.put(HttpHeader.CONTENT_LANGUAGE, language.code());
        headers.put("X-Request-Id", requestId);
        if (status == HttpStatus.SERVICE_UNAVAILABLE_503) {
            headers.put(HttpHeader.RETRY_AFTER, Long.toString(ProblemResponder.RETRY_AFTER_SECONDS));
        }
        if (HttpStatus.hasNoBody(status)) {
            callback.succeeded();
            return true;
        }
        response.write(
                true,
                ByteBuffer.wrap(body(ProblemResponder.refusal(status, code, detail, language, requestId))),
                callback);
        return true;
    }

    private static int status(Request request, Response response) {
        int status = request.getAttribute(ERROR_EXCEPTION) instanceof HttpException refused
                ? refused.getCode()
                : response.getStatus();
        return status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505 ? HttpStatus.BAD_REQUEST_400 : status;
    }

    private byte[] body(Problem problem) {
        try {
            return json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
