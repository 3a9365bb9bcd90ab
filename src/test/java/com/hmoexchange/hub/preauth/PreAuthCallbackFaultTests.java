package com.hmoexchange.hub.preauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.hmoexchange.hub.payers.PayerCatalog;
import com.hmoexchange.hub.responses.CallbackSignatures;
import com.hmoexchange.hub.responses.ResponseIntakeSettings;
import com.hmoexchange.hub.responses.SignedCallbacks;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

/**
 * A payer's signed answer to a pre-authorisation request that arrives while the database is out of reach: the payer
 * is told to send it again (503, Retry-After), as it is for claim answers, instead of a server error that reads as
 * a bad answer. The database fault is simulated; the answer's path runs against real servers in PreAuthJsonChannelTests.
 */
class PreAuthCallbackFaultTests {

    final CallbackSignatures signatures = mock(CallbackSignatures.class);
    final PreAuthSender sender = mock(PreAuthSender.class);
    final PayerCatalog catalog = mock(PayerCatalog.class, RETURNS_DEEP_STUBS);

    @Test
    void the_payer_is_asked_to_send_its_answer_again_when_the_database_is_out_of_reach() throws Exception {
        when(signatures.refusal(anyString(), anyString(), anyString(), any())).thenReturn(null);
        when(catalog.settings("zenith-hmo").preauthorisation().sentToPayer()).thenReturn(true);
        when(sender.receive(anyString(), anyString()))
                .thenThrow(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"));
        var controller = new PreAuthCallbackController(signedCallbacks(), sender, catalog);

        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/payers/zenith-hmo/callbacks/preauthorisations");
        request.setContent("{\"request\":\"PA-1\",\"decision\":\"APPROVED\"}".getBytes(StandardCharsets.UTF_8));

        ResponseEntity<?> answer = controller.answer("zenith-hmo", "1795400000", "sha256=00", request);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("30");
    }

    private SignedCallbacks signedCallbacks() {
        return new SignedCallbacks(signatures, new ResponseIntakeSettings(30000, 300, DataSize.ofMegabytes(1)), event -> { });
    }
}
