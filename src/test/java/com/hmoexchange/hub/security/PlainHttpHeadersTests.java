package com.hmoexchange.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import org.junit.jupiter.api.Test;

/** On this machine's http address (the tests', the demo's) there is no HSTS, which would pin browsers to https. */
class PlainHttpHeadersTests extends ApiTest {

    @Test
    void an_http_public_address_gets_the_same_headers_without_hsts() {
        for (String path : new String[] {"/sign-in", "/api/claims"}) {
            Api.Response answer = anonymous().get(path);
            assertThat(answer.header("Strict-Transport-Security")).as(path).isNull();
            assertThat(answer.header("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'");
            assertThat(answer.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(answer.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
        }
    }
}
