package com.hmoexchange.hub.demo;

import com.hmoexchange.hub.clients.Client;
import com.hmoexchange.hub.clients.ClientRepository;
import com.hmoexchange.hub.enrollees.BenefitPlan;
import com.hmoexchange.hub.enrollees.BenefitPlanRepository;
import com.hmoexchange.hub.enrollees.DependentsPolicy;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.enrollees.EnrolleeRepository;
import com.hmoexchange.hub.enrollees.Relationship;
import com.hmoexchange.hub.organisations.Contracts;
import com.hmoexchange.hub.payers.Payer;
import com.hmoexchange.hub.payers.PayerRepository;
import com.hmoexchange.hub.providers.Provider;
import com.hmoexchange.hub.providers.ProviderRepository;
import com.hmoexchange.hub.security.AppUser;
import com.hmoexchange.hub.security.AppUserRepository;
import com.hmoexchange.hub.security.Role;
import com.hmoexchange.hub.tariffs.Tariff;
import com.hmoexchange.hub.tariffs.TariffRepository;
import com.hmoexchange.hub.visits.Visit;
import com.hmoexchange.hub.visits.VisitRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo practices, users, enrollees, tariffs and completed visits for the zero-setup run, so every
 * flow can be tried at once. Loaded on the first start only, and only in the demo profile.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String CLINIC = "lekki-family-clinic";
    static final String CLIENT = "dangote-cement";
    static final String CLIENT_USER = "payroll@dangote-cement.example";
    static final String PLATFORM_ADMIN = "admin@hub-demo.example";

    private final ProviderRepository providers;
    private final PayerRepository payers;
    private final AppUserRepository users;
    private final TariffRepository tariffs;
    private final EnrolleeRepository enrollees;
    private final VisitRepository visits;
    private final ClientRepository clients;
    private final BenefitPlanRepository plans;
    private final PasswordEncoder passwords;
    private final Contracts contracts;
    private final String demoPassword;

    DemoData(ProviderRepository providers, PayerRepository payers, AppUserRepository users, TariffRepository tariffs,
            EnrolleeRepository enrollees, VisitRepository visits, ClientRepository clients, BenefitPlanRepository plans,
            PasswordEncoder passwords, Contracts contracts, DemoSettings settings) {
        this.providers = providers;
        this.payers = payers;
        this.users = users;
        this.tariffs = tariffs;
        this.enrollees = enrollees;
        this.visits = visits;
        this.clients = clients;
        this.plans = plans;
        this.passwords = passwords;
        this.contracts = contracts;
        this.demoPassword = settings.password();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (providers.findByCode(CLINIC).isPresent()) {
            log.info("Demo data already present");
        } else {
            practicesAndVisits();
        }
        if (clients.findByCode(CLIENT).isEmpty()) {
            clientPortal();
        }
        contractsForWhatThePracticesBill();
        if (!users.existsByRole(Role.PLATFORM_ADMIN)) {
            // The organisations and people pages, without a first start by HUB_ADMIN_EMAIL.
            users.save(AppUser.invited(PLATFORM_ADMIN, passwords.encode(demoPassword), Role.PLATFORM_ADMIN, null, null));
        }
    }

    /**
     * Each demo practice's contracts with the payers it bills: the clinic with all four, the dental practice
     * with Acme. Separate, so a data folder from before contracts existed gets them too.
     */
    private void contractsForWhatThePracticesBill() {
        LocalDate from = LocalDate.now().withDayOfYear(1).minusYears(1);
        providers.findByCode(CLINIC).ifPresent(clinic -> {
            for (String payer : List.of("acme-hmo", "harmony-care", "crestline-health", "zenith-care")) {
                contract(clinic, payer(payer), from);
            }
        });
        providers.findByCode("smile-dental-ikoyi").ifPresent(dental -> contract(dental, payer("acme-hmo"), from));
    }

    private void contract(Provider practice, Payer payer, LocalDate from) {
        if (contracts.current(practice.getId(), payer.getId(), LocalDate.now()).isEmpty()) {
            contracts.sign(practice.getId(), payer.getId(), from, null, "demo");
        }
    }

    /**
     * Acme's corporate client, its plans, and the Okafor family (ACM/10001/0 with a spouse and a child)
     * as its staff. Separate from the rest so that a data folder from before the portal gets it too.
     */
    private void clientPortal() {
        Payer acme = payer("acme-hmo");
        BenefitPlan standard = plans.save(new BenefitPlan(acme.getId(), "acme-standard", "Acme Standard",
                new DependentsPolicy(1, 4, 18)));
        plans.save(new BenefitPlan(acme.getId(), "acme-family-plus", "Acme Family Plus", new DependentsPolicy(1, 6, 21)));
        Client dangote = clients.save(new Client(acme.getId(), CLIENT, "Dangote Cement Staff Scheme", "DCS",
                "hr@dangote-cement.example", "clients@acme-hmo.example", Instant.now()));
        // A client user who has already chosen a password, so the client portal opens from the banner;
        // hr@dangote-cement.example is left for the Generate Credentials walk (README).
        users.save(AppUser.ofClient(CLIENT_USER, passwords.encode(demoPassword), acme.getId(), dangote.getId()));
        enrollees.findByEnrolleeNumber("ACM/10001/0").ifPresent(adaeze -> {
            adaeze.enrolUnder(dangote.getId(), standard.getId());
            enrollees.findByPrincipalIdOrderByEnrolleeNumber(adaeze.getId()).forEach(Enrollee::followPrincipal);
        });
        log.info("Demo client loaded: Dangote Cement Staff Scheme (Acme Health HMO) with the Okafor family and {}", CLIENT_USER);
    }

    private void practicesAndVisits() {
        Payer acme = payer("acme-hmo");
        Payer harmony = payer("harmony-care");
        Payer crestline = payer("crestline-health");
        Payer zenith = payer("zenith-care");
        LocalDate today = LocalDate.now();
        LocalDate yearStart = today.withDayOfYear(1).minusYears(1);

        Provider lekki = new Provider(CLINIC, "Lekki Family Clinic", true);
        lekki.emailBillingAt("billing@lekki-clinic.example");
        Provider clinic = providers.save(lekki);
        Provider dental = providers.save(new Provider("smile-dental-ikoyi", "Smile Dental Ikoyi", true));
        String hash = passwords.encode(demoPassword);
        users.save(AppUser.ofProvider("lekki.owner", hash, Role.OWNER, clinic.getId()));
        users.save(AppUser.ofProvider("lekki.admin", hash, Role.ADMIN, clinic.getId()));
        users.save(AppUser.ofProvider("lekki.billing", hash, Role.BILLING_STAFF, clinic.getId()));
        users.save(AppUser.ofProvider("smile.billing", hash, Role.BILLING_STAFF, dental.getId()));
        users.save(AppUser.ofPayer("acme.admin", hash, acme.getId()));
        users.save(AppUser.operator("hub.operator", hash));

        Map<String, String> clinicServices = Map.of(
                "CONS-GP", "General practitioner consultation",
                "LAB-MP", "Malaria parasite test",
                "LAB-FBC", "Full blood count",
                "DRUG-ACT", "Artemether-lumefantrine, full course",
                "XRAY-CHEST", "Chest X-ray");
        Map<String, String> prices = Map.of("CONS-GP", "5000.00", "LAB-MP", "2000.00", "LAB-FBC", "3500.00",
                "DRUG-ACT", "4500.00", "XRAY-CHEST", "12000.00");
        for (Payer payer : List.of(acme, harmony, crestline, zenith)) {
            clinicServices.forEach((code, description) -> tariffs.save(new Tariff(clinic.getId(), payer.getId(), code,
                    description, new BigDecimal(prices.get(code)), "NGN", yearStart, null)));
        }
        tariffs.save(new Tariff(dental.getId(), acme.getId(), "DEN-EXAM", "Dental examination", new BigDecimal("6000.00"),
                "NGN", yearStart, null));
        tariffs.save(new Tariff(dental.getId(), acme.getId(), "DEN-SCALE", "Scaling and polishing",
                new BigDecimal("15000.00"), "NGN", yearStart, null));

        Enrollee adaeze = enrollees.save(Enrollee.principal("ACM/10001/0", acme.getId(), "Adaeze", "Okafor",
                LocalDate.of(1986, 4, 12), yearStart, null, clinic.getId()));
        Enrollee chinedu = enrollees.save(adaeze.dependent("ACM/10001/1", Relationship.SPOUSE, "Chinedu", "Okafor",
                LocalDate.of(1984, 9, 3)));
        Enrollee ada = enrollees.save(adaeze.dependent("ACM/10001/2", Relationship.CHILD, "Ada", "Okafor",
                LocalDate.of(2016, 2, 20)));
        Enrollee babajide = enrollees.save(Enrollee.principal("HCI-20001", harmony.getId(), "Babajide", "Adeyemi",
                LocalDate.of(1979, 11, 30), yearStart, null, clinic.getId()));
        Enrollee emeka = enrollees.save(Enrollee.principal("CHP-30001", crestline.getId(), "Emeka", "Nwosu",
                LocalDate.of(1975, 3, 14), yearStart, null, clinic.getId()));
        Enrollee kunle = enrollees.save(Enrollee.principal("ZCA/30001/0", zenith.getId(), "Kunle", "Adewale",
                LocalDate.of(1982, 8, 9), yearStart, null, clinic.getId()));
        Enrollee tobi = enrollees.save(kunle.dependent("ZCA/30001/1", Relationship.CHILD, "Tobi", "Adewale",
                LocalDate.of(2015, 2, 3)));
        Enrollee funmilayo = enrollees.save(Enrollee.principal("HCI-20002", harmony.getId(), "Funmilayo", "Bello",
                LocalDate.of(1990, 6, 7), yearStart, today.minusDays(30), clinic.getId()));

        visit(clinic, adaeze, today.minusDays(3), "LFC-V-1001",
                List.of("CONS-GP", "LAB-MP", "DRUG-ACT"), clinicServices);
        visit(clinic, chinedu, today.minusDays(2), "LFC-V-1002", List.of("CONS-GP", "LAB-FBC"), clinicServices);
        visit(clinic, babajide, today.minusDays(2), "LFC-V-1003", List.of("CONS-GP", "XRAY-CHEST"), clinicServices);
        visit(clinic, funmilayo, today.minusDays(1), "LFC-V-1004", List.of("CONS-GP", "LAB-MP"), clinicServices);
        visit(clinic, emeka, today.minusDays(1), "LFC-V-1005", List.of("CONS-GP", "LAB-FBC"), clinicServices);
        visit(clinic, tobi, today.minusDays(1), "LFC-V-1006", List.of("CONS-GP", "LAB-MP"), clinicServices);
        visit(dental, ada, today.minusDays(1), "SDI-V-501", List.of("DEN-EXAM", "DEN-SCALE"),
                Map.of("DEN-EXAM", "Dental examination", "DEN-SCALE", "Scaling and polishing"));
        log.info("Demo data loaded: 2 practices, 6 users, 8 enrollees, 7 visits");
    }

    private void visit(Provider provider, Enrollee patient, LocalDate date, String ref, List<String> codes,
            Map<String, String> descriptions) {
        Visit visit = new Visit(provider.getId(), patient.getId(), date, null, null, ref, "demo", LocalDate.now());
        codes.forEach(code -> visit.addService(code, descriptions.get(code), 1, date));
        visits.save(visit);
    }

    private Payer payer(String code) {
        return payers.findByCode(code).orElseThrow(() -> new IllegalStateException(
                "The demo needs payer '" + code + "' under mappings/; run the hub from the repository's top folder"));
    }
}
