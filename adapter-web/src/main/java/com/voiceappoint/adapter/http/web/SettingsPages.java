package com.voiceappoint.adapter.http.web;

import com.voiceappoint.adapter.http.PhoneNumbers;
import com.voiceappoint.adapter.http.problem.InvalidRequestException;
import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.port.in.BusinessLogoUseCase;
import com.voiceappoint.application.port.in.ManageBusinessesUseCase;
import com.voiceappoint.application.port.in.NotificationsUseCase;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase;
import com.voiceappoint.domain.business.BookingPolicy;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessType;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.notification.Channel;
import com.voiceappoint.domain.notification.MessageKind;
import com.voiceappoint.domain.notification.NotificationSettings;
import com.voiceappoint.domain.notification.QuietHours;
import com.voiceappoint.domain.shared.CountryCode;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.voice.FaqEntry;
import com.voiceappoint.domain.voice.VoiceSettings;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The dashboard's settings: the business itself, its booking policy, its phone set-up and what its clients and staff
 * are sent, each a form of its own under {@code /dashboard/{slug}/settings/}. Everyone in the business reads them;
 * only those the REST API lets change them (owners and admins) get a form they can send. A form sent with something
 * wrong comes back with each field's error and changes nothing.
 */
final class SettingsPages implements PageGroup {
    static final String SECTION = "settings";
    private static final String BASE = "/dashboard/{" + Dashboards.SLUG + "}/settings";
    private static final int MAX_TYPED_NUMBER = 32;
    private static final int MAX_EMAIL = 254;
    /** Empty rows offered below the questions already answered, so one more can be added without JavaScript. */
    private static final int BLANK_FAQ_ROWS = 1;

    /** The zones of the world's regions by their canonical names (not the old aliases: US/Eastern, GB...). */
    private static final List<String> ZONES = zones();

    /** The domain's names of the fields of each form, to the form's. */
    private static final Map<String, String> BUSINESS_FIELDS = Map.of(
            "businessName", "name",
            "name", "name",
            "businessType", "businessType",
            "language", "language",
            "timezone", "timezone",
            "currency", "currency",
            "country", "country");

    private static final Map<String, String> POLICY_FIELDS = Map.of(
            "slotStepMinutes", "slotStepMinutes",
            "minimumNoticeMinutes", "minimumNoticeMinutes",
            "maximumAdvanceDays", "maximumAdvanceDays",
            "cancellationCutoffMinutes", "cancellationCutoffMinutes",
            "holdMinutes", "holdMinutes");

    private static final Map<String, String> VOICE_FIELDS = Map.of(
            "numbers", "numbers",
            "lineIds", "lineIds",
            "assistantId", "assistantId",
            "greeting", "greeting",
            "language", "voiceLanguage",
            "transferNumber", "transferNumber",
            "faq", "faq");

    private static final Map<String, String> NOTIFICATION_FIELDS = Map.of(
            "channels", "channels",
            "reminderLeadMinutes", "reminder0",
            "quietHours", "quietHours",
            "senderName", "senderName",
            "replyTo", "replyTo",
            "phone", "phone",
            "staffEmail", "staffEmail");

    private final WebPages pages;
    private final Dashboards dashboards;
    private final ManageBusinessesUseCase businesses;
    private final VoiceSettingsUseCase voiceSettings;
    private final NotificationsUseCase notifications;
    private final BusinessLogoUseCase logos;

    SettingsPages(
            WebPages pages,
            Dashboards dashboards,
            ManageBusinessesUseCase businesses,
            VoiceSettingsUseCase voiceSettings,
            NotificationsUseCase notifications,
            BusinessLogoUseCase logos) {
        this.pages = pages;
        this.dashboards = dashboards;
        this.businesses = businesses;
        this.voiceSettings = voiceSettings;
        this.notifications = notifications;
        this.logos = logos;
    }

    @Override
    public void addTo(WebPages pages) {
        pages.get(BASE, ctx -> {
            Workplace w = dashboards.open(ctx, SECTION);
            WebPages.redirect(ctx, w.at("settings/business"));
        });
        pages.get(BASE + "/business", ctx -> showBusiness(ctx, open(ctx), null));
        pages.post(BASE + "/business", this::saveBusiness);
        pages.get(BASE + "/policy", ctx -> showPolicy(ctx, open(ctx), null));
        pages.post(BASE + "/policy", this::savePolicy);
        pages.get(BASE + "/voice", ctx -> showVoice(ctx, open(ctx), null));
        pages.post(BASE + "/voice", this::saveVoice);
        pages.get(BASE + "/notifications", ctx -> showNotifications(ctx, open(ctx), null));
        pages.post(BASE + "/notifications", this::saveNotifications);
    }

    private Workplace open(Context ctx) {
        return dashboards.open(ctx, SECTION);
    }

    /** Opens the dashboard for a change of the settings, refused at once to those who may not change them. */
    static Workplace requiring(Dashboards dashboards, Context ctx, Permission permission) {
        Workplace w = dashboards.open(ctx, SECTION);
        if (!w.can(permission)) {
            throw new PageException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
        return w;
    }

    /** What a page can say was just done, after the redirect that follows a change. */
    static final Set<String> NOTICES =
            Set.of("changes", "logo", "logo_removed", "invited", "role", "removed", "cancelled");

    /**
     * After a change: the page again, saying what was done (and a reload does not send the form twice).
     *
     * @param notice one of {@link #NOTICES}
     */
    static void done(Context ctx, Workplace w, String page, String notice) {
        WebPages.redirect(ctx, w.at("settings/" + page) + "?done=" + notice);
    }

    static void saved(Context ctx, Workplace w, String page) {
        done(ctx, w, page, "changes");
    }

    /** What the page says was just done, if anything: only words it has, whatever the address holds. */
    static Optional<String> notice(Context ctx) {
        return Optional.ofNullable(ctx.queryParam("done")).filter(NOTICES::contains);
    }

    private void render(Context ctx, Workplace w, String page, SettingsForm form, Map<String, Object> more) {
        Map<String, Object> parameters = new HashMap<>(more);
        parameters.put("w", w);
        parameters.put("f", form);
        parameters.put("notice", form.hasErrors() ? Optional.empty() : notice(ctx));
        if (form.hasErrors()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        }
        pages.render(ctx, "settings/" + page + ".jte", parameters);
    }

    // --- the business ---

    private void showBusiness(Context ctx, Workplace w, SettingsForm sent) {
        Business b = w.business();
        SettingsForm form = shown(sent, businessAsStored(w));
        render(
                ctx,
                w,
                "business",
                form,
                Map.of(
                        "types",
                        List.of(BusinessType.values()),
                        "zones",
                        zones(),
                        "logoUrl",
                        logos.published(b.slug().value())
                                .map(logo -> LogoPages.url(b.slug().value(), logo))));
    }

    /** The form as sent, with what it did not carry as stored; or as stored, when nothing was sent. */
    private static SettingsForm shown(SettingsForm sent, SettingsForm stored) {
        return sent == null ? stored : sent.fillingIn(stored);
    }

    /** The business page with its fields as stored and one field's error: the logo's, say. */
    void showBusinessRefusing(Context ctx, Workplace w, String field, String messageKey) {
        SettingsForm refused = SettingsForm.showing(Map.of());
        refused.reject(field, messageKey);
        showBusiness(ctx, w, refused);
    }

    private SettingsForm businessAsStored(Workplace w) {
        Business b = w.business();
        return SettingsForm.showing(Map.of(
                "name",
                b.name(),
                "businessType",
                b.type().code(),
                "language",
                b.language().code(),
                "timezone",
                b.zone().getId(),
                "currency",
                b.currency().getCurrencyCode(),
                "country",
                b.country().map(CountryCode::value).orElse(""),
                "address",
                notifications.settings(w.member(), b.id()).address().orElse(""),
                "description",
                voiceSettings.get(w.member(), b.id()).settings().description()));
    }

    private void saveBusiness(Context ctx) {
        Workplace w = requiring(dashboards, ctx, Permission.MANAGE_SETTINGS);
        SettingsForm f = SettingsForm.submitted(ctx);
        Optional<String> name = f.required("name", Business.MAX_NAME_LENGTH);
        Optional<String> type = f.required("businessType", 40);
        Optional<String> language = f.required("language", 10);
        Optional<String> timezone = f.required("timezone", 64);
        Optional<String> currency = f.required("currency", 10).map(c -> c.toUpperCase(Locale.ROOT));
        Optional<String> country = f.optional("country", 10).map(c -> c.toUpperCase(Locale.ROOT));
        Optional<String> address = f.optional("address", NotificationSettings.MAX_ADDRESS_LENGTH);
        Optional<String> description = f.optional("description", VoiceSettings.MAX_DESCRIPTION_LENGTH);
        if (f.hasErrors()) {
            showBusiness(ctx, w, f);
            return;
        }
        // the address and the description live with the messages and the voice set-up; within their lengths,
        // checked above, neither can be refused, so the business's own change decides whether anything changes
        try {
            businesses.update(
                    w.member(),
                    w.business().id(),
                    new ManageBusinessesUseCase.Changes(
                            name,
                            type,
                            language,
                            timezone,
                            currency,
                            country,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty()));
        } catch (DomainException refused) {
            f.refused(refused, BUSINESS_FIELDS);
            showBusiness(ctx, w, f);
            return;
        }
        if (address.isPresent()) {
            notifications.updateSettings(
                    w.member(),
                    w.business().id(),
                    new NotificationsUseCase.SettingsChanges(
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            address.map(SettingsPages::clearedIfEmpty),
                            Optional.empty(),
                            Optional.empty()));
        }
        if (description.isPresent()) {
            voiceSettings.update(
                    w.member(),
                    w.business().id(),
                    new VoiceSettingsUseCase.Changes(
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            description,
                            Optional.empty()));
        }
        saved(ctx, w, "business");
    }

    private static List<String> zones() {
        Set<String> regions = Set.of(
                "Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific");
        List<String> zones = new ArrayList<>(ZoneId.getAvailableZoneIds().stream()
                .filter(id -> id.contains("/") && regions.contains(id.substring(0, id.indexOf('/'))))
                .sorted()
                .toList());
        zones.add("UTC");
        return List.copyOf(zones);
    }

    // --- the booking policy ---

    private void showPolicy(Context ctx, Workplace w, SettingsForm sent) {
        render(ctx, w, "policy", shown(sent, policyAsStored(w)), Map.of());
    }

    private static SettingsForm policyAsStored(Workplace w) {
        BookingPolicy p = w.business().policy();
        return SettingsForm.showing(Map.of(
                "slotStepMinutes", Long.toString(p.slotStep().toMinutes()),
                "minimumNoticeMinutes", Long.toString(p.minimumNotice().toMinutes()),
                "maximumAdvanceDays", Long.toString(p.maximumAdvance().toDays()),
                "cancellationCutoffMinutes",
                        Long.toString(p.cancellationCutoff().toMinutes()),
                "holdMinutes", Long.toString(p.holdDuration().toMinutes())));
    }

    private void savePolicy(Context ctx) {
        Workplace w = requiring(dashboards, ctx, Permission.MANAGE_SETTINGS);
        SettingsForm f = SettingsForm.submitted(ctx);
        // the booking policy's own bounds, told before anything is tried
        Optional<Integer> step = f.wholeNumber("slotStepMinutes", 5, 240);
        Optional<Integer> notice = f.wholeNumber("minimumNoticeMinutes", 0, 30 * 24 * 60);
        Optional<Integer> advance = f.wholeNumber("maximumAdvanceDays", 1, 730);
        Optional<Integer> cutoff = f.wholeNumber("cancellationCutoffMinutes", 0, 30 * 24 * 60);
        Optional<Integer> hold = f.wholeNumber("holdMinutes", 1, 30);
        if (!f.hasErrors()) {
            try {
                businesses.update(
                        w.member(),
                        w.business().id(),
                        new ManageBusinessesUseCase.Changes(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                step,
                                notice,
                                advance,
                                cutoff,
                                hold));
                saved(ctx, w, "policy");
                return;
            } catch (DomainException refused) {
                f.refused(refused, POLICY_FIELDS);
            }
        }
        showPolicy(ctx, w, f);
    }

    // --- the phone ---

    private void showVoice(Context ctx, Workplace w, SettingsForm sent) {
        SettingsForm form = shown(sent, voiceAsStored(w));
        List<String> questions = new ArrayList<>(form.values("faqQuestion"));
        List<String> answers = new ArrayList<>(form.values("faqAnswer"));
        for (int i = 0; i < BLANK_FAQ_ROWS && questions.size() < VoiceSettings.MAX_FAQ_ENTRIES; i++) {
            questions.add("");
            answers.add("");
        }
        while (answers.size() < questions.size()) {
            answers.add("");
        }
        render(ctx, w, "voice", form, Map.of("questions", questions, "answers", answers));
    }

    private SettingsForm voiceAsStored(Workplace w) {
        VoiceSettingsUseCase.VoiceConfiguration voice =
                voiceSettings.get(w.member(), w.business().id());
        VoiceSettings s = voice.settings();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("enabled", voice.enabled() ? "on" : "");
        values.put("numbers", s.numbers().stream().map(PhoneNumber::value).collect(Collectors.joining("\n")));
        values.put("lineIds", String.join("\n", s.lineIds()));
        values.put("assistantId", s.assistantId().orElse(""));
        values.put("greeting", s.greeting().orElse(""));
        values.put("voiceLanguage", s.language().map(Language::code).orElse(""));
        values.put("transferNumber", s.transferNumber().map(PhoneNumber::value).orElse(""));
        return SettingsForm.showing(
                values,
                Map.of(
                        "faqQuestion", s.faq().stream().map(FaqEntry::question).toList(),
                        "faqAnswer", s.faq().stream().map(FaqEntry::answer).toList()));
    }

    private void saveVoice(Context ctx) {
        Workplace w = requiring(dashboards, ctx, Permission.MANAGE_SETTINGS);
        Business business = w.business();
        SettingsForm f = SettingsForm.submitted(ctx);
        boolean enabled = f.sent("enabled").isPresent();
        f.keep("enabled", enabled ? "on" : ""); // an unticked box is not sent, and must not show as stored
        Optional<List<String>> numbers = f.optional("numbers", 1000)
                .map(typed -> lines(typed).stream()
                        .map(n -> phone(f, "numbers", n, business))
                        .flatMap(Optional::stream)
                        .toList());
        Optional<List<String>> lineIds = f.optional("lineIds", 2000).map(SettingsPages::lines);
        Optional<String> assistant = f.optional("assistantId", VoiceSettings.MAX_ID_LENGTH);
        Optional<String> greeting = f.optional("greeting", VoiceSettings.MAX_GREETING_LENGTH);
        Optional<String> language = f.optional("voiceLanguage", 10);
        Optional<String> transfer = f.optional("transferNumber", MAX_TYPED_NUMBER);
        Optional<String> transferNumber = transfer.flatMap(n -> phone(f, "transferNumber", n, business));
        List<FaqEntry> faq = faq(f);
        if (numbers.isPresent() && numbers.get().size() > VoiceSettings.MAX_LINES) {
            f.reject("numbers", "settings.voice.too_many_lines");
        }
        if (!f.hasErrors()) {
            try {
                voiceSettings.update(
                        w.member(),
                        business.id(),
                        new VoiceSettingsUseCase.Changes(
                                Optional.of(enabled),
                                numbers,
                                lineIds,
                                assistant.map(SettingsPages::clearedIfEmpty),
                                greeting.map(SettingsPages::clearedIfEmpty),
                                language.map(SettingsPages::clearedIfEmpty),
                                transfer.map(typed -> transferNumber),
                                Optional.empty(),
                                Optional.of(faq)));
                saved(ctx, w, "voice");
                return;
            } catch (DuplicateKeyException taken) {
                f.reject("numbers", "settings.error.number_in_use");
            } catch (DomainException refused) {
                f.refused(refused, VOICE_FIELDS);
            }
        }
        showVoice(ctx, w, f);
    }

    /** The questions and answers as rows; a row left empty is dropped, one half-filled is an error. */
    private static List<FaqEntry> faq(SettingsForm f) {
        List<String> questions = f.sentRows("faqQuestion");
        List<String> answers = f.sentRows("faqAnswer");
        List<FaqEntry> faq = new ArrayList<>();
        for (int i = 0; i < Math.max(questions.size(), answers.size()); i++) {
            String question = i < questions.size() ? questions.get(i) : "";
            String answer = i < answers.size() ? answers.get(i) : "";
            if (question.isEmpty() && answer.isEmpty()) {
                continue;
            }
            if (question.isEmpty() || answer.isEmpty()) {
                f.reject("faq", "settings.voice.faq_incomplete");
            } else if (question.length() > 200 || answer.length() > 1000) {
                f.reject("faq", "settings.voice.faq_too_long");
            } else {
                faq.add(new FaqEntry(question, answer));
            }
        }
        if (faq.size() > VoiceSettings.MAX_FAQ_ENTRIES) {
            f.reject("faq", "settings.voice.faq_too_many");
        }
        return faq;
    }

    // --- messages ---

    private void showNotifications(Context ctx, Workplace w, SettingsForm sent) {
        render(ctx, w, "notifications", shown(sent, notificationsAsStored(w)), Map.of("kinds", channelChoices()));
    }

    private SettingsForm notificationsAsStored(Workplace w) {
        NotificationSettings s = notifications.settings(w.member(), w.business().id());
        Map<String, String> values = new LinkedHashMap<>();
        List<Duration> leads = s.reminderLeads();
        for (int i = 0; i < NotificationSettings.MAX_REMINDERS; i++) {
            values.put(
                    "reminder" + i,
                    i < leads.size() ? Long.toString(leads.get(i).toMinutes()) : "");
        }
        values.put("quietFrom", s.quietHours().map(q -> q.from().toString()).orElse(""));
        values.put("quietUntil", s.quietHours().map(q -> q.until().toString()).orElse(""));
        values.put("senderName", s.senderName().orElse(""));
        values.put("replyTo", s.replyTo().map(Object::toString).orElse(""));
        values.put("phone", s.phone().map(PhoneNumber::value).orElse(""));
        values.put("staffEmail", s.staffEmail().map(Object::toString).orElse(""));
        Map<String, List<String>> channels = new LinkedHashMap<>();
        s.channels()
                .forEach((kind, on) -> channels.put(
                        channelField(kind), on.stream().map(Channel::code).toList()));
        return SettingsForm.showing(values, channels);
    }

    private void saveNotifications(Context ctx) {
        Workplace w = requiring(dashboards, ctx, Permission.MANAGE_SETTINGS);
        Business business = w.business();
        SettingsForm f = SettingsForm.submitted(ctx);
        Map<MessageKind, Set<Channel>> channels = new EnumMap<>(MessageKind.class);
        channelChoices().forEach((kind, offered) -> {
            Set<Channel> on = EnumSet.noneOf(Channel.class);
            for (String code : f.sentAll(channelField(kind))) {
                offered.stream()
                        .filter(channel -> channel.code().equals(code))
                        .findFirst()
                        .ifPresentOrElse(on::add, () -> f.reject("channels", "settings.error.invalid"));
            }
            channels.put(kind, on);
        });
        List<Integer> leads = new ArrayList<>();
        for (int i = 0; i < NotificationSettings.MAX_REMINDERS; i++) {
            String field = "reminder" + i;
            if (f.sent(field).filter(v -> !v.isEmpty()).isPresent()) {
                f.wholeNumber(field, 15, 14 * 24 * 60).ifPresent(leads::add);
            }
        }
        if (leads.stream().distinct().count() != leads.size()) {
            f.reject("reminder0", "settings.notifications.reminders_differ");
        }
        Optional<Optional<QuietHours>> quiet = quietHours(f);
        Optional<String> sender = f.optional("senderName", NotificationSettings.MAX_SENDER_NAME_LENGTH);
        Optional<String> replyTo = f.optional("replyTo", MAX_EMAIL);
        Optional<String> phone = f.optional("phone", MAX_TYPED_NUMBER);
        Optional<PhoneNumber> number =
                phone.flatMap(n -> phone(f, "phone", n, business)).map(PhoneNumber::new);
        Optional<String> staffEmail = f.optional("staffEmail", MAX_EMAIL);
        if (!f.hasErrors()) {
            try {
                notifications.updateSettings(
                        w.member(),
                        business.id(),
                        new NotificationsUseCase.SettingsChanges(
                                Optional.of(channels),
                                Optional.of(leads),
                                quiet,
                                sender.map(SettingsPages::clearedIfEmpty),
                                replyTo.map(SettingsPages::clearedIfEmpty),
                                Optional.empty(),
                                phone.map(typed -> number),
                                staffEmail.map(SettingsPages::clearedIfEmpty)));
                saved(ctx, w, "notifications");
                return;
            } catch (DomainException refused) {
                f.refused(refused, NOTIFICATION_FIELDS);
            }
        }
        showNotifications(ctx, w, f);
    }

    /**
     * Which channels the form offers for each message: staff alerts by e-mail, only reminders by phone call. The
     * payment messages are not offered: they always go (the page says so under the table).
     */
    static Map<MessageKind, List<Channel>> channelChoices() {
        Map<MessageKind, List<Channel>> choices = new EnumMap<>(MessageKind.class);
        for (MessageKind kind : MessageKind.values()) {
            if (!kind.configurable()) {
                continue;
            }
            if (kind.forStaff()) {
                choices.put(kind, List.of(Channel.EMAIL));
            } else if (kind == MessageKind.REMINDER) {
                choices.put(kind, List.of(Channel.EMAIL, Channel.SMS, Channel.CALL));
            } else {
                choices.put(kind, List.of(Channel.EMAIL, Channel.SMS));
            }
        }
        return choices;
    }

    /** The name of a message's checkboxes, as notifications.jte writes it. */
    static String channelField(MessageKind kind) {
        return "channel-" + kind.code();
    }

    /** Both times, or neither (texts at any hour); not sent at all, unchanged. */
    private static Optional<Optional<QuietHours>> quietHours(SettingsForm f) {
        Optional<String> from = f.sent("quietFrom");
        Optional<String> until = f.sent("quietUntil");
        if (from.isEmpty() && until.isEmpty()) {
            return Optional.empty();
        }
        String start = from.orElse("");
        String end = until.orElse("");
        if (start.isEmpty() && end.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        try {
            return Optional.of(Optional.of(new QuietHours(LocalTime.parse(start), LocalTime.parse(end))));
        } catch (DateTimeParseException | DomainException notHours) {
            f.reject("quietHours", "settings.notifications.quiet_invalid");
            return Optional.empty();
        }
    }

    // --- shared ---

    /** A number as typed, in E.164, or an error on the field. */
    private static Optional<String> phone(SettingsForm f, String field, String typed, Business business) {
        try {
            return PhoneNumbers.e164(field, typed, business);
        } catch (InvalidRequestException notANumber) {
            f.reject(field, "settings.error.phone");
            return Optional.empty();
        }
    }

    private static List<String> lines(String typed) {
        return typed.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static Optional<String> clearedIfEmpty(String value) {
        return Optional.of(value).filter(v -> !v.isEmpty());
    }
}
