package com.voiceappoint.adapter.notifications;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server on a real socket that answers as told: for the replies GreenMail never gives (a recipient refused
 * with 550, a 450 "try later", a message refused at DATA, a sender refused), or no answer at all. It records the
 * commands it was sent.
 */
final class ScriptedSmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread acceptor;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private volatile String mailReply = "250 2.1.0 sender ok";
    private volatile String rcptReply = "250 2.1.5 recipient ok";
    private volatile String dataReply = "250 2.0.0 queued";
    private volatile boolean silent;

    ScriptedSmtpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    List<String> commands() {
        return List.copyOf(commands);
    }

    ScriptedSmtpServer answeringMail(String reply) {
        mailReply = reply;
        return this;
    }

    ScriptedSmtpServer answeringRcpt(String reply) {
        rcptReply = reply;
        return this;
    }

    ScriptedSmtpServer answeringData(String reply) {
        dataReply = reply;
        return this;
    }

    /** Takes connections and never says a word, as a server that hangs does. */
    ScriptedSmtpServer silent() {
        silent = true;
        return this;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.add(connection);
                if (!silent) {
                    Thread talker = new Thread(() -> talk(connection), "scripted-smtp-session");
                    talker.setDaemon(true);
                    talker.start();
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void talk(Socket connection) {
        try (connection;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII))) {
            OutputStream out = connection.getOutputStream();
            say(out, "220 scripted ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                commands.add(line);
                String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO", "HELO" -> say(out, "250-scripted\r\n250 8BITMIME");
                    case "MAIL" -> say(out, mailReply);
                    case "RCPT" -> say(out, rcptReply);
                    case "DATA" -> {
                        say(out, "354 go ahead");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message itself is not what these tests look at
                        }
                        say(out, dataReply);
                    }
                    case "QUIT" -> {
                        say(out, "221 bye");
                        return;
                    }
                    default -> say(out, "250 ok");
                }
            }
        } catch (IOException gone) {
            // the client hung up
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }
}
