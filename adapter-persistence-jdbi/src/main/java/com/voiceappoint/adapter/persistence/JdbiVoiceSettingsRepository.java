package com.voiceappoint.adapter.persistence;

import static com.voiceappoint.adapter.persistence.PostgresErrors.translate;

import com.voiceappoint.application.port.out.VoiceSettingsRepository;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.voice.FaqEntry;
import com.voiceappoint.domain.voice.VoiceSettings;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

public final class JdbiVoiceSettingsRepository implements VoiceSettingsRepository {
    private static final String NUMBER = "number";
    private static final String LINE_ID = "line_id";

    private final Jdbi jdbi;
    private final ConfigurationCache configuration;

    JdbiVoiceSettingsRepository(Jdbi jdbi, ConfigurationCache configuration) {
        this.jdbi = jdbi;
        this.configuration = configuration;
    }

    @Override
    public Optional<VoiceSettings> find(BusinessId businessId) {
        return configuration.get(businessId, ConfigurationCache.Part.VOICE_SETTINGS, () -> load(businessId));
    }

    private Optional<VoiceSettings> load(BusinessId businessId) {
        return jdbi.withHandle(h -> h.createQuery("select assistant_id, greeting, language, transfer_number, "
                        + "description, faq_questions, faq_answers, platform from voice_settings "
                        + "where business_id = :business")
                .bind("business", businessId.value())
                .map((rs, ctx) -> new VoiceSettings(
                        businessId,
                        lines(h, businessId, NUMBER).stream()
                                .map(PhoneNumber::new)
                                .toList(),
                        lines(h, businessId, LINE_ID),
                        Optional.ofNullable(rs.getString("assistant_id")),
                        Optional.ofNullable(rs.getString("greeting")),
                        Optional.ofNullable(rs.getString("language")).map(code -> Language.parse(code, "language")),
                        Optional.ofNullable(rs.getString("transfer_number")).map(PhoneNumber::new),
                        rs.getString("description"),
                        faq(strings(rs, "faq_questions"), strings(rs, "faq_answers")),
                        rs.getString("platform")))
                .findOne());
    }

    private static String[] strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    private static List<FaqEntry> faq(String[] questions, String[] answers) {
        List<FaqEntry> faq = new ArrayList<>();
        for (int i = 0; i < questions.length; i++) {
            faq.add(new FaqEntry(questions[i], answers[i]));
        }
        return faq;
    }

    private static List<String> lines(Handle h, BusinessId businessId, String kind) {
        return h.createQuery("select value from voice_lines where business_id = :business and kind = :kind "
                        + "order by position")
                .bind("business", businessId.value())
                .bind("kind", kind)
                .mapTo(String.class)
                .list();
    }

    @Override
    public void save(VoiceSettings settings) {
        translate(() -> jdbi.useTransaction(h -> {
            h.createUpdate("insert into voice_settings (business_id, assistant_id, greeting, language, "
                            + "transfer_number, description, faq_questions, faq_answers, platform) values (:business, "
                            + ":assistant, :greeting, :language, :transfer, :description, :questions, :answers, "
                            + ":platform) on conflict (business_id) do update set assistant_id = excluded.assistant_id, "
                            + "greeting = excluded.greeting, language = excluded.language, "
                            + "transfer_number = excluded.transfer_number, description = excluded.description, "
                            + "faq_questions = excluded.faq_questions, faq_answers = excluded.faq_answers, "
                            + "platform = excluded.platform")
                    .bind("business", settings.businessId().value())
                    .bind("assistant", settings.assistantId().orElse(null))
                    .bind("greeting", settings.greeting().orElse(null))
                    .bind("language", settings.language().map(Language::code).orElse(null))
                    .bind(
                            "transfer",
                            settings.transferNumber().map(PhoneNumber::value).orElse(null))
                    .bind("description", settings.description())
                    .bind("platform", settings.platform())
                    .bindArray(
                            "questions",
                            String.class,
                            settings.faq().stream().map(FaqEntry::question).toList())
                    .bindArray(
                            "answers",
                            String.class,
                            settings.faq().stream().map(FaqEntry::answer).toList())
                    .execute();
            h.createUpdate("delete from voice_lines where business_id = :business")
                    .bind("business", settings.businessId().value())
                    .execute();
            List<String[]> lines = new ArrayList<>();
            settings.numbers().forEach(n -> lines.add(new String[] {NUMBER, n.value()}));
            settings.lineIds().forEach(id -> lines.add(new String[] {LINE_ID, id}));
            for (int i = 0; i < lines.size(); i++) {
                h.createUpdate("insert into voice_lines (platform, kind, value, business_id, position) "
                                + "values (:platform, :kind, :value, :business, :position)")
                        .bind("platform", settings.platform())
                        .bind("kind", lines.get(i)[0])
                        .bind("value", lines.get(i)[1])
                        .bind("business", settings.businessId().value())
                        .bind("position", i)
                        .execute();
            }
        }));
        configuration.changed(settings.businessId());
    }

    @Override
    public Optional<BusinessId> findByNumber(String platform, PhoneNumber number) {
        return businessOf(platform, NUMBER, number.value());
    }

    @Override
    public Optional<BusinessId> findByLineId(String platform, String lineId) {
        return businessOf(platform, LINE_ID, lineId);
    }

    private Optional<BusinessId> businessOf(String platform, String kind, String value) {
        return configuration.lookup(
                platform + " " + kind,
                value,
                () -> jdbi.withHandle(h -> h.createQuery("select business_id from voice_lines "
                                + "where platform = :platform and kind = :kind and value = :value")
                        .bind("platform", platform)
                        .bind("kind", kind)
                        .bind("value", value)
                        .map((rs, ctx) -> new BusinessId(Rows.uuid(rs, "business_id")))
                        .findOne()),
                found -> found);
    }
}
