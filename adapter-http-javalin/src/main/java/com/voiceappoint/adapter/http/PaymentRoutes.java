package com.voiceappoint.adapter.http;

import com.voiceappoint.adapter.http.problem.InvalidRequestException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.GetBusinessQuery;
import com.voiceappoint.application.port.in.PaymentsUseCase;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.payment.PaymentId;
import com.voiceappoint.domain.payment.PaymentSettings;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Money;
import io.javalin.http.Context;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A business's clients' payments: how it takes them (its Stripe account, the time a deposit keeps an appointment,
 * the share a timely cancellation gives back), the payments with their refunds, and money given back by hand.
 */
final class PaymentRoutes {
    /** What a list's cursor says here: the page of {@link PaymentsUseCase#PAGE_SIZE} it asks for. */
    private static final String PAGE = "p:";

    private static final int LAST_PAGE = 10_000;
    /** Longer addresses than this are not where an owner is sent back to. */
    private static final int LONGEST_URL = 2_000;

    private final GetBusinessQuery businessQuery;
    private final PaymentsUseCase payments;
    private final Bodies bodies;

    PaymentRoutes(GetBusinessQuery businessQuery, PaymentsUseCase payments, Bodies bodies) {
        this.businessQuery = businessQuery;
        this.payments = payments;
        this.bodies = bodies;
    }

    /** All that is left to give back, when no amount is named. */
    record RefundRequest(BigDecimal amount) {}

    /** Fields left out keep their value. */
    record SettingsRequest(Integer paymentWindowMinutes, Integer refundPercent) {}

    record ConnectRequest(
            @NotBlank(message = "validation.required") @Size(max = LONGEST_URL, message = "validation.too_long")
            String returnUrl,

            @NotBlank(message = "validation.required") @Size(max = LONGEST_URL, message = "validation.too_long")
            String refreshUrl) {}

    /**
     * @param configured whether this server takes payments at all (Stripe set up on it); without it a business cannot
     *     connect
     */
    record SettingsView(
            boolean configured,
            String stripeAccount,
            boolean chargesEnabled,
            long paymentWindowMinutes,
            int refundPercent) {
        static SettingsView of(PaymentsUseCase.Setup setup) {
            PaymentSettings s = setup.settings();
            return new SettingsView(
                    setup.configured(),
                    s.account().orElse(null),
                    s.chargesEnabled(),
                    s.paymentWindow().toMinutes(),
                    s.refundPercent());
        }
    }

    record ConnectView(String url) {}

    void list(Context ctx) {
        Actor.Member member = RequestContext.member(ctx);
        Business business = businessQuery.get(member, new BusinessId(Params.requiredUuid(ctx, "business")));
        Optional<AppointmentId> appointment =
                Params.optionalUuid(ctx, "appointment").map(AppointmentId::new);
        int page = page(ctx);
        List<PaymentsUseCase.PaymentRecord> found = payments.payments(member, business.id(), appointment, page);
        // one appointment's payments come whole; the business's, a page at a time
        boolean more = appointment.isEmpty() && found.size() == PaymentsUseCase.PAGE_SIZE && page < LAST_PAGE;
        ctx.json(new Pages.Page<>(
                found.stream()
                        .map(record -> Views.PaymentView.of(record, business.zone()))
                        .toList(),
                more ? Pages.encode(PAGE + (page + 1)) : null));
    }

    void refund(Context ctx) {
        Actor.Member member = RequestContext.member(ctx);
        Business business = businessQuery.get(member, new BusinessId(Params.requiredUuid(ctx, "business")));
        PaymentId payment = new PaymentId(Params.pathUuid(ctx, "id"));
        Optional<BigDecimal> amount = bodies.readOptional(ctx, RefundRequest.class)
                .map(RefundRequest::amount)
                .map(asked -> refundAmount(asked, business));
        PaymentsUseCase.PaymentRecord refunded = payments.refund(member, business.id(), payment, amount);
        ctx.status(201).json(Views.PaymentView.of(refunded, business.zone()));
    }

    void settings(Context ctx) {
        ctx.json(SettingsView.of(payments.setup(RequestContext.member(ctx), businessId(ctx))));
    }

    void updateSettings(Context ctx) {
        Actor.Member member = RequestContext.member(ctx);
        BusinessId id = businessId(ctx);
        SettingsRequest r = bodies.read(ctx, SettingsRequest.class);
        ctx.json(SettingsView.of(payments.change(
                member,
                id,
                Optional.ofNullable(r.paymentWindowMinutes()).map(Duration::ofMinutes),
                Optional.ofNullable(r.refundPercent()))));
    }

    void connect(Context ctx) {
        Actor.Member member = RequestContext.member(ctx);
        BusinessId id = businessId(ctx);
        ConnectRequest r = bodies.read(ctx, ConnectRequest.class);
        URI returnUrl = webAddress("return_url", r.returnUrl());
        URI refreshUrl = webAddress("refresh_url", r.refreshUrl());
        ctx.json(new ConnectView(
                payments.connect(member, id, refreshUrl, returnUrl).toString()));
    }

    void refresh(Context ctx) {
        ctx.json(SettingsView.of(payments.refreshAccount(RequestContext.member(ctx), businessId(ctx))));
    }

    /** The page a cursor from this list names; the first without one. */
    private static int page(Context ctx) {
        return Pages.cursor(ctx)
                .map(cursor -> {
                    try {
                        if (!cursor.startsWith(PAGE)) {
                            throw new NumberFormatException(cursor);
                        }
                        int page = Integer.parseInt(cursor.substring(PAGE.length()));
                        if (page < 1 || page > LAST_PAGE) {
                            throw new NumberFormatException(cursor);
                        }
                        return page;
                    } catch (NumberFormatException e) {
                        throw InvalidRequestException.field("cursor", "invalid", "request.cursor");
                    }
                })
                .orElse(1);
    }

    /**
     * An amount to give back, checked as money of the business's currency before anything is read: more than nothing,
     * no more decimals than the currency has, no more digits than any price. Whether that much is left is the
     * payment's to say.
     */
    private static BigDecimal refundAmount(BigDecimal asked, Business business) {
        try {
            Money money = new Money(asked, business.currency());
            if (money.amount().signum() > 0) {
                return money.amount();
            }
        } catch (InvalidValueException notMoney) {
            // answered as the field it came in, not as the price the domain checks money as
        }
        throw InvalidRequestException.field("amount", "invalid", "field.amount");
    }

    /** Where Stripe sends the owner: an absolute http or https address with a host, nothing else. */
    private static URI webAddress(String field, String value) {
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank()
                    && uri.getRawUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // answered below, as any other address that is not one
        }
        throw InvalidRequestException.field(field, "invalid", "field.web_address");
    }

    private static BusinessId businessId(Context ctx) {
        return new BusinessId(Params.pathUuid(ctx, "id"));
    }
}
