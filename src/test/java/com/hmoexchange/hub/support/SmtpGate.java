package com.hmoexchange.hub.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP gate in front of the test mail server's SMTP port: open, it passes connections through; shut, it
 * hangs up on every new one, as a mail server that is down does. The hub sends through it, so a test can
 * take mail down and bring it back without restarting the shared mail server.
 */
public final class SmtpGate {

    private static final SmtpGate GATE = new SmtpGate(TestMail.smtpPort());

    private final ServerSocket listener;
    private final int target;
    private volatile boolean open = true;

    private SmtpGate(int target) {
        this.target = target;
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon(this::accept, "smtp-gate");
    }

    public static int port() {
        return GATE.listener.getLocalPort();
    }

    public static void shut() {
        GATE.open = false;
    }

    public static void open() {
        GATE.open = true;
    }

    private void accept() {
        while (true) {
            try {
                Socket client = listener.accept();
                if (!open) {
                    client.close();
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                daemon(() -> pipe(client, server), "smtp-gate-up");
                daemon(() -> pipe(server, client), "smtp-gate-down");
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side hung up: the other follows below
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static void daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }
}
