package com.hmoexchange.hub.dispatch;

import org.apache.camel.component.http.HttpComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camel's HTTP client for payers' APIs: time limits from the settings, TLS with the JVM's trust store
 * and hostname verification (the component's defaults), no cookies, and no automatic retries of its own:
 * retrying is the broker's job, with back-off, and every attempt is recorded.
 */
@Configuration
class HttpChannel {

    @Bean("http")
    HttpComponent http(PayerHttpSettings settings) {
        return configured(settings.connectTimeoutMs(), settings.responseTimeoutMs());
    }

    @Bean("https")
    HttpComponent https(PayerHttpSettings settings) {
        return configured(settings.connectTimeoutMs(), settings.responseTimeoutMs());
    }

    private static HttpComponent configured(int connectTimeout, int responseTimeout) {
        HttpComponent http = new HttpComponent();
        http.setConnectTimeout(connectTimeout);
        http.setConnectionRequestTimeout(connectTimeout);
        http.setResponseTimeout(responseTimeout);
        http.setSoTimeout(responseTimeout);
        http.setAutomaticRetriesDisabled(true);
        // Each send stands on its own credentials: no cookies kept between claims. The dispatcher reads the
        // payer's answer from the body only, so the response headers are not copied onto the message.
        http.setCookieManagementDisabled(true);
        http.setSkipResponseHeaders(true);
        return http;
    }
}
