package com.voiceappoint.adapter.persistence;

import static com.voiceappoint.adapter.persistence.Rows.instant;
import static com.voiceappoint.adapter.persistence.Rows.optionalString;
import static com.voiceappoint.adapter.persistence.Rows.timestamp;
import static com.voiceappoint.adapter.persistence.Rows.uuid;

import com.voiceappoint.application.port.out.NotificationStore;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.notification.Channel;
import com.voiceappoint.domain.notification.DeliveryStatus;
import com.voiceappoint.domain.notification.MessageKind;
import com.voiceappoint.domain.notification.Notification;
import com.voiceappoint.domain.notification.NotificationId;
import com.voiceappoint.domain.notification.NotificationPlan;
import com.voiceappoint.domain.notification.NotificationSettings;
import com.voiceappoint.domain.notification.QuietHours;
import com.voiceappoint.domain.notification.TextReply;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The delivery log in {@code notifications}, and each queued message's job in db-scheduler's {@code scheduled_tasks},
 * written by the transaction that planned it: the job exists exactly when the booking that called for it committed.
 */
public final class JdbiNotificationStore implements NotificationStore {
    /**
     * The db-scheduler task that sends an appointment's messages due at one time; its instance id is {@code <business
     * id>/<appointment id>/<due time in microseconds since the epoch>}: a booking's confirmations and alert are one job.
     */
    public static final String TASK = "notification";

    /** A job's instance id, in SQL, for a row with {@code due_at} of this appointment. */
    private static final String JOB = "cast(:business as text) || '/' || cast(:appointment as text) || '/' "
            + "|| cast(extract(epoch from due_at) * 1000000 as bigint)";

    private static final String COLUMNS = "business_id, id, appointment_id, kind, channel, occasion, due_at, status, "
            + "detail, recipient, attempts, created_at, updated_at";

    private static final String REPLY_COLUMNS =
            "business_id, provider_id, appointment_id, sender, body, outcome, received_at";

    private final Jdbi jdbi;
    private final ConfigurationCache configuration;

    JdbiNotificationStore(Jdbi jdbi, ConfigurationCache configuration) {
        this.jdbi = jdbi;
        this.configuration = configuration;
    }

    @Override
    public NotificationSettings settings(BusinessId businessId) {
        // read by every booking that is news, changed by an owner now and then: kept in memory like the rest of a
        // business's configuration, and forgotten when PostgreSQL says it changed
        return configuration.get(businessId, ConfigurationCache.Part.NOTIFICATION_SETTINGS, () -> load(businessId));
    }

    private NotificationSettings load(BusinessId businessId) {
        return jdbi.withHandle(h -> h.createQuery("select channels, reminder_lead_minutes, quiet_from, quiet_until, "
                                + "sender_name, reply_to, address, phone, staff_email from notification_settings "
                                + "where business_id = :business")
                        .bind("business", businessId.value())
                        .map((rs, ctx) -> settings(rs))
                        .findOne())
                .orElse(NotificationSettings.DEFAULT);
    }

    private static NotificationSettings settings(ResultSet rs) throws SQLException {
        Map<MessageKind, Set<Channel>> channels = new EnumMap<>(MessageKind.class);
        for (String pair : (String[]) rs.getArray("channels").getArray()) {
            String[] parts = pair.split(":", 2);
            channels.computeIfAbsent(MessageKind.parse(parts[0], "channels"), kind -> EnumSet.noneOf(Channel.class))
                    .add(Channel.parse(parts[1], "channels"));
        }
        Array leads = rs.getArray("reminder_lead_minutes");
        LocalTime quietFrom = rs.getObject("quiet_from", LocalTime.class);
        LocalTime quietUntil = rs.getObject("quiet_until", LocalTime.class);
        return new NotificationSettings(
                channels,
                Arrays.stream((Integer[]) leads.getArray())
                        .map(minutes -> Duration.ofMinutes(minutes))
                        .toList(),
                quietFrom == null ? Optional.empty() : Optional.of(new QuietHours(quietFrom, quietUntil)),
                optionalString(rs, "sender_name"),
                optionalString(rs, "reply_to").map(EmailAddress::new),
                optionalString(rs, "address"),
                optionalString(rs, "phone").map(PhoneNumber::new),
                optionalString(rs, "staff_email").map(EmailAddress::new));
    }

    @Override
    public void saveSettings(BusinessId businessId, NotificationSettings settings) {
        List<String> channels = new ArrayList<>();
        settings.channels()
                .forEach((kind, on) ->
                        on.stream().sorted().forEach(channel -> channels.add(kind.code() + ":" + channel.code())));
        jdbi.useHandle(h -> h.createUpdate("insert into notification_settings (business_id, channels, "
                        + "reminder_lead_minutes, quiet_from, quiet_until, sender_name, reply_to, address, phone, "
                        + "staff_email, updated_at) values (:business, :channels, :leads, :quietFrom, :quietUntil, "
                        + ":sender, :replyTo, :address, :phone, :staff, now()) on conflict (business_id) do update set "
                        + "channels = excluded.channels, reminder_lead_minutes = excluded.reminder_lead_minutes, "
                        + "quiet_from = excluded.quiet_from, quiet_until = excluded.quiet_until, "
                        + "sender_name = excluded.sender_name, reply_to = excluded.reply_to, "
                        + "address = excluded.address, phone = excluded.phone, staff_email = excluded.staff_email, "
                        + "updated_at = now()")
                .bind("business", businessId.value())
                .bindArray("channels", String.class, channels)
                .bindArray(
                        "leads",
                        Integer.class,
                        settings.reminderLeads().stream()
                                .map(lead -> (int) lead.toMinutes())
                                .toList())
                .bind("quietFrom", settings.quietHours().map(QuietHours::from).orElse(null))
                .bind("quietUntil", settings.quietHours().map(QuietHours::until).orElse(null))
                .bind("sender", settings.senderName().orElse(null))
                .bind("replyTo", settings.replyTo().map(EmailAddress::value).orElse(null))
                .bind("address", settings.address().orElse(null))
                .bind("phone", settings.phone().map(PhoneNumber::value).orElse(null))
                .bind("staff", settings.staffEmail().map(EmailAddress::value).orElse(null))
                .execute());
    }

    @Override
    public void apply(BusinessId businessId, AppointmentId appointmentId, NotificationPlan plan) {
        jdbi.useHandle(h -> {
            if (plan.withdrawReminders()) {
                // a job already picked runs, finds its message skipped, and sends nothing
                // and the jobs of their times go, unless another message is due then
                h.createUpdate("with withdrawn as (update notifications set status = 'skipped', "
                                + "detail = 'withdrawn: the appointment moved, was cancelled or is over', "
                                + "updated_at = now() where business_id = :business and appointment_id = :appointment "
                                + "and kind = 'reminder' and status = 'queued' returning id, due_at) "
                                + "delete from scheduled_tasks where task_name = :task and not picked and task_instance "
                                + "in (select " + JOB
                                + " from withdrawn w where not exists (select 1 from notifications "
                                + "n where n.business_id = :business and n.appointment_id = :appointment "
                                + "and n.due_at = w.due_at and n.status = 'queued' and n.id not in (select id from "
                                + "withdrawn)))")
                        .bind("business", businessId.value())
                        .bind("appointment", appointmentId.value())
                        .bind("task", TASK)
                        .execute();
            }
            if (plan.queued().isEmpty()) {
                return;
            }
            List<Notification> queued = plan.queued();
            h.createUpdate("with planned as (insert into notifications (business_id, id, appointment_id, kind, "
                            + "channel, occasion, due_at, status, created_at, updated_at) select :business, p.id, "
                            + ":appointment, p.kind, p.channel, p.occasion, p.due_at, 'queued', :now, :now "
                            + "from unnest(cast(:ids as uuid[]), cast(:kinds as text[]), cast(:channels as text[]), "
                            + "cast(:occasions as text[]), cast(:dues as timestamptz[])) "
                            + "as p(id, kind, channel, occasion, due_at) "
                            + "on conflict on constraint notifications_send_key do nothing "
                            + "returning due_at) "
                            + "insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version) "
                            + "select distinct :task, " + JOB + ", due_at, false, 1 from planned "
                            + "on conflict (task_name, task_instance) do nothing")
                    .bind("business", businessId.value())
                    .bind("appointment", appointmentId.value())
                    .bind("now", timestamp(queued.get(0).createdAt()))
                    .bind("task", TASK)
                    .bindArray(
                            "ids",
                            UUID.class,
                            queued.stream().map(n -> n.id().value()).toList())
                    .bindArray(
                            "kinds",
                            String.class,
                            queued.stream().map(n -> n.kind().code()).toList())
                    .bindArray(
                            "channels",
                            String.class,
                            queued.stream().map(n -> n.channel().code()).toList())
                    .bindArray(
                            "occasions",
                            String.class,
                            queued.stream().map(Notification::occasion).toList())
                    .bindArray(
                            "dues",
                            String.class,
                            queued.stream().map(n -> n.dueAt().toString()).toList())
                    .execute();
        });
    }

    @Override
    public Optional<Notification> find(BusinessId businessId, NotificationId id) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select " + COLUMNS + " from notifications where business_id = :business and id = :id")
                .bind("business", businessId.value())
                .bind("id", id.value())
                .map((rs, ctx) -> notification(rs))
                .findOne());
    }

    @Override
    public List<Notification> due(BusinessId businessId, AppointmentId appointmentId, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from notifications "
                        + "where business_id = :business and appointment_id = :appointment "
                        + "and status in ('queued', 'sending') and due_at <= :now order by due_at, id")
                .bind("business", businessId.value())
                .bind("appointment", appointmentId.value())
                .bind("now", timestamp(now))
                .map((rs, ctx) -> notification(rs))
                .list());
    }

    @Override
    public Optional<Notification> claim(BusinessId businessId, NotificationId id, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("update notifications set status = 'sending', "
                        + "attempts = attempts + 1, updated_at = :now where business_id = :business and id = :id "
                        + "and status = 'queued' returning " + COLUMNS)
                .bind("business", businessId.value())
                .bind("id", id.value())
                .bind("now", timestamp(now))
                .map((rs, ctx) -> notification(rs))
                .findOne());
    }

    @Override
    public void finish(
            BusinessId businessId,
            NotificationId id,
            DeliveryStatus status,
            Optional<String> detail,
            Optional<String> recipient,
            Instant now) {
        jdbi.useHandle(h -> h.createUpdate("update notifications set status = :status, detail = :detail, "
                        + "recipient = coalesce(:recipient, recipient), updated_at = :now "
                        + "where business_id = :business and id = :id")
                .bind("business", businessId.value())
                .bind("id", id.value())
                .bind("status", status.code())
                .bind("detail", detail.orElse(null))
                .bind("recipient", recipient.orElse(null))
                .bind("now", timestamp(now))
                .execute());
    }

    @Override
    public void requeue(BusinessId businessId, NotificationId id, Instant dueAt, String detail, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("update notifications set status = 'queued', due_at = :due, "
                        + "detail = :detail, updated_at = :now where business_id = :business and id = :id "
                        + "and status = 'sending'")
                .bind("business", businessId.value())
                .bind("id", id.value())
                .bind("due", timestamp(dueAt))
                .bind("detail", detail)
                .bind("now", timestamp(now))
                .execute());
    }

    @Override
    public List<Notification> list(
            BusinessId businessId, Optional<AppointmentId> appointmentId, Optional<LogCursor> after, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from notifications "
                        + "where business_id = :business "
                        + "and (cast(:appointment as uuid) is null or appointment_id = :appointment) "
                        + "and (cast(:afterAt as timestamptz) is null or (created_at, id) < (cast(:afterAt as timestamptz), cast(:afterId as uuid))) "
                        + "order by created_at desc, id desc limit :limit")
                .bind("business", businessId.value())
                .bind("appointment", appointmentId.map(AppointmentId::value).orElse(null))
                .bind(
                        "afterAt",
                        after.map(cursor -> timestamp(cursor.createdAt())).orElse(null))
                .bind("afterId", after.map(cursor -> cursor.id().value()).orElse(null))
                .bind("limit", limit)
                .map((rs, ctx) -> notification(rs))
                .list());
    }

    @Override
    public void textSent(
            BusinessId businessId,
            NotificationId id,
            String reference,
            String masked,
            PhoneNumber to,
            Optional<String> line,
            Instant now) {
        jdbi.useHandle(h -> h.createUpdate("update notifications set status = 'sent', detail = :detail, "
                        + "recipient = :recipient, sent_to = :to, sent_from = :line, updated_at = :now "
                        + "where business_id = :business and id = :id")
                .bind("business", businessId.value())
                .bind("id", id.value())
                .bind("detail", reference)
                .bind("recipient", masked)
                .bind("to", to.value())
                .bind("line", line.orElse(null))
                .bind("now", timestamp(now))
                .execute());
    }

    @Override
    public List<TextSent> textsTo(PhoneNumber number, Set<String> lines, Instant since, int limit) {
        if (lines.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("select business_id, appointment_id, updated_at from notifications "
                        + "where sent_to = :number and sent_from = any (:lines) and channel = 'sms' "
                        + "and status = 'sent' and updated_at >= :since order by updated_at desc, id desc limit :limit")
                .bind("number", number.value())
                .bindArray("lines", String.class, List.copyOf(lines))
                .bind("since", timestamp(since))
                .bind("limit", limit)
                .map((rs, ctx) -> new TextSent(
                        new BusinessId(uuid(rs, "business_id")),
                        new AppointmentId(uuid(rs, "appointment_id")),
                        instant(rs, "updated_at")))
                .list());
    }

    @Override
    public boolean recordReply(TextReply reply) {
        return jdbi.withHandle(h -> h.createUpdate("insert into text_replies (business_id, provider_id, "
                                + "appointment_id, sender, body, outcome, received_at) values (:business, :provider, "
                                + ":appointment, :sender, :body, :outcome, :at) on conflict do nothing")
                        .bind("business", reply.businessId().value())
                        .bind("provider", reply.providerId())
                        .bind("appointment", reply.appointmentId().value())
                        .bind("sender", reply.from().value())
                        .bind("body", reply.text())
                        .bind("outcome", reply.outcome().code())
                        .bind("at", timestamp(reply.receivedAt()))
                        .execute()
                == 1);
    }

    @Override
    public Optional<TextReply> findReply(String providerId) {
        return jdbi.withHandle(h -> h.createQuery("select " + REPLY_COLUMNS
                        + " from text_replies where provider_id = :provider order by received_at limit 1")
                .bind("provider", providerId)
                .map((rs, ctx) -> reply(rs))
                .findOne());
    }

    @Override
    public List<TextReply> replies(
            BusinessId businessId, Optional<AppointmentId> appointmentId, Optional<ReplyCursor> after, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select " + REPLY_COLUMNS + " from text_replies "
                        + "where business_id = :business "
                        + "and (cast(:appointment as uuid) is null or appointment_id = :appointment) "
                        + "and (cast(:afterAt as timestamptz) is null "
                        + "or (received_at, provider_id) < (cast(:afterAt as timestamptz), cast(:afterId as text))) "
                        + "order by received_at desc, provider_id desc limit :limit")
                .bind("business", businessId.value())
                .bind("appointment", appointmentId.map(AppointmentId::value).orElse(null))
                .bind(
                        "afterAt",
                        after.map(cursor -> timestamp(cursor.receivedAt())).orElse(null))
                .bind("afterId", after.map(ReplyCursor::providerId).orElse(null))
                .bind("limit", limit)
                .map((rs, ctx) -> reply(rs))
                .list());
    }

    private static TextReply reply(ResultSet rs) throws SQLException {
        return new TextReply(
                new BusinessId(uuid(rs, "business_id")),
                rs.getString("provider_id"),
                new AppointmentId(uuid(rs, "appointment_id")),
                new PhoneNumber(rs.getString("sender")),
                rs.getString("body"),
                TextReply.Outcome.parse(rs.getString("outcome")),
                instant(rs, "received_at"));
    }

    private static Notification notification(ResultSet rs) throws SQLException {
        return new Notification(
                new NotificationId(uuid(rs, "id")),
                new BusinessId(uuid(rs, "business_id")),
                new AppointmentId(uuid(rs, "appointment_id")),
                MessageKind.parse(rs.getString("kind"), "kind"),
                Channel.parse(rs.getString("channel"), "channel"),
                rs.getString("occasion"),
                instant(rs, "due_at"),
                DeliveryStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                optionalString(rs, "detail"),
                optionalString(rs, "recipient"),
                rs.getInt("attempts"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
