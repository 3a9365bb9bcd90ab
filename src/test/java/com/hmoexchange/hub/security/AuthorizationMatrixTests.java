package com.hmoexchange.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.Fixtures.Practice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.endpoint.web.servlet.WebMvcEndpointHandlerMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the application maps, asked by every kind of caller: nobody, and a user of each role. The
 * expected answers are in {@code security/authorization-matrix.txt}; an endpoint missing there fails the build,
 * so a new endpoint cannot ship without someone deciding who may call it. A caller is "let through" when the
 * hub does not answer 401 or 403 (sent to sign in, or not allowed) to an empty request for an object that does not
 * exist: the controller may still answer 400 or 404. Services' own tenant checks are tested beside each flow (e.g.
 * AccessTests). A server error to such a request fails the test too: bad input gets an answer, not a 500.
 */
class AuthorizationMatrixTests extends ApiTest {

    private static final String MATRIX = "security/authorization-matrix.txt";
    private static final String ANONYMOUS = "ANONYMOUS";
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping controllers;

    @Autowired
    private WebMvcEndpointHandlerMapping actuator;

    @Test
    void every_endpoint_answers_each_role_as_the_matrix_says() throws IOException {
        Map<String, Set<String>> expected = readMatrix();
        Map<String, Caller> callers = callers();
        Map<String, Set<String>> seen = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (String endpoint : endpoints()) {
            Set<String> letThrough = new TreeSet<>();
            for (Map.Entry<String, Caller> caller : callers.entrySet()) {
                int status = caller.getValue().send(endpoint);
                if (status >= 500 && !endpoint.equals("GET /error")) {
                    wrong.add(endpoint + " as " + caller.getKey() + ": " + status + " (a server error where a refusal or a problem belongs)");
                }
                if (!refused(endpoint, status)) {
                    letThrough.add(caller.getKey());
                }
            }
            seen.put(endpoint, letThrough);
            Set<String> rule = expected.get(endpoint);
            if (rule == null) {
                wrong.add(endpoint + " has no row in " + MATRIX + " (it lets through " + letThrough + ")");
            } else if (!rule.equals(letThrough)) {
                wrong.add(endpoint + " lets through " + letThrough + ", the matrix says " + rule);
            }
        }
        for (String row : expected.keySet()) {
            if (!seen.containsKey(row)) {
                wrong.add(row + " is in " + MATRIX + " but no longer mapped: delete its row");
            }
        }
        writeObserved(seen);
        assertThat(wrong).as("endpoints × roles (observed matrix written to target/authorization-matrix.observed.txt)").isEmpty();
    }

    /** Refused by the security layer: nobody is sent to sign in (401, or to the sign-in page), a role is denied (403). */
    private static boolean refused(String endpoint, int status) {
        return status == 401 || status == 403;
    }

    private List<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        collect(controllers.getHandlerMethods().keySet(), endpoints);
        collect(actuator.getHandlerMethods().keySet(), endpoints);
        return new ArrayList<>(endpoints);
    }

    private static void collect(Set<RequestMappingInfo> infos, Set<String> into) {
        for (RequestMappingInfo info : infos) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            Set<String> patterns = info.getPathPatternsCondition() != null
                    ? info.getPathPatternsCondition().getPatternValues()
                    : info.getPatternValues();
            for (String pattern : patterns) {
                if (methods.isEmpty()) {
                    into.add("GET " + pattern);
                } else {
                    methods.forEach(method -> into.add(method.name() + " " + pattern));
                }
            }
        }
    }

    private Map<String, Caller> callers() {
        Practice practice = fixtures.practice();
        Map<String, Caller> callers = new LinkedHashMap<>();
        callers.put(ANONYMOUS, new Caller(port, null));
        callers.put("OWNER", new Caller(port, practice.owner()));
        callers.put("ADMIN", new Caller(port, practice.admin()));
        callers.put("BILLING_STAFF", new Caller(port, practice.billing()));
        callers.put("HMO_ADMIN", new Caller(port, fixtures.hmoAdmin("acme-hmo")));
        callers.put("CLIENT_USER", new Caller(port, fixtures.client("acme-hmo").user()));
        callers.put("OPERATOR", new Caller(port, fixtures.operator()));
        callers.put("PLATFORM_ADMIN", new Caller(port, fixtures.platformAdmin()));
        return callers;
    }

    private static Map<String, Set<String>> readMatrix() throws IOException {
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        try (var in = AuthorizationMatrixTests.class.getClassLoader().getResourceAsStream(MATRIX)) {
            assertThat(in).as(MATRIX + " on the test class path").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String row = line.strip();
                if (row.isEmpty() || row.startsWith("#")) {
                    continue;
                }
                String[] parts = row.split("\\s+");
                assertThat(parts.length).as("row '" + row + "': METHOD PATH CALLERS…").isGreaterThanOrEqualTo(3);
                Set<String> callers = new TreeSet<>(List.of(parts).subList(2, parts.length));
                callers.remove("-");
                assertThat(rows.put(parts[0] + " " + parts[1], callers)).as("row '" + row + "' twice").isNull();
            }
        }
        return rows;
    }

    private static void writeObserved(Map<String, Set<String>> seen) throws IOException {
        StringBuilder out = new StringBuilder();
        seen.forEach((endpoint, callers) -> out.append(String.format("%-72s %s%n", endpoint,
                callers.isEmpty() ? "-" : String.join(" ", callers))));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "authorization-matrix.observed.txt"), out);
    }

    /**
     * One kind of caller. The API is called with HTTP Basic; the pages with a signed-in session (form sign-in, a
     * CSRF token taken from a page), as a browser would.
     */
    private static final class Caller {

        private static final HttpClient API = HttpClient.newHttpClient();

        private final String base;
        private final String basic;
        private final HttpClient pages;
        private String csrf;

        Caller(int port, String username) {
            this.base = "http://localhost:" + port;
            this.basic = username == null ? null : "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
            this.pages = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            this.csrf = signIn(username);
        }

        int send(String endpoint) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = VARIABLE.matcher(endpoint.substring(endpoint.indexOf(' ') + 1)).replaceAll("999999999")
                    .replace("/**", "/x");
            boolean page = isPage(path);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", page ? "text/html" : "application/json, application/problem+json");
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
            if (page) {
                if (!method.equals("GET") && csrf != null) {
                    request.header("Content-Type", "application/x-www-form-urlencoded");
                    body = HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
                }
            } else {
                if (basic != null) {
                    request.header("Authorization", basic);
                }
                if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
                    request.header("Content-Type", "application/json");
                    body = HttpRequest.BodyPublishers.ofString("{}");
                }
            }
            HttpResponse<String> response = exchange(page ? pages : API, request.method(method, body).build());
            if (page && response.statusCode() == 302) {
                // Sent to sign in: refused as a 401 would be. Any other redirect is the page's own answer.
                String location = response.headers().firstValue("Location").orElse("");
                return location.contains("/sign-in") ? 401 : 302;
            }
            return response.statusCode();
        }

        private static boolean isPage(String path) {
            return !path.startsWith("/api/") && !path.startsWith("/actuator") && !path.startsWith("/v3/")
                    && !path.startsWith("/sandbox/") && !path.startsWith("/swagger-ui") && !path.equals("/error");
        }

        private String signIn(String username) {
            String form = exchange(pages, HttpRequest.newBuilder(URI.create(base + "/sign-in")).GET().build()).body();
            String token = token(form);
            if (username == null) {
                return token;
            }
            HttpResponse<String> signedIn = exchange(pages, HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8)
                            + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                    .build());
            assertThat(signedIn.headers().firstValue("Location").orElse("")).as(username + " signs in").doesNotContain("error");
            HttpResponse<String> home = exchange(pages, HttpRequest.newBuilder(URI.create(base + "/")).GET().build());
            String landing = home.headers().firstValue("Location").orElse(null);
            if (landing != null) {
                home = exchange(pages, HttpRequest.newBuilder(URI.create(base).resolve(landing)).GET().build());
            }
            return token(home.body());
        }

        private static String token(String page) {
            Matcher matcher = CSRF.matcher(page);
            if (matcher.find()) {
                return matcher.group(1);
            }
            Matcher field = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(field.find()).as("a CSRF token on the page").isTrue();
            return field.group(1);
        }

        private static HttpResponse<String> exchange(HttpClient client, HttpRequest request) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
