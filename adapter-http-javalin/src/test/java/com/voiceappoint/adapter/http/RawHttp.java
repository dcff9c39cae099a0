package com.voiceappoint.adapter.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Bytes a JDK client would never send (a chunked body cut short or garbled), written on a plain socket; what the
 * server answers, read until it closes the connection.
 */
public final class RawHttp {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private RawHttp() {}

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
