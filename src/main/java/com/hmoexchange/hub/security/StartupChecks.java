package com.hmoexchange.hub.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with a setting that is only safe on a developer's machine, unless it is allowed explicitly:
 * the H2 file database, a public address over plain http, the demo profile on a public address, a mail server
 * elsewhere reached without TLS. Checked before any bean is made (nothing is migrated, no port is opened), and
 * every refusal at once, each naming the setting to change ({@link UnsafeSettingsAnalyzer} prints them).
 */
@Component
class StartupChecks implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<UnsafeSettings.Refusal> refused = check(environment);
        if (!refused.isEmpty()) {
            throw new UnsafeSettings(refused);
        }
    }

    static List<UnsafeSettings.Refusal> check(Environment env) {
        Binder binder = Binder.get(env);
        SafetyOverrides allowed = binder.bind("hub", SafetyOverrides.class).orElse(SafetyOverrides.NONE);
        List<UnsafeSettings.Refusal> refused = new ArrayList<>();
        String database = env.getProperty("spring.datasource.url", "");
        if (database.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:") && !allowed.allowH2()) {
            refused.add(new UnsafeSettings.Refusal("The database is H2 (" + database.replaceAll(";.*", "")
                    + "), meant for trying the hub out only: one node, no append-only audit, user 'sa'.",
                    "Set HUB_DB_URL, HUB_DB_USER and HUB_DB_PASSWORD to your PostgreSQL database "
                            + "(or HUB_ALLOW_H2=true to try the hub out on H2)."));
        }
        String publicUrl = env.getProperty("hub.public-url", "");
        String publicHost = hostOf(publicUrl);
        boolean publicIsLocal = publicHost != null && isLocal(publicHost);
        if (publicUrl.toLowerCase(Locale.ROOT).startsWith("http://") && !publicIsLocal && !allowed.allowPlainHttp()) {
            refused.add(new UnsafeSettings.Refusal("The public address " + publicUrl + " is plain http: passwords, session "
                    + "cookies and sign-in links would cross the network readable by anyone on the way.",
                    "Set HUB_PUBLIC_URL to the https address people reach the hub at (your TLS proxy's), "
                            + "or HUB_ALLOW_PLAIN_HTTP=true if the network in between is trusted."));
        }
        if (env.acceptsProfiles(Profiles.of("demo")) && publicHost != null && !publicIsLocal
                && !allowed.allowDemoOnPublicAddress()) {
            refused.add(new UnsafeSettings.Refusal("The demo profile is on, with the public address " + publicUrl
                    + ": the demo makes users with a published password and opens /sandbox/** to anyone.",
                    "Remove 'demo' from SPRING_PROFILES_ACTIVE (spring.profiles.active) for a hub people reach, or set "
                            + "HUB_ALLOW_DEMO_ON_PUBLIC_ADDRESS=true for a demonstration on a shared machine."));
        }
        String mailHost = env.getProperty("spring.mail.host", "").trim();
        if (!mailHost.isEmpty() && !isLocal(mailHost) && !mailOverTls(env, binder) && !allowed.allowSmtpWithoutTls()) {
            refused.add(new UnsafeSettings.Refusal("The mail server " + mailHost + " is reached without TLS: sign-in "
                    + "links and mail passwords would cross the network in clear.",
                    "Set HUB_MAIL_STARTTLS=true (STARTTLS required; the usual for port 587), "
                            + "or HUB_ALLOW_SMTP_WITHOUT_TLS=true for a mail server on a trusted network."));
        }
        return refused;
    }

    /** STARTTLS required, or SMTP over TLS from the start (smtps, or mail.smtp.ssl.enable). */
    private static boolean mailOverTls(Environment env, Binder binder) {
        Map<String, String> properties = binder.bind("spring.mail.properties", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        return "smtps".equalsIgnoreCase(env.getProperty("spring.mail.protocol", "smtp"))
                || Boolean.parseBoolean(properties.get("mail.smtp.starttls.required"))
                || Boolean.parseBoolean(properties.get("mail.smtp.ssl.enable"));
    }

    private static String hostOf(String url) {
        try {
            return URI.create(url.trim()).getHost();
        } catch (IllegalArgumentException notAnAddress) {
            return null; // PublicAddress refuses it with its own message
        }
    }

    /** This machine: localhost and the loopback addresses. */
    static boolean isLocal(String host) {
        String h = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }
}
