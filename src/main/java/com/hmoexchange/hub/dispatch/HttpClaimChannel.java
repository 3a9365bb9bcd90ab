package com.hmoexchange.hub.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.payers.Channel;
import com.hmoexchange.hub.payers.HttpSection;
import com.hmoexchange.hub.payers.PayerAddresses;
import com.hmoexchange.hub.payers.PayerSettings;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.http.HttpMethods;
import org.springframework.stereotype.Component;

/** Claims POSTed to the payer's API, with an Idempotency-Key; its 2xx answer may carry its reference and status. */
@Component
class HttpClaimChannel implements ClaimChannel {

    private final PayerAddresses addresses;
    private final ObjectMapper json;

    HttpClaimChannel(PayerAddresses addresses, ObjectMapper json) {
        this.addresses = addresses;
        this.json = json;
    }

    @Override
    public Channel channel() {
        return Channel.HTTP;
    }

    @Override
    public void prepare(Exchange exchange, PayerSettings payer, String idempotencyKey) {
        Message message = exchange.getMessage();
        // The enum, not "POST": converting the text costs the HTTP component a type-converter look-up per claim.
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.POST);
        message.setHeader(Exchange.CONTENT_TYPE, payer.format().contentType());
        message.setHeader("Idempotency-Key", idempotencyKey);
        String authorization = addresses.authorization(payer);
        if (authorization != null) {
            message.setHeader("Authorization", authorization);
        }
    }

    @Override
    public Acceptance accepted(Exchange exchange, PayerSettings payer) {
        JsonNode answer = readQuietly(exchange.getMessage().getBody(String.class));
        HttpSection http = payer.section(HttpSection.class);
        String reference = answer.path(http.referenceField()).asText(null);
        String status = answer.path(http.statusField()).asText("").toUpperCase(Locale.ROOT);
        return new Acceptance(reference, http.receivedWhen().contains(status));
    }

    private JsonNode readQuietly(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }
}
