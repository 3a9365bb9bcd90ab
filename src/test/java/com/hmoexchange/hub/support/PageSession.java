package com.hmoexchange.hub.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One browser-less session on the pages: its own cookies, signed in through the sign-in form with its CSRF token. */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final int port;

    private PageSession(int port) {
        this.port = port;
    }

    public static PageSession anonymous(int port) {
        return new PageSession(port);
    }

    public static PageSession signedIn(int port, String username) {
        PageSession session = new PageSession(port);
        HttpResponse<String> response = session.post("/sign-in", Map.of("_csrf", csrf(session.get("/sign-in").body()),
                "username", username, "password", Fixtures.PASSWORD));
        assertThat(response.statusCode()).as("signing in as " + username).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return session;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
    }

    /** Follows the redirects of a GET (the landing page sends each role to its own start page). */
    public HttpResponse<String> follow(String path) {
        HttpResponse<String> response = get(path);
        for (int hops = 0; hops < 5 && response.statusCode() == 302; hops++) {
            response = get(URI.create(response.headers().firstValue("Location").orElseThrow()).getPath());
        }
        return response;
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
