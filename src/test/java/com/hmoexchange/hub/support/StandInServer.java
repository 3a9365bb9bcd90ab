package com.hmoexchange.hub.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

/** The JDK HTTP server of a stand-in payer: one path on a free local port, each request answered by a function of it and its body. */
final class StandInServer {

    /** What the stand-in answers. */
    record Answer(int status, String contentType, String body) {
    }

    private StandInServer() {
    }

    static HttpServer start(String path, BiFunction<HttpExchange, String, Answer> answer) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(path, exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Answer out = answer.apply(exchange, body);
            byte[] bytes = out.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", out.contentType());
            exchange.sendResponseHeaders(out.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    static String url(HttpServer server, String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }
}
