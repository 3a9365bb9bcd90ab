package com.hmoexchange.hub.preauth;

import com.hmoexchange.hub.responses.PreAuthAnswerIntake;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Answers to pre-authorisation requests that come back by email (payer.yaml {@code preauthorisation.mode: email}):
 * the payer's answers mailbox passes each attachment here first; a FHIR ClaimResponse with {@code use =
 * preauthorization} is applied to the request its {@code request.identifier} names, as an answer over HTTP would be.
 */
@Component
class PreAuthMailAnswers implements PreAuthAnswerIntake {

    private final PreAuthSender sender;

    PreAuthMailAnswers(PreAuthSender sender) {
        this.sender = sender;
    }

    @Override
    public boolean take(String payerCode, byte[] content) {
        String body = new String(content, StandardCharsets.UTF_8);
        if (!PreAuthFhir.isAnswer(body)) {
            return false;
        }
        sender.receive(payerCode, body);
        return true;
    }
}
