package com.voiceappoint.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.application.port.out.NotificationStore;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.notification.Channel;
import com.voiceappoint.domain.notification.MessageKind;
import com.voiceappoint.domain.notification.Notification;
import com.voiceappoint.domain.notification.NotificationPlan;
import com.voiceappoint.domain.notification.NotificationSettings;
import com.voiceappoint.domain.notification.QuietHours;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.testkit.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The payment messages on a real PostgreSQL: the delivery log takes their kinds (migration V29), and settings stored
 * with no channels for them, as every business's are, still send them.
 */
class JdbiPaymentMessagesTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    /** Monday 7 December 2026, 10:00 in Madrid. */
    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    @Test
    void a_request_to_pay_and_a_late_refund_s_news_are_logged_with_no_channels_stored_for_them() {
        PostgresPersistence persistence = postgres.persistence();
        OutboundPorts ports = persistence.ports(new FakePasswordHasher());
        NotificationStore store = persistence.notifications();
        TestData.Tenant lola = TestData.tenant(ports);
        Service colour = TestData.service(ports, lola.id(), "Colour " + UUID.randomUUID(), 60);
        Client carmen = TestData.client(ports, lola.id());
        Appointment pending = Appointment.awaitingPayment(
                AppointmentId.random(),
                colour,
                lola.provider().id(),
                carmen.id(),
                NOW.plus(Duration.ofDays(2)),
                NOW.plus(Duration.ofMinutes(31)),
                BookingSource.VOICE,
                "",
                NOW);
        store.saveSettings(
                lola.id(),
                new NotificationSettings(
                        Map.of(MessageKind.CONFIRMED, Set.of(Channel.EMAIL)),
                        List.of(),
                        Optional.of(QuietHours.NIGHT),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));

        assertThat(postgres.strings(
                        "select array_to_string(channels, ',') from notification_settings where business_id = ?",
                        lola.id().value()))
                .containsExactly("confirmed:email");
        NotificationSettings settings = store.settings(lola.id());
        assertThat(settings.channelsFor(MessageKind.PAYMENT_REQUEST))
                .containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS);
        ports.transactions().inTransaction(() -> {
            ports.appointments().add(pending, Optional.empty(), Optional.empty());
            store.apply(
                    lola.id(),
                    pending.id(),
                    NotificationPlan.forChange(settings, TestData.MADRID, Optional.empty(), pending, NOW));
            store.apply(
                    lola.id(),
                    pending.id(),
                    NotificationPlan.latePaymentRefunded(
                            settings, TestData.MADRID, pending.expire(NOW), Money.of("15.00", "EUR"), NOW));
            return null;
        });

        List<Notification> logged = store.list(lola.id(), Optional.of(pending.id()), Optional.empty(), 50);
        assertThat(logged)
                .extracting(n -> n.kind().code() + " " + n.channel().code())
                .containsExactlyInAnyOrder(
                        "payment_request email",
                        "payment_request sms",
                        "payment_refunded email",
                        "payment_refunded sms",
                        "staff_payment_refunded email");
        assertThat(logged)
                .filteredOn(n -> n.kind() != MessageKind.PAYMENT_REQUEST)
                .allSatisfy(n -> assertThat(NotificationPlan.refundedAmount(n)).contains(Money.of("15.00", "EUR")));
        assertThat(store.due(lola.id(), pending.id(), NOW))
                .extracting(Notification::kind)
                .contains(MessageKind.PAYMENT_REQUEST, MessageKind.STAFF_PAYMENT_REFUNDED);
    }
}
