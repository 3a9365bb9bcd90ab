package com.hmoexchange.hub.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells a newcomer where the demo hub is and how to sign in, once it is ready. */
@Component
@Profile("demo")
class DemoBanner {

    private static final Logger log = LoggerFactory.getLogger(DemoBanner.class);

    private final Environment environment;
    private final DemoSettings settings;

    DemoBanner(Environment environment, DemoSettings settings) {
        this.environment = environment;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        String port = environment.getProperty("local.server.port", "8080");
        boolean published = settings.publishedPassword();
        String password = published ? settings.password() : "(the value of HUB_DEMO_PASSWORD)";
        log.info("""

                ================================================================================
                 HMO Exchange Hub demo is running
                   Web portals (sign in): http://localhost:{}/sign-in
                   API docs (Swagger UI): http://localhost:{}/swagger-ui.html
                   Health:                http://localhost:{}/actuator/health
                 Demo users (web sign-in or HTTP Basic), password for all: {}
                   lekki.owner    OWNER          Lekki Family Clinic
                   lekki.admin    ADMIN          Lekki Family Clinic
                   lekki.billing  BILLING_STAFF  Lekki Family Clinic
                   smile.billing  BILLING_STAFF  Smile Dental Ikoyi
                   acme.admin     HMO_ADMIN      Acme Health HMO (client: Dangote Cement Staff Scheme):
                                                 Manage Requests; Generate Credentials for the client's user
                   hub.operator   OPERATOR       the hub (message store, dead letters)
                   admin@hub-demo.example  PLATFORM_ADMIN  Organisations: practices, contracts, HMOs, invitations
                   payroll@dangote-cement.example  CLIENT_USER  Dangote Cement Staff Scheme: the client portal
                 A new client user: as acme.admin, Generate Credentials for hr@dangote-cement.example, open the
                   link from its mail (curl -u ADDRESS:ADDRESS 'imap://127.0.0.1:{}/INBOX;UID=*'), choose a password
                 Sandbox mailbox (every email the hub sends): imap://127.0.0.1:{}, login = password = the address
                 Sandbox payers: http://localhost:{}/sandbox/payers/acme-hmo/claims (HTTP),
                   {}/sandbox-sftp/root/claims (SFTP), http://localhost:{}/sandbox/mailboxes/claims@crestline.example (email),
                   {}/sandbox-sftp/root/zenith/claims (SFTP, X12)
                 Try: curl -u lekki.billing:{} http://localhost:{}/api/visits
                ================================================================================""",
                port, port, port, password, settings.mailbox().imapPort(), settings.mailbox().imapPort(), port,
                environment.getProperty("HUB_DATA_DIR", "./data"), port, environment.getProperty("HUB_DATA_DIR", "./data"),
                published ? password : "$HUB_DEMO_PASSWORD", port);
    }
}
