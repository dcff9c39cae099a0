package com.voiceappoint.adapter.http.web;

import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.shared.StorableText;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What every page handler uses: the visit (language, CSRF token, who is signed in), rendering a template, and adding
 * routes so that every write checks its CSRF token first.
 */
final class WebPages {
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(
            null, ContentType.Html, null, "com.voiceappoint.adapter.http.web.template");

    private final Assets assets;
    private final Csrf csrf;
    private final WebSessions sessions;
    private final Languages languages;
    private JavalinConfig config;

    WebPages(Assets assets, Csrf csrf, WebSessions sessions, Languages languages) {
        this.assets = assets;
        this.csrf = csrf;
        this.sessions = sessions;
        this.languages = languages;
    }

    WebSessions sessions() {
        return sessions;
    }

    /** Where the next routes go; set once, while the server is configured. */
    void addingTo(JavalinConfig config) {
        this.config = config;
    }

    void get(String path, Handler handler) {
        config.routes.get(path, handler);
    }

    /** A form's target or an htmx write: refused with a 403 page unless it carries this browser's CSRF token. */
    void post(String path, Handler handler) {
        config.routes.post(path, ctx -> {
            csrf.check(ctx);
            requireStorable(ctx);
            handler.handle(ctx);
        });
    }

    /**
     * Refuses a form holding text no store keeps as given (a NUL, half a character), whichever field it is in: the
     * REST API refuses it at its edge too, and PostgreSQL would otherwise fail on it. A file's bytes are not text, and
     * are not among the form's fields.
     */
    private static void requireStorable(Context ctx) {
        ctx.formParamMap().forEach((name, values) -> {
            if (!StorableText.storable(name) || !values.stream().allMatch(StorableText::storable)) {
                throw new PageException(io.javalin.http.HttpStatus.BAD_REQUEST, "error.bad_request");
            }
        });
    }

    /** The visit of a page with no language of its own (the landing page, the account pages). */
    Visit visit(Context ctx) {
        return visit(ctx, Optional.empty());
    }

    /**
     * The visit of a page whose subject has a language (a business's public page, a member's dashboard): the page
     * speaks it unless the visitor chose another.
     */
    Visit visit(Context ctx, Optional<Language> pages) {
        var signedIn = sessions.current(ctx);
        Optional<Language> own =
                pages.or(() -> signedIn.map(resumed -> resumed.user().language()));
        return new Visit(Texts.of(languages.of(ctx, own)), csrf.token(ctx), signedIn, assets, here(ctx));
    }

    /**
     * The page's address for the language switch: with its query on a GET (a step of a booking keeps its choices),
     * without the language it was asked in.
     */
    private static String here(Context ctx) {
        // "//evil.example" is another site's address to a browser: any page's address is a path of this one
        String path = "/" + ctx.path().replaceFirst("^[/\\\\]+", "");
        if (!SafeNext.of(path).equals(path)) {
            path = "/";
        }
        String query = ctx.queryString();
        if (query == null || !ctx.method().equals(HandlerType.GET)) {
            return path;
        }
        String kept = Arrays.stream(query.split("&"))
                .filter(part -> !part.isEmpty() && !part.startsWith("lang="))
                .collect(Collectors.joining("&"));
        return kept.isEmpty() ? path : path + "?" + kept;
    }

    /** Renders {@code template} with the parameters named as the template names them. */
    void render(Context ctx, String template, Map<String, Object> parameters) {
        Utf8ByteOutput output = new Utf8ByteOutput();
        TEMPLATES.render(template, parameters, output);
        Object visit = parameters.get("v");
        if (visit instanceof Visit v) {
            ctx.header("Content-Language", v.lang());
        }
        // the same address is another page to another visitor: in their language, signed in or not
        ctx.header("Vary", "Cookie, Accept-Language");
        ctx.contentType("text/html; charset=utf-8").result(output.toByteArray());
    }

    /** After a form is handled: the browser goes on to {@code location} (htmx is told in its own header). */
    static void redirect(Context ctx, String location) {
        if (ctx.header("HX-Request") != null) {
            ctx.header("HX-Redirect", location).status(204);
        } else {
            ctx.redirect(location, io.javalin.http.HttpStatus.SEE_OTHER);
        }
    }
}
