package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.port.in.BusinessLogoUseCase;
import com.voiceappoint.domain.business.Logo;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.shared.DomainException;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * A business's logo: uploaded and removed from the business's settings, and served to anyone at {@value #PATH}
 * (the public page shows it there too) with the type its bytes were found to be, never one a browser guesses.
 */
final class LogoPages implements PageGroup {
    static final String PATH = "/logos/{" + Dashboards.SLUG + "}";
    static final String UPLOAD = "/dashboard/{" + Dashboards.SLUG + "}/settings/logo";
    static final String FIELD = "logo";
    /**
     * The most an upload is read to: the largest logo and the rest of the form around it. Anything larger is refused
     * before it is read, whatever the server's limit for other requests.
     */
    static final long MAX_UPLOAD_BYTES = Logo.MAX_BYTES + 16 * 1024;
    /**
     * How much of a refused upload is read and dropped before the page refusing it is sent: nginx passes at most
     * 2 MB. A server that answers while the browser is still sending closes a connection with bytes unread, and the
     * browser may then lose the answer to a reset instead of showing it.
     */
    private static final long DRAINED_AT_MOST = 4L * 1024 * 1024;
    /**
     * A logo may change at any time, and its address does not: browsers keep it a few minutes, then ask again with
     * its ETag, which costs one short answer when it has not changed.
     */
    private static final String CACHE_CONTROL = "public, max-age=300";

    private final Dashboards dashboards;
    private final SettingsPages settings;
    private final BusinessLogoUseCase logos;

    LogoPages(Dashboards dashboards, SettingsPages settings, BusinessLogoUseCase logos) {
        this.dashboards = dashboards;
        this.settings = settings;
        this.logos = logos;
    }

    /** The address of a business's logo, changing with the image, so a page shows a new one at once. */
    static String url(String slug, Logo logo) {
        return "/logos/" + slug + "?v=" + logo.digest().substring(0, 12);
    }

    void configure(JavalinConfig config) {
        // forms with files are only the logo's: kept in memory (nothing on disk) up to what an upload may be
        config.jetty.multipartConfig.maxFileSize(MAX_UPLOAD_BYTES, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(MAX_UPLOAD_BYTES, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize((int) MAX_UPLOAD_BYTES, SizeUnit.BYTES);
        // before the CSRF check, which reads the form: an upload too large to read is refused as such
        config.routes.before(UPLOAD, this::screen);
    }

    @Override
    public void addTo(WebPages pages) {
        pages.get(PATH, this::serve);
        pages.post(UPLOAD, this::upload);
        pages.post(UPLOAD + "/remove", this::remove);
    }

    /**
     * Reads the form before anything else does (the CSRF check reads it too), so that an upload too large to read is
     * answered as such: by the business page again, with the logo's error, and 413.
     */
    private void screen(Context ctx) {
        if (!"POST".equals(ctx.method().name())) {
            return;
        }
        if (ctx.req().getContentLengthLong() > MAX_UPLOAD_BYTES) {
            refuseTooLarge(ctx);
            return;
        }
        if (!ctx.isMultipartFormData()) {
            throw new PageException(HttpStatus.BAD_REQUEST, "error.bad_request");
        }
        try {
            ctx.uploadedFiles();
        } catch (Exception unread) { // the servlet's checked exception, thrown through Kotlin
            // sent without a length first: the limits above stop it as it is read
            if (!exceededLimit(unread)) {
                throw new PageException(HttpStatus.BAD_REQUEST, "error.bad_request");
            }
            refuseTooLarge(ctx);
        }
    }

    /** Nothing of it is kept, and nothing changes: the page says why, to those who may upload at all. */
    private void refuseTooLarge(Context ctx) {
        drain(ctx);
        Workplace w = SettingsPages.requiring(dashboards, ctx, Permission.MANAGE_SETTINGS);
        settings.showBusinessRefusing(ctx, w, FIELD, "settings.logo.too_large");
        ctx.status(HttpStatus.CONTENT_TOO_LARGE).skipRemainingHandlers();
    }

    private static void drain(Context ctx) {
        byte[] dropped = new byte[16 * 1024];
        long left = DRAINED_AT_MOST;
        try {
            InputStream rest = ctx.req().getInputStream();
            int n;
            while (left > 0 && (n = rest.read(dropped, 0, (int) Math.min(dropped.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException | RuntimeException alreadyRead) {
            // the form parser read it (or gave up on it): there is nothing left to drop
        }
    }

    /** Whether Jetty stopped reading the form at the limits above (it says so only in a message). */
    private static boolean exceededLimit(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalStateException
                    && String.valueOf(cause.getMessage()).contains("exceeded")) {
                return true;
            }
        }
        return false;
    }

    private void upload(Context ctx) throws IOException {
        Workplace w = SettingsPages.requiring(dashboards, ctx, Permission.MANAGE_SETTINGS);
        UploadedFile file = ctx.uploadedFile(FIELD);
        if (file == null || file.size() == 0) {
            settings.showBusinessRefusing(ctx, w, FIELD, "settings.logo.missing");
            return;
        }
        byte[] image;
        try (InputStream in = file.content()) {
            image = in.readNBytes(Logo.MAX_BYTES + 1);
        }
        if (image.length > Logo.MAX_BYTES) {
            settings.showBusinessRefusing(ctx, w, FIELD, "settings.logo.too_large");
            return;
        }
        try {
            logos.upload(w.member(), w.business().id(), image);
        } catch (DomainException refused) {
            SettingsForm.rethrowUnlessAboutTheForm(refused);
            settings.showBusinessRefusing(ctx, w, FIELD, "settings.logo.not_an_image");
            return;
        }
        SettingsPages.done(ctx, w, "business", "logo");
    }

    private void remove(Context ctx) {
        Workplace w = SettingsPages.requiring(dashboards, ctx, Permission.MANAGE_SETTINGS);
        logos.remove(w.member(), w.business().id());
        SettingsPages.done(ctx, w, "business", "logo_removed");
    }

    private void serve(Context ctx) {
        Logo logo = logos.published(ctx.pathParam(Dashboards.SLUG)).orElseThrow(PageException::notFound);
        String etag = "\"" + logo.digest() + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", CACHE_CONTROL);
        ctx.header("X-Content-Type-Options", "nosniff");
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        // the type found in its bytes, without the charset every page's answer starts with: an image has none
        ctx.res().setCharacterEncoding(null);
        ctx.contentType(logo.mediaType()).result(logo.bytes());
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        return Optional.ofNullable(ifNoneMatch).stream()
                .flatMap(header -> Arrays.stream(header.split(",")))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals(etag) || tag.equals("*"));
    }
}
