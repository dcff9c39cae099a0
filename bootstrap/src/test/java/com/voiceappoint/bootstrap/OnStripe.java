package com.voiceappoint.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Someone on the pages Stripe hosts (LocalStripe's, in these tests): opening one, and pressing its one button, as a
 * browser without JavaScript sends them. Redirects are not followed, so a test sees where Stripe sends them.
 */
final class OnStripe {
    private static final HttpClient BROWSER = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private OnStripe() {}

    static HttpResponse<String> open(String page) {
        return send(HttpRequest.newBuilder(URI.create(page)).GET());
    }

    /** Pay on a Checkout page, or finish onboarding on an onboarding page: the page's form posts to itself. */
    static HttpResponse<String> press(String page) {
        return send(HttpRequest.newBuilder(URI.create(page))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return BROWSER.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
