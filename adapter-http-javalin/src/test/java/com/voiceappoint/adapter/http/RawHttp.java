package com.voiceappoint.adapter.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Bytes a JDK client would never send (a chunked body cut short or garbled), written on a plain socket; what the
 * server answers, read until it closes the connection.
 */
public final class RawHttp {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private RawHttp() {}

    /** An answer taken apart: its status, its headers by lower-case name, and its body. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public static Answer of(String answer) {
            int end = answer.indexOf("\r\n\r\n");
            String head = end < 0 ? answer : answer.substring(0, end);
            String[] lines = head.split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(
                            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
            int status = lines[0].startsWith("HTTP/") && lines[0].length() >= 12
                    ? Integer.parseInt(lines[0].substring(9, 12))
                    : -1;
            return new Answer(status, headers, end < 0 ? "" : answer.substring(end + 4));
        }
    }

    /** Sends {@code request} as it is, closes our side for writing, and reads the answer. */
    public static String exchange(int port, String request) throws IOException {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static String exchange(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[8192];
            try {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                }
            } catch (SocketTimeoutException stillOpen) {
                // the server answered and keeps the connection: what it sent so far is the answer
            }
            return answer.toString();
        }
    }
}
