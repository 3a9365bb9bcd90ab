package com.hmoexchange.hub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.junit.jupiter.api.Test;

/** The delivery error billing staff see on a claim says what went wrong in words, never a Java class name. */
class DeliveryErrorsTests {

    @Test
    void a_refused_connection_is_said_in_words_whatever_wraps_it() {
        String text = DeliveryErrors.describe(new RuntimeException("org.apache.camel.CamelExchangeException: failed",
                new HttpHostConnectException("Connect to http://payer.example:8080 failed: Connection refused")));
        assertThat(text).isEqualTo("The payer's server could not be reached (connection refused or no route); it is tried again.");
        assertThat(DeliveryErrors.describe(new ConnectException("Connection refused"))).doesNotContain("ConnectException");
    }

    @Test
    void an_unknown_host_an_sftp_failure_and_anything_else_name_no_class() {
        assertThat(DeliveryErrors.describe(new UnknownHostException("payer.invalid")))
                .isEqualTo("The payer's address could not be found (host payer.invalid): check the payer's settings.");
        assertThat(DeliveryErrors.describe(new GenericFileOperationFailedException("Cannot connect to sftp://payer:22")))
                .isEqualTo("The payer's SFTP server refused or broke off the transfer (Cannot connect to sftp://payer:22); it is tried again.");
        assertThat(DeliveryErrors.describe(new IllegalStateException("java.lang.IllegalStateException: broken pipe")))
                .isEqualTo("The send to the payer failed (broken pipe); it is tried again.");
        assertThat(DeliveryErrors.describe(null)).doesNotContain("null");
    }

    @Test
    void the_log_gives_a_payers_refusal_and_failure_without_its_answer_which_may_quote_the_patient() {
        assertThat(Dispatcher.loggable("The payer refused the claim (HTTP 422): {\"error\": \"Ngozi Eze, born 1990-01-15, is not covered\"}"))
                .isEqualTo("The payer refused the claim (HTTP 422); its answer is on the Messages page");
        assertThat(Dispatcher.loggable("HTTP 503 from the payer: member ACM/10001/0\nnot found"))
                .isEqualTo("HTTP 503 from the payer; its answer is on the Messages page");
        assertThat(Dispatcher.loggable("Connection refused by sftp.harmony.example:22")).isEqualTo("Connection refused by sftp.harmony.example:22");
    }
}
