package com.hmoexchange.hub.support;

import ca.uhn.fhir.context.FhirContext;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Reference;

/**
 * A real HTTP payer for pre-authorisation over FHIR (the channel payer, Crestline, in tests): it takes the hub's
 * Claim with use = preauthorization and answers a ClaimResponse. By default it approves everything in full under
 * TEST-PA-n; a test scripts its next answers ({@link #answerWith}) or takes it down ({@link #status}).
 */
public final class FhirPreAuthPayer {

    public static final String TOKEN = "test-preauth-token";
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** Every request as it arrived, before any hold: what the hub sent, answered or not yet. */
    private final List<String> arrived = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile String heldIfContaining = "";
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile Function<Claim, String> answer = FhirPreAuthPayer::approveInFull;
    private volatile int status = 200;

    FhirPreAuthPayer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/preauth", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            arrived.add(body);
            try {
                if (body.contains(heldIfContaining)) {
                    gate.await(60, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] out;
            int code = status;
            if (code == 200) {
                received.add(body);
                out = answer.apply(FHIR.newJsonParser().parseResource(Claim.class, body)).getBytes(StandardCharsets.UTF_8);
            } else {
                out = "{\"resourceType\":\"OperationOutcome\"}".getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
            exchange.sendResponseHeaders(code, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        // Several requests at once, so one held at the gate does not hide another arriving.
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/preauth";
    }

    public List<String> received() {
        return List.copyOf(received);
    }

    public List<String> arrived() {
        return List.copyOf(arrived);
    }

    /** Holds the answer to each request containing {@code text} until {@link #release()}: the hub's send stays in flight. */
    public void holdIfContaining(String text) {
        heldIfContaining = text;
        gate = new CountDownLatch(1);
    }

    public void release() {
        gate.countDown();
    }

    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** The answer to every request from now on (reset with {@link #approveEverything()}). */
    public void answerWith(Function<Claim, String> answer) {
        this.answer = answer;
    }

    public void approveEverything() {
        release();
        this.answer = FhirPreAuthPayer::approveInFull;
        this.status = 200;
    }

    /** The HTTP status to answer with; anything but 200 answers an OperationOutcome and takes nothing. */
    public void status(int status) {
        this.status = status;
    }

    public static String reference(Claim claim) {
        return claim.getIdentifier().stream().map(Identifier::getValue).findFirst().orElse(null);
    }

    public static String approveInFull(Claim claim) {
        return FHIR.newJsonParser().encodeResourceToString(approval(claim, reference(claim), "TEST-PA-" + claim.getIdElement()
                .getIdPart()));
    }

    /** An approval in full of the claim, naming the given request reference (null: none). */
    public static ClaimResponse approval(Claim claim, String reference, String code) {
        ClaimResponse response = new ClaimResponse();
        response.setId("R-" + code);
        response.setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE);
        response.setUse(ClaimResponse.Use.PREAUTHORIZATION);
        if (reference != null) {
            response.setRequest(new Reference().setIdentifier(new Identifier().setSystem("urn:hmo-hub:preauth-reference")
                    .setValue(reference)));
        }
        response.setOutcome(ClaimResponse.RemittanceOutcome.COMPLETE);
        response.setPreAuthRef(code);
        for (Claim.ItemComponent item : claim.getItem()) {
            response.addItem().setItemSequence(item.getSequence()).addAdjudication()
                    .setCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/adjudication", "benefit", null)))
                    .setAmount(new Money().setValue(item.getNet().getValue()).setCurrency("NGN"))
                    .setValueElement(new DecimalType(item.getQuantity().getValue()));
        }
        return response;
    }

    public static String encode(ClaimResponse response) {
        return FHIR.newJsonParser().encodeResourceToString(response);
    }
}
