package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.port.in.GetProfileQuery;
import com.voiceappoint.application.port.in.ManageBusinessesUseCase;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Which dashboard a member may open: {@code /dashboard/{slug}/...} is found among the member's own businesses only, so
 * another business's slug is "not found", as in the REST API; and {@code /dashboard/select} for people in several.
 */
final class Dashboards implements PageGroup {
    static final String SLUG = "slug";

    private final WebPages pages;
    private final ManageBusinessesUseCase businesses;

    Dashboards(WebPages pages, ManageBusinessesUseCase businesses) {
        this.pages = pages;
        this.businesses = businesses;
    }

    @Override
    public void addTo(WebPages pages) {
        pages.get("/dashboard", this::select);
        pages.get("/dashboard/select", this::select);
    }

    /**
     * The member at the dashboard of the business in the path's {@value #SLUG}, or a redirect to the login page, or a
     * 404 page when it is not one of theirs.
     */
    Workplace open(Context ctx, String section) {
        String slug = ctx.pathParam(SLUG);
        var member = pages.sessions().require(ctx, "/dashboard/" + slug);
        GetProfileQuery.BusinessMembership membership = businesses.mine(member).stream()
                .filter(m -> m.business().slug().value().equals(slug))
                .findFirst()
                .orElseThrow(PageException::notFound);
        return new Workplace(pages.visit(ctx), member, membership.business(), membership.role(), section);
    }

    private void select(Context ctx) {
        var member = pages.sessions().require(ctx);
        List<GetProfileQuery.BusinessMembership> mine = businesses.mine(member);
        if (mine.size() == 1) {
            WebPages.redirect(ctx, "/dashboard/" + mine.get(0).business().slug().value());
            return;
        }
        pages.render(ctx, "dashboard/select.jte", Map.of("v", pages.visit(ctx), "memberships", mine));
    }
}
