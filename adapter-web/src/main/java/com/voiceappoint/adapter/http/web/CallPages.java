package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.CallLogUseCase;
import com.voiceappoint.application.port.in.Page;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.voice.VoiceCall;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;

/**
 * The calls the voice assistant answered for a business: the log, and each call with its transcript, its recording
 * and the appointments it made, for those who look after clients (the REST API's rule for transcripts).
 */
public final class CallPages implements PageGroup {
    private final WebPages pages;
    private final Dashboards dashboards;
    private final CallLogUseCase callLog;

    CallPages(WebPages pages, Dashboards dashboards, CallLogUseCase callLog) {
        this.pages = pages;
        this.dashboards = dashboards;
        this.callLog = callLog;
    }

    @Override
    public void addTo(WebPages pages) {
        pages.get("/dashboard/{slug}/calls", this::list);
        pages.get("/dashboard/{slug}/calls/{call}", this::show);
    }

    /**
     * A call as a row of the log or the head of its page.
     *
     * @param outcome how it ended, in words when we know the platform's reason, else as the platform put it
     * @param kind inbound, outbound or on the web, in words likewise
     * @param booked the appointments it booked; empty for a member who may not read calls in full
     */
    public record CallLine(VoiceCall call, String outcome, String kind, List<AppointmentDetails> booked) {
        static CallLine of(Visit v, VoiceCall call, List<AppointmentDetails> booked) {
            return new CallLine(
                    call,
                    call.endedReason()
                            .or(call::status)
                            .map(said -> reason(v, said))
                            .orElse(""),
                    call.type().map(said -> words(v, "calls.type.", said)).orElse(""),
                    booked);
        }
    }

    private void list(Context ctx) {
        Workplace w = dashboards.open(ctx, "calls");
        Page<VoiceCall> page = callLog.calls(w.member(), w.business().id(), Listings.request(ctx, Listings.AFTER));
        boolean readsCalls = w.can(Permission.MANAGE_CLIENTS);
        List<CallLine> lines = page.items().stream()
                .map(call -> CallLine.of(
                        w.v(), call, readsCalls ? booked(callLog.transcript(w.member(), call.callId())) : List.of()))
                .toList();
        pages.render(
                ctx,
                "calls/list.jte",
                Map.of(
                        "w",
                        w,
                        "f",
                        Formats.of(w),
                        "lines",
                        lines,
                        "readsCalls",
                        readsCalls,
                        "next",
                        Listings.next(w.at("calls"), Map.of(), page, Listings.AFTER)
                                .orElse("")));
    }

    private void show(Context ctx) {
        Workplace w = dashboards.open(ctx, "calls");
        String id = ctx.pathParam("call");
        if (id.length() > VoiceCall.MAX_ID_LENGTH) {
            throw PageException.notFound();
        }
        CallLogUseCase.CallRecord record = callLog.transcript(w.member(), id);
        if (!record.call().businessId().equals(w.business().id())) {
            throw PageException.notFound();
        }
        pages.render(
                ctx,
                "calls/call.jte",
                Map.of(
                        "w", w,
                        "f", Formats.of(w),
                        "line", CallLine.of(w.v(), record.call(), record.appointments()),
                        "recording", recording(record.call()).orElse("")));
    }

    /** The appointments a call booked: a time it only held and let go booked nothing. */
    private static List<AppointmentDetails> booked(CallLogUseCase.CallRecord record) {
        return record.appointments().stream()
                .filter(a -> a.appointment().status().wasBooked())
                .toList();
    }

    /** The platform's word for how a call ended or stands, in the page's words when we know it. */
    static String reason(Visit v, String said) {
        return words(v, "calls.outcome.", said);
    }

    private static String words(Visit v, String prefix, String said) {
        try {
            return v.texts().lookup(prefix + said.toLowerCase(Locale.ROOT));
        } catch (MissingResourceException notOneWeName) {
            return said;
        }
    }

    /**
     * The recording's address, only when it is a plain https one: it comes from the voice platform's reports, and a
     * link on our page must never run a script or reach into our own site.
     */
    static Optional<String> recording(VoiceCall call) {
        return call.recordingUrl().filter(url -> {
            try {
                URI uri = new URI(url);
                return "https".equals(uri.getScheme())
                        && uri.getHost() != null
                        && !uri.getHost().isBlank()
                        && uri.getUserInfo() == null;
            } catch (URISyntaxException notAnAddress) {
                return false;
            }
        });
    }
}
