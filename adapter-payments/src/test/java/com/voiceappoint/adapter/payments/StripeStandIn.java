package com.voiceappoint.adapter.payments;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A local HTTP server standing in for Stripe's API: it records every request as it arrived (method, path, headers,
 * the form body decoded) and answers each with the next scripted reply for its path, or the path's standing reply.
 * A reply may also be silence: the request is held until the test ends, as a Stripe that never answers would.
 */
final class StripeStandIn implements AutoCloseable {

    /** One request as Stripe would have received it. */
    record Recorded(String method, String path, Map<String, String> headers, Map<String, String> form) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** What to answer: a status and Stripe's JSON, or nothing at all. */
    record Reply(int status, String json, boolean silent) {
        static Reply ok(String json) {
            return new Reply(200, json, false);
        }

        static Reply error(int status, String json) {
            return new Reply(status, json, false);
        }

        static Reply silence() {
            return new Reply(0, "", true);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Reply>> scripted = new LinkedHashMap<>();
    private final Map<String, Reply> standing = new LinkedHashMap<>();

    StripeStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(threads);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The answer to every request for {@code path} once the scripted ones are used up. */
    synchronized StripeStandIn always(String method, String path, Reply reply) {
        standing.put(method + " " + path, reply);
        return this;
    }

    /** Answers the next requests for {@code path}, one reply each, before the standing one. */
    synchronized StripeStandIn then(String method, String path, Reply... replies) {
        Deque<Reply> queue = scripted.computeIfAbsent(method + " " + path, key -> new ArrayDeque<>());
        queue.addAll(List.of(replies));
        return this;
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    Recorded last() {
        if (requests.isEmpty()) {
            throw new AssertionError("Stripe's stand-in received nothing");
        }
        return requests.get(requests.size() - 1);
    }

    private synchronized Reply replyFor(String key) {
        Deque<Reply> queue = scripted.get(key);
        if (queue != null && !queue.isEmpty()) {
            return queue.removeFirst();
        }
        return standing.getOrDefault(
                key,
                Reply.error(
                        404,
                        "{\"error\": {\"type\": \"invalid_request_error\", \"message\": \"Unrecognized request URL ("
                                + key + ").\"}}"));
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Map<String, String> form = form(body);
            if (exchange.getRequestURI().getRawQuery() != null) {
                form.putAll(form(exchange.getRequestURI().getRawQuery()));
            }
            requests.add(new Recorded(method, path, Map.copyOf(headers), Map.copyOf(form)));
            Reply reply = replyFor(method + " " + path);
            if (reply.silent()) {
                try {
                    released.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            byte[] bytes = reply.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Request-Id", "req_standin" + requests.size());
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    /** Stripe's form encoding: {@code a[b][0][c]=v} pairs, each name once. */
    static Map<String, String> form(String encoded) {
        Map<String, String> form = new LinkedHashMap<>();
        if (encoded.isEmpty()) {
            return form;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            if (form.put(name, value) != null) {
                throw new AssertionError("parameter sent twice: " + name);
            }
        }
        return form;
    }

    /** The names sent under a prefix, such as every {@code metadata[...]}. */
    static Map<String, String> under(Map<String, String> form, String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(prefix + "[") && name.endsWith("]")) {
                found.put(name.substring(prefix.length() + 1, name.length() - 1), value);
            }
        });
        return found;
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    static List<String> paths(List<Recorded> requests) {
        List<String> paths = new ArrayList<>();
        requests.forEach(r -> paths.add(r.method() + " " + r.path()));
        return paths;
    }
}
