package com.voiceappoint.adapter.payments;

import java.math.BigDecimal;
import java.net.URI;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/**
 * The pages {@link LocalStripe} hosts where Stripe hosts its own: Checkout and onboarding. Plain enough to be read
 * at a glance in a screenshot, accessible as any page a browser test visits must be, and saying on every page that
 * no money moves.
 */
final class LocalStripePages {
    private static final Map<String, Map<String, String>> WORDS = Map.of(
            "es",
            Map.of(
                    "lang", "es",
                    "title", "Pagar a %s",
                    "test", "Modo de prueba",
                    "pay", "Pagar %s",
                    "receipt", "Recibo a %s",
                    "back", "Volver sin pagar",
                    "note", "Página de pago local (LocalStripe): no se cobra ninguna tarjeta ni se mueve dinero.",
                    "paid", "Pago recibido. Gracias.",
                    "return", "Volver a %s",
                    "expired", "Esta página de pago ha caducado: ya no se puede pagar aquí."),
            "en",
            Map.of(
                    "lang", "en",
                    "title", "Pay %s",
                    "test", "Test mode",
                    "pay", "Pay %s",
                    "receipt", "Receipt to %s",
                    "back", "Back without paying",
                    "note", "A local payment page (LocalStripe): no card is charged and no money moves.",
                    "paid", "Payment received. Thank you.",
                    "return", "Back to %s",
                    "expired", "This payment page has expired: it can no longer be paid here."));

    private static final String STYLE = """
            :root { color-scheme: light; }
            * { box-sizing: border-box; }
            body { margin: 0; background: #f6f9fc; color: #1a1f36;
                   font: 16px/1.5 -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
            header { display: flex; align-items: center; gap: .75rem; padding: .75rem 1.25rem;
                     background: #ffffff; border-bottom: 1px solid #e3e8ee; font-weight: 600; }
            .badge { background: #ffde92; color: #5e3a00; border-radius: 4px; padding: .1rem .5rem;
                     font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; }
            main { max-width: 28rem; margin: 2rem auto; padding: 0 1rem; }
            .card { background: #ffffff; border: 1px solid #e3e8ee; border-radius: 8px; padding: 1.5rem;
                    box-shadow: 0 2px 6px rgba(26, 31, 54, .06); }
            h1 { font-size: 1.1rem; margin: 0 0 .25rem; color: #4f566b; font-weight: 600; }
            .product { margin: 0; }
            .amount { font-size: 2.25rem; font-weight: 700; margin: .25rem 0 1rem; }
            .muted { color: #4f566b; }
            form { margin: 1.25rem 0 .75rem; }
            button { width: 100%; padding: .8rem 1rem; border: 0; border-radius: 6px; background: #4f46e5;
                     color: #ffffff; font: inherit; font-weight: 600; cursor: pointer; }
            button:hover { background: #4338ca; }
            a { color: #4338ca; }
            a:focus-visible, button:focus-visible { outline: 3px solid #1a1f36; outline-offset: 2px; }
            .note { font-size: .875rem; color: #4f566b; margin-top: 1.5rem; }
            .state { font-weight: 600; }
            """;

    private LocalStripePages() {}

    static String checkout(LocalStripe.Session session, String business) {
        Map<String, String> w = WORDS.get(LocalStripe.locale(session).getLanguage());
        String amount = amount(session);
        StringBuilder body = new StringBuilder()
                .append("<div class=\"card\">")
                .append("<h1>")
                .append(escape(business))
                .append("</h1>")
                .append("<p class=\"product\">")
                .append(escape(session.description()))
                .append("</p>")
                .append("<p class=\"amount\">")
                .append(escape(amount))
                .append("</p>");
        switch (session.status()) {
            case "open" -> {
                session.customerEmail()
                        .ifPresent(email -> body.append("<p class=\"muted\">")
                                .append(escape(w.get("receipt").formatted(email)))
                                .append("</p>"));
                body.append("<form method=\"post\" action=\"/c/pay/")
                        .append(escape(session.id()))
                        .append("\"><button type=\"submit\">")
                        .append(escape(w.get("pay").formatted(amount)))
                        .append("</button></form>");
                session.cancelUrl().ifPresent(back -> link(body, back, w.get("back")));
            }
            case "complete" -> {
                body.append("<p class=\"state\" role=\"status\">")
                        .append(escape(w.get("paid")))
                        .append("</p>");
                link(body, session.successUrl(), w.get("return").formatted(business));
            }
            default -> {
                body.append("<p class=\"state\" role=\"status\">")
                        .append(escape(w.get("expired")))
                        .append("</p>");
                session.cancelUrl()
                        .ifPresent(back -> link(body, back, w.get("return").formatted(business)));
            }
        }
        body.append("</div><p class=\"note\">").append(escape(w.get("note"))).append("</p>");
        return page(w.get("lang"), w.get("title").formatted(business), w.get("test"), body.toString());
    }

    static String onboarding(LocalStripe.Account account) {
        String name = account.businessName().isBlank() ? account.id() : account.businessName();
        String body = """
                <div class="card">
                <h1>%s</h1>
                <p class="amount">Set up payments</p>
                <p>Stripe would ask here for the business's details, its representative and the bank account its \
                payouts go to. This is LocalStripe: finishing lets account <code>%s</code> take charges at once.</p>
                <form method="post"><button type="submit">Finish onboarding</button></form>
                </div>
                <p class="note">A local onboarding page (LocalStripe): nothing is sent to Stripe.</p>
                """.formatted(escape(name), escape(account.id()));
        return page("en", "Set up payments for " + name, "Test mode", body);
    }

    static String notFound() {
        return page(
                "en",
                "Not found",
                "Test mode",
                "<div class=\"card\"><h1>Not found</h1><p>LocalStripe has no page here.</p></div>");
    }

    private static void link(StringBuilder body, URI to, String text) {
        body.append("<p><a href=\"")
                .append(escape(to.toString()))
                .append("\">")
                .append(escape(text))
                .append("</a></p>");
    }

    private static String page(String lang, String title, String test, String body) {
        return """
                <!doctype html>
                <html lang="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · LocalStripe</title>
                <style>%s</style>
                </head>
                <body>
                <header><span class="badge">%s</span><span>LocalStripe</span></header>
                <main>
                %s
                </main>
                </body>
                </html>
                """.formatted(lang, escape(title), STYLE, escape(test), body);
    }

    /** The session's amount as its client reads it, in the session's language: {@code 15,00 €}. */
    static String amount(LocalStripe.Session session) {
        Currency currency = Currency.getInstance(session.currency().toUpperCase(Locale.ROOT));
        int exponent = StripeAmounts.exponent(currency);
        NumberFormat format = NumberFormat.getCurrencyInstance(LocalStripe.locale(session));
        format.setCurrency(currency);
        format.setMinimumFractionDigits(exponent);
        format.setMaximumFractionDigits(exponent);
        return format.format(BigDecimal.valueOf(session.amountTotal()).movePointLeft(exponent));
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
