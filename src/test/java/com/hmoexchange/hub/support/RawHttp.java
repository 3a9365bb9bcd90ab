package com.hmoexchange.hub.support;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP written by hand on a socket, for what an HTTP client library would not send: a Content-Length far larger than
 * the bytes that follow, a chunked body that never ends. The answer is read as it comes, so a test sees whether the hub
 * answered before the body was all sent.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** Sends the head (request line and headers, without the blank line) and {@code body}, then reads the answer. */
    public static String send(int port, String head, byte[] body) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return readAnswer(socket.getInputStream());
        }
    }

    /**
     * Sends the head with {@code Transfer-Encoding: chunked}, then {@code start} (if not empty) as a chunk, then
     * {@code chunks} chunks of 64 KB of "x" and no last chunk.
     */
    public static String sendChunked(int port, String head, String start, int chunks) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            try {
                if (!start.isEmpty()) {
                    byte[] first = start.getBytes(StandardCharsets.UTF_8);
                    out.write((Integer.toHexString(first.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(first);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                for (int i = 0; i < chunks; i++) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (java.net.SocketException closed) {
                // The hub answered and closed the connection before all chunks were sent: its answer is still there to read.
            }
            return readAnswer(socket.getInputStream());
        }
    }

    /** The status line, headers and as much of the body as came before the hub closed the connection. */
    public static String readAnswer(InputStream in) throws Exception {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                answer.write(buffer, 0, n);
                if (answer.toString(StandardCharsets.UTF_8).contains("}")) {
                    break;
                }
            }
        } catch (java.net.SocketException closed) {
            // The hub closes the connection after a refusal; what came before the close is the answer.
        }
        return answer.toString(StandardCharsets.UTF_8);
    }
}
