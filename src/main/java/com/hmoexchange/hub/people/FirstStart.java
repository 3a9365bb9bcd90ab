package com.hmoexchange.hub.people;

import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.mail.Mailer;
import com.hmoexchange.hub.security.AppUserRepository;
import com.hmoexchange.hub.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The hub's first start: with HUB_ADMIN_EMAIL set and no platform administrator yet, creates one and emails
 * them a one-time set-password link (printed once to the console, saying so, when no mail server is set).
 * Nothing else is created; once there is an administrator a start does nothing, and further administrators
 * are invited by the first.
 */
@Component
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final AppUserRepository users;
    private final People people;
    private final Mailer mailer;
    private final PeopleSettings settings;

    FirstStart(AppUserRepository users, People people, Mailer mailer, PeopleSettings settings) {
        this.users = users;
        this.people = people;
        this.mailer = mailer;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.existsByRole(Role.PLATFORM_ADMIN)) {
            return;
        }
        if (settings.adminEmail() == null) {
            log.info("No platform administrator yet: set HUB_ADMIN_EMAIL to the first administrator's address and "
                    + "restart to create one (docs/administration.md).");
            return;
        }
        People.Created created;
        try {
            created = people.firstAdministrator(settings.adminEmail());
        } catch (InvalidInput | RuleViolation refused) {
            log.error("First start: no platform administrator created for HUB_ADMIN_EMAIL={}: {}", settings.adminEmail(),
                    refused.getMessage());
            return;
        }
        if (mailer.isConfigured()) {
            log.info("First start: platform administrator {} created; a link to choose the password was emailed "
                    + "(valid until {} UTC).", settings.adminEmail(), created.invited().linkExpiresAt());
        } else {
            // The one place a link is written to the log: without a mail server there is no other way to deliver it.
            log.warn("First start: platform administrator {} created. No mail server is configured (HUB_MAIL_HOST), so "
                    + "the one-time link to choose the password is printed here, once; it works until {} UTC: {}",
                    settings.adminEmail(), created.invited().linkExpiresAt(), created.link());
        }
    }
}
