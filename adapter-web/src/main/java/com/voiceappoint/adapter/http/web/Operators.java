package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.BillingUseCase;
import com.voiceappoint.application.port.in.OperatorsUseCase;
import com.voiceappoint.domain.billing.Plan;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.shared.InvalidValueException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /operator/}: the platform's operators see every business's usage and plan, and suspend or reactivate one. To anyone
 * else, signed in or not, these pages are "not found", as the application answers them: operator rights are never
 * announced, and they open nothing outside these pages.
 */
final class Operators implements PageGroup {
    static final String SLUG = "slug";
    static final String REASON = "reason";
    /** Longer searches find nothing anyway: refused before they reach the database. */
    private static final int MAX_SEARCH_LENGTH = 200;

    private final WebPages pages;
    private final OperatorsUseCase operators;
    private final BillingUseCase billing;

    Operators(WebPages pages, OperatorsUseCase operators, BillingUseCase billing) {
        this.pages = pages;
        this.operators = operators;
        this.billing = billing;
    }

    @Override
    public void addTo(WebPages pages) {
        pages.get("/operator", this::businesses);
        pages.get("/operator/businesses/{" + SLUG + "}", this::business);
        pages.post("/operator/businesses/{" + SLUG + "}/suspend", ctx -> change(ctx, true));
        pages.post("/operator/businesses/{" + SLUG + "}/reactivate", ctx -> change(ctx, false));
    }

    private void businesses(Context ctx) {
        Actor.Member operator = operator(ctx);
        String search = Optional.ofNullable(ctx.queryParam("q")).orElse("");
        if (search.length() > MAX_SEARCH_LENGTH) {
            throw badRequest();
        }
        OperatorsUseCase.BusinessesPage page = operators.businesses(operator, search, pageNumber(ctx));
        Map<BusinessId, Plan> plans = billing.plansOf(
                operator,
                page.businesses().stream().map(usage -> usage.business().id()).toList());
        Visit v = pages.visit(ctx);
        pages.render(
                ctx, "operator/businesses.jte", Map.of("v", v, "o", new OperatorView(v), "page", page, "plans", plans));
    }

    private static int pageNumber(Context ctx) {
        String page = ctx.queryParam("page");
        if (page == null || page.isEmpty()) {
            return 1;
        }
        try {
            int number = Integer.parseInt(page);
            if (number < 1) {
                throw badRequest();
            }
            return number;
        } catch (NumberFormatException notANumber) {
            throw badRequest();
        }
    }

    private void business(Context ctx) {
        Actor.Member operator = operator(ctx);
        show(ctx, operators.business(operator, ctx.pathParam(SLUG)), Optional.empty(), "", HttpStatus.OK);
    }

    private void change(Context ctx, boolean suspend) {
        Actor.Member operator = operator(ctx);
        String slug = ctx.pathParam(SLUG);
        String reason = Optional.ofNullable(ctx.formParam(REASON)).orElse("");
        try {
            if (suspend) {
                operators.suspend(operator, slug, reason);
            } else {
                operators.reactivate(operator, slug, reason);
            }
        } catch (InvalidValueException invalid) {
            String key = reason.isBlank() ? "operator.reason.required" : "operator.reason.too_long";
            show(ctx, operators.business(operator, slug), Optional.of(key), reason, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        WebPages.redirect(ctx, "/operator/businesses/" + slug);
    }

    private void show(
            Context ctx,
            OperatorsUseCase.BusinessOverview overview,
            Optional<String> reasonError,
            String reason,
            HttpStatus status) {
        Visit v = pages.visit(ctx);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("v", v);
        parameters.put("o", new OperatorView(v));
        parameters.put("overview", overview);
        parameters.put("reasonError", reasonError);
        parameters.put("reason", reason);
        ctx.status(status);
        pages.render(ctx, "operator/business.jte", parameters);
    }

    /** The signed-in operator, or a 404 page for anyone else. */
    private Actor.Member operator(Context ctx) {
        Actor.Member member = pages.sessions()
                .current(ctx)
                .map(resumed -> new Actor.Member(resumed.user().userId()))
                .orElseThrow(PageException::notFound);
        if (!operators.isOperator(member)) {
            throw PageException.notFound();
        }
        return member;
    }

    private static PageException badRequest() {
        return new PageException(HttpStatus.BAD_REQUEST, "error.bad_request");
    }
}
