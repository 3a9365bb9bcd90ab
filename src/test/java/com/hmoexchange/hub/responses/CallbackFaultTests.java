package com.hmoexchange.hub.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * A signed callback that arrives while the database is out of reach: the payer is told to send it again
 * (503, Retry-After), not that its document is bad. The database fault is simulated; the rest of the
 * callback path runs against the real servers in PayerResponseTests.
 */
class CallbackFaultTests {

    final CallbackSignatures signatures = mock(CallbackSignatures.class);
    final PayerResponses responses = mock(PayerResponses.class);
    final CallbackController controller = new CallbackController(new SignedCallbacks(signatures,
            new ResponseIntakeSettings(30000, 300, org.springframework.util.unit.DataSize.ofMegabytes(1)), event -> { }), responses);
    final byte[] body = "{\"ref\":\"CLM-00000001\",\"status\":\"APPROVED\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void the_payer_is_asked_to_send_it_again_when_the_database_is_out_of_reach() throws Exception {
        when(signatures.refusal(anyString(), anyString(), anyString(), any())).thenReturn(null);
        when(responses.take(anyString(), anyString(), anyString(), any()))
                .thenThrow(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"));

        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/payers/acme-hmo/callbacks");
        request.setContent(body);

        ResponseEntity<?> answer = controller.callback("acme-hmo", "1795400000", "sha256=00", request);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("30");
    }
}
