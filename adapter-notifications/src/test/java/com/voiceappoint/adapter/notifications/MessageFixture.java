package com.voiceappoint.adapter.notifications;

import com.voiceappoint.application.port.out.Message;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.appointment.CancelledBy;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.notification.MessageKind;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.shared.Money;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A message as the application hands it over, by default from a hair salon in Madrid with long-ish names and a
 * manage link of real length; each setter changes one fact.
 */
final class MessageFixture {
    static final AppointmentId APPOINTMENT = new AppointmentId(UUID.fromString("5b0f7c2e-8a41-4d6b-9e3f-1c2d3e4f5a6b"));
    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    /** Tuesday 8 December 2026, 10:00 in Madrid. */
    static final ZonedDateTime START = ZonedDateTime.of(2026, 12, 8, 10, 0, 0, 0, MADRID);
    /** 60 characters, as a manage link on a business's own domain comes out. */
    static final String MANAGE_LINK = "https://citas.peluqueriacarmen.es/manage/Xk9fQ2LmP7vR4tNw8ZbY";

    /**
     * 84 characters: our deposit page on a 25-character public address, for a business whose slug is 17 characters,
     * named by a payment's id.
     */
    static final String PAY_LINK =
            "https://citas.example.com/peluqueria-carmen/pay/9d2e4b1a-7c3f-4e8d-b6a5-0f1e2d3c4b5a";
    /** The deposit a request to pay asks for, or the late payment given back. */
    static final Money AMOUNT = Money.of("18.50", "EUR");
    /** Monday 7 December 2026, 17:31 in Madrid: half an hour after the booking. */
    static final ZonedDateTime PAY_BY = ZonedDateTime.of(2026, 12, 7, 17, 31, 0, 0, MADRID);

    /** What a client wrote back, forwarded to the staff. */
    static final String CLIENT_REPLY = "Llegaré 10 minutos tarde, ¿vale? Gracias & perdón";

    private final MessageKind kind;
    private final Language language;
    private String businessName = "Peluquería Carmen Centro";
    private Optional<String> address = Optional.of("Calle de Alcalá 123, 28009 Madrid");
    private Optional<PhoneNumber> phone = Optional.of(new PhoneNumber("+34910123456"));
    private String clientName = "María José López";
    private String service = "Corte y peinado";
    private String provider = "Lucía";
    private ZonedDateTime start = START;
    private Duration length = Duration.ofMinutes(45);
    private Optional<ZonedDateTime> previousStart;
    private Optional<CancelledBy> cancelledBy;
    private BookingSource source = BookingSource.VOICE;
    private Optional<String> manageLink;
    private int sequence;
    private Optional<String> clientReply;
    private Optional<Money> amount;
    private Optional<ZonedDateTime> payBy;
    private Optional<String> payLink;

    private MessageFixture(MessageKind kind, Language language) {
        this.kind = kind;
        this.language = language;
        previousStart =
                kind == MessageKind.MOVED ? Optional.of(START.minusDays(1).withHour(17)) : Optional.empty();
        cancelledBy = kind == MessageKind.CANCELLED || kind == MessageKind.STAFF_CANCELLATION
                ? Optional.of(CancelledBy.CLIENT)
                : Optional.empty();
        manageLink =
                kind.forStaff() || kind == MessageKind.PAYMENT_REFUNDED ? Optional.empty() : Optional.of(MANAGE_LINK);
        sequence = kind == MessageKind.CONFIRMED ? 0 : 1;
        clientReply = kind == MessageKind.STAFF_CLIENT_REPLY ? Optional.of(CLIENT_REPLY) : Optional.empty();
        boolean aboutMoney = kind == MessageKind.PAYMENT_REQUEST
                || kind == MessageKind.PAYMENT_REFUNDED
                || kind == MessageKind.STAFF_PAYMENT_REFUNDED;
        amount = aboutMoney ? Optional.of(AMOUNT) : Optional.empty();
        payBy = kind == MessageKind.PAYMENT_REQUEST ? Optional.of(PAY_BY) : Optional.empty();
        payLink = kind == MessageKind.PAYMENT_REQUEST ? Optional.of(PAY_LINK) : Optional.empty();
    }

    static MessageFixture a(MessageKind kind, Language language) {
        return new MessageFixture(kind, language);
    }

    static Message message(MessageKind kind, Language language) {
        return a(kind, language).build();
    }

    MessageFixture businessName(String name) {
        businessName = name;
        return this;
    }

    MessageFixture withoutAddressOrPhone() {
        address = Optional.empty();
        phone = Optional.empty();
        return this;
    }

    MessageFixture clientName(String name) {
        clientName = name;
        return this;
    }

    MessageFixture provider(String name) {
        provider = name;
        return this;
    }

    MessageFixture start(ZonedDateTime time) {
        start = time;
        return this;
    }

    MessageFixture previousStart(ZonedDateTime time) {
        previousStart = Optional.of(time);
        return this;
    }

    MessageFixture cancelledBy(Optional<CancelledBy> who) {
        cancelledBy = who;
        return this;
    }

    MessageFixture source(BookingSource from) {
        source = from;
        return this;
    }

    MessageFixture amount(Money money) {
        amount = Optional.of(money);
        return this;
    }

    MessageFixture payLink(String link) {
        payLink = Optional.of(link);
        return this;
    }

    MessageFixture withoutManageLink() {
        manageLink = Optional.empty();
        return this;
    }

    MessageFixture sequence(int number) {
        sequence = number;
        return this;
    }

    Message build() {
        return new Message(
                kind,
                language,
                APPOINTMENT,
                businessName,
                address,
                phone,
                clientName,
                service,
                provider,
                start,
                start.plus(length),
                previousStart,
                cancelledBy,
                source,
                manageLink,
                sequence,
                clientReply,
                amount,
                payBy,
                payLink);
    }
}
