package com.hmoexchange.hub.mailintake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Authentication-Results headers as real mail servers write them (RFC 8601), and the intake's decision on them. */
class AuthenticationResultsTests {

    private static final String GMAIL = """
            mx.google.com;
                   dkim=pass header.i=@crestline.example header.s=20230601 header.b=Tz4bJx0K;
                   spf=pass (google.com: domain of answers@crestline.example designates 209.85.220.41 as permitted sender) smtp.mailfrom=answers@crestline.example;
                   dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=crestline.example""";

    private static final String MICROSOFT = "spf=pass (sender IP is 40.107.22.70) smtp.mailfrom=crestline.example; "
            + "dkim=pass (signature was verified) header.d=crestline.example;dmarc=pass action=none "
            + "header.from=crestline.example;compauth=pass reason=100";

    private static final String OPENDKIM = "mail.hub.example; dkim=pass (2048-bit key; unprotected) header.d=crestline.example "
            + "header.i=@crestline.example header.a=rsa-sha256 header.s=mail header.b=\"AbC/dEf1\"; dkim-atps=neutral";

    private static final String OPENDMARC = "mail.hub.example; dmarc=pass (p=reject dis=none) header.from=crestline.example";

    @Test
    void gmails_header_reads_with_its_comments_dropped() {
        AuthenticationResults header = AuthenticationResults.parse(GMAIL);

        assertThat(header.authservId()).isEqualTo("mx.google.com");
        assertThat(header.results()).extracting(AuthenticationResults.Result::method).containsExactly("dkim", "spf", "dmarc");
        assertThat(header.results().get(0).property("header.i")).contains("@crestline.example");
        assertThat(header.results().get(1).property("smtp.mailfrom")).contains("answers@crestline.example");
        assertThat(header.results().get(2).result()).isEqualTo("pass");
        assertThat(header.results().get(2).property("header.from")).contains("crestline.example");
    }

    @Test
    void opendkim_and_opendmarc_write_one_header_each_with_quoted_values() {
        AuthenticationResults dkim = AuthenticationResults.parse(OPENDKIM);
        AuthenticationResults dmarc = AuthenticationResults.parse(OPENDMARC);

        assertThat(dkim.authservId()).isEqualTo("mail.hub.example");
        assertThat(dkim.results()).extracting(AuthenticationResults.Result::text)
                .containsExactly("dkim=pass header.d=crestline.example header.i=@crestline.example header.a=rsa-sha256 "
                        + "header.s=mail header.b=AbC/dEf1", "dkim-atps=neutral");
        assertThat(dmarc.results()).extracting(AuthenticationResults.Result::text)
                .containsExactly("dmarc=pass header.from=crestline.example");
    }

    @Test
    void a_version_after_the_authserv_id_a_method_version_a_reason_and_none() {
        AuthenticationResults versioned = AuthenticationResults.parse(
                "MX.Hub.Example 1; dkim/1=fail reason=\"signature did not verify\" header.d=crestline.example");
        AuthenticationResults none = AuthenticationResults.parse("mx.hub.example; none");

        assertThat(versioned.authservId()).isEqualTo("mx.hub.example");
        assertThat(versioned.results().get(0).method()).isEqualTo("dkim");
        assertThat(versioned.results().get(0).result()).isEqualTo("fail");
        assertThat(versioned.results().get(0).reason()).isEqualTo("signature did not verify");
        assertThat(none.authservId()).isEqualTo("mx.hub.example");
        assertThat(none.results()).isEmpty();
    }

    @Test
    void microsofts_header_names_no_authserv_id_and_is_never_trusted() {
        assertThat(AuthenticationResults.parse(MICROSOFT).authservId()).isEmpty();
        assertThat(AuthenticationResults.parse("(((").results()).isEmpty();
        assertThat(AuthenticationResults.parse(null).authservId()).isEmpty();
    }

    private static final IntakeRule CRESTLINE = new IntakeRule(List.of("@crestline.example"), true);

    @Test
    void a_mail_passes_when_the_hubs_own_server_says_dkim_and_dmarc_pass_for_an_allowed_sender() {
        assertThat(CRESTLINE.problems(List.of("answers@crestline.example"), List.of(OPENDKIM, OPENDMARC), "mail.hub.example")).isEmpty();
        assertThat(CRESTLINE.problems(List.of("answers@crestline.example"), List.of(GMAIL), "mx.google.com")).isEmpty();
    }

    @Test
    void a_passing_header_from_another_server_is_ignored() {
        List<String> problems = CRESTLINE.problems(List.of("answers@crestline.example"), List.of(GMAIL), "mail.hub.example");

        assertThat(problems).singleElement().asString()
                .contains("No authentication result from the hub's mail server mail.hub.example")
                .contains("[mx.google.com] were ignored");
    }

    @Test
    void a_sender_outside_the_list_a_failing_dkim_a_missing_dmarc_each_say_what_was_seen() {
        assertThat(CRESTLINE.problems(List.of("someone@crestline.example.evil"), List.of(OPENDKIM, OPENDMARC), "mail.hub.example"))
                .anyMatch(p -> p.contains("someone@crestline.example.evil is not among the allowed senders [@crestline.example]"));
        assertThat(CRESTLINE.problems(List.of("answers@crestline.example"),
                List.of("mail.hub.example; dkim=fail header.d=crestline.example", OPENDMARC), "mail.hub.example"))
                .containsExactly("DKIM did not pass for crestline.example: dkim=fail header.d=crestline.example.");
        assertThat(CRESTLINE.problems(List.of("answers@crestline.example"), List.of(OPENDKIM), "mail.hub.example"))
                .containsExactly("DMARC did not pass for crestline.example: no result.");
    }

    @Test
    void a_signature_of_another_domain_or_a_forged_pass_beside_the_servers_fail_does_not_pass() {
        assertThat(CRESTLINE.problems(List.of("answers@crestline.example"),
                List.of("mail.hub.example; dkim=pass header.d=mailer.example", OPENDMARC), "mail.hub.example"))
                .singleElement().asString().startsWith("DKIM did not pass");
        assertThat(CRESTLINE.problems(List.of("answers@crestline.example"),
                List.of(OPENDKIM, "mail.hub.example; dmarc=fail (p=reject) header.from=crestline.example", OPENDMARC),
                "mail.hub.example")).singleElement().asString().startsWith("DMARC did not pass");
    }

    @Test
    void without_a_named_server_nothing_is_trusted_and_without_authentication_only_the_sender_counts() {
        assertThat(CRESTLINE.problems(List.of("answers@crestline.example"), List.of(OPENDKIM, OPENDMARC), ""))
                .singleElement().asString().contains("HUB_MAIL_AUTHSERV_ID");
        assertThat(new IntakeRule(List.of("answers@crestline.example"), false)
                .problems(List.of("Answers@Crestline.example"), List.of(), "")).isEmpty();
        assertThat(new IntakeRule(List.of(), false).problems(List.of("answers@crestline.example"), List.of(), ""))
                .singleElement().asString().contains("not among the allowed senders []");
    }
}
