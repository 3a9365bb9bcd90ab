package com.hmoexchange.hub.payers;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * POSTs a document to a payer's endpoint with its bearer token and returns a 2xx answer's body: what asking for
 * eligibility and sending pre-authorisation requests share. Every way the payer can fail to answer (refused, timed
 * out, not 2xx) is {@link NotAnswered}, saying which in words.
 */
public final class PayerHttp {

    private final HttpClient http;
    private final Duration timeout;

    public PayerHttp(Duration connectTimeout, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.timeout = timeout;
    }

    /** The payer did not answer with a 2xx; the message says how, e.g. "it answered HTTP 503". */
    public static final class NotAnswered extends RuntimeException {
        NotAnswered(String message) {
            super(message);
        }
    }

    public String post(String url, String token, String contentType, String body) {
        return new String(exchange(url, token, contentType, contentType, body.getBytes(StandardCharsets.UTF_8)).body(),
                StandardCharsets.UTF_8);
    }

    /** The whole 2xx answer, headers too (an X12 answer's envelope names its own content type and boundary). */
    public HttpResponse<byte[]> exchange(String url, String token, String contentType, String accept, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", contentType).header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new NotAnswered("no answer within " + timeout.toSeconds() + " s");
        } catch (ConnectException e) {
            throw new NotAnswered("the connection was refused");
        } catch (IOException e) {
            throw new NotAnswered("the connection failed (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotAnswered("the hub was stopping");
        }
        if (response.statusCode() / 100 != 2) {
            throw new NotAnswered("it answered HTTP " + response.statusCode());
        }
        return response;
    }
}
