package com.voiceappoint.adapter.http.web;

import com.voiceappoint.domain.business.Permission;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What a dashboard write checks before reading its form: the role may do it, the path names a real id. */
final class Guards {
    private Guards() {}

    /**
     * Refuses with a 403 page what the page never offered this role: the use case would refuse it too, but a forged
     * form is then not even read.
     */
    static void require(Workplace w, Permission permission) {
        if (!w.can(permission)) {
            throw forbidden();
        }
    }

    static PageException forbidden() {
        return new PageException(HttpStatus.FORBIDDEN, "error.forbidden");
    }

    /** The id in the path; anything that is not one names nothing, so is not found. */
    static UUID id(Context ctx, String name) {
        try {
            return UUID.fromString(ctx.pathParam(name));
        } catch (IllegalArgumentException e) {
            throw PageException.notFound();
        }
    }

    /** The date in the path ({@code 2026-12-08}); anything else names no day, so is not found. */
    static LocalDate date(Context ctx, String name) {
        return Dates.date(ctx.pathParam(name)).orElseThrow(PageException::notFound);
    }

    /** The message key of what the last form did, named in the redirect after it ({@code ?done=hours_saved}). */
    static String done(Context ctx, Set<String> known) {
        return doneOf(ctx, known).map(done -> "setup.done." + done).orElse("");
    }

    /**
     * What the last form did, if the page knows it: anything else in the address (typed or forged) has no words, so
     * says nothing.
     */
    static Optional<String> doneOf(Context ctx, Set<String> known) {
        return Optional.ofNullable(ctx.queryParam("done")).filter(known::contains);
    }
}
