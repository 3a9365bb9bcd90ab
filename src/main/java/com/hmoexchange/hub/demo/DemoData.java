package com.hmoexchange.hub.demo;

import com.hmoexchange.hub.clients.Client;
import com.hmoexchange.hub.clients.ClientCredentials;
import com.hmoexchange.hub.clients.ClientRepository;
import com.hmoexchange.hub.clients.Clients;
import com.hmoexchange.hub.enrollees.BenefitLimit;
import com.hmoexchange.hub.enrollees.BenefitPlan;
import com.hmoexchange.hub.enrollees.BenefitPlanRepository;
import com.hmoexchange.hub.enrollees.BenefitPlans;
import com.hmoexchange.hub.enrollees.DependentsPolicy;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.enrollees.EnrolleeRepository;
import com.hmoexchange.hub.organisations.Contracts;
import com.hmoexchange.hub.organisations.Organisations;
import com.hmoexchange.hub.people.People;
import com.hmoexchange.hub.preauth.NewPreAuthRequest;
import com.hmoexchange.hub.preauth.PreAuthorisations;
import com.hmoexchange.hub.preauth.Urgency;
import com.hmoexchange.hub.payers.Payer;
import com.hmoexchange.hub.payers.PayerRepository;
import com.hmoexchange.hub.providers.Provider;
import com.hmoexchange.hub.providers.ProviderRepository;
import com.hmoexchange.hub.roster.Rosters;
import com.hmoexchange.hub.security.AppUserRepository;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.security.Role;
import com.hmoexchange.hub.tariffs.TariffUploads;
import com.hmoexchange.hub.visits.Visits;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo practices, users, enrollees, tariffs and completed visits for the zero-setup run, so every
 * flow can be tried at once. Loaded on the first start only, and only in the demo profile. HMOs, practices,
 * contracts, tariffs (CSV uploads) and members (roster files) go through the services an administrator or an
 * HMO uses, plans and the corporate client through the HMO's, the banner's users through the people service
 * (an invitation whose link is used at once with the demo password, under the same password rules), and visits
 * through the billing desk's, so the demo proves them.
 */
@Component
@Profile("demo")
@Order(Ordered.LOWEST_PRECEDENCE - 1) // before DemoHistory, which bills its visits
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String CLINIC = "lekki-family-clinic";
    static final String CLIENT = "dangote-cement";
    static final String CLIENT_USER = "payroll@dangote-cement.example";
    static final String PLATFORM_ADMIN = "admin@hub-demo.example";

    private final ProviderRepository providers;
    private final PayerRepository payers;
    private final AppUserRepository users;
    private final EnrolleeRepository enrollees;
    private final Visits visits;
    private final ClientRepository clients;
    private final Clients clientService;
    private final ClientCredentials clientCredentials;
    private final BenefitPlanRepository plans;
    private final BenefitPlans planService;
    private final People people;
    private final Contracts contracts;
    private final Organisations organisations;
    private final TariffUploads tariffUploads;
    private final Rosters rosters;
    private final UserDetailsService accounts;
    private final PreAuthorisations preAuthorisations;
    private final String demoPassword;

    DemoData(ProviderRepository providers, PayerRepository payers, AppUserRepository users, EnrolleeRepository enrollees,
            Visits visits, ClientRepository clients, Clients clientService, ClientCredentials clientCredentials,
            BenefitPlanRepository plans, BenefitPlans planService, People people, Contracts contracts,
            Organisations organisations, TariffUploads tariffUploads, Rosters rosters, UserDetailsService accounts,
            PreAuthorisations preAuthorisations, DemoSettings settings) {
        this.preAuthorisations = preAuthorisations;
        this.providers = providers;
        this.payers = payers;
        this.users = users;
        this.organisations = organisations;
        this.tariffUploads = tariffUploads;
        this.rosters = rosters;
        this.accounts = accounts;
        this.enrollees = enrollees;
        this.visits = visits;
        this.clients = clients;
        this.clientService = clientService;
        this.clientCredentials = clientCredentials;
        this.plans = plans;
        this.planService = planService;
        this.people = people;
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
        HubUser lekki = (HubUser) accounts.loadUserByUsername("lekki.billing");
        if (preAuthorisations.practiceList(lekki, 1).isEmpty()) {
            preAuthorisationRequests(lekki);
        }
        if (!users.existsByRole(Role.PLATFORM_ADMIN)) {
            // The organisations and people pages, without a first start by HUB_ADMIN_EMAIL.
            people.seedWithPassword(PLATFORM_ADMIN, Role.PLATFORM_ADMIN, null, null, demoPassword);
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
        BenefitPlan standard = plan(acme, "acme-standard", "Acme Standard", new DependentsPolicy(1, 4, 18));
        plan(acme, "acme-family-plus", "Acme Family Plus", new DependentsPolicy(1, 6, 21));
        HubUser acmeAdmin = (HubUser) accounts.loadUserByUsername("acme.admin");
        Client dangote = clientService.add(acmeAdmin, CLIENT, "Dangote Cement Staff Scheme", "DCS",
                "hr@dangote-cement.example", "clients@acme-hmo.example");
        // A client user who has already chosen a password, so the client portal opens from the banner;
        // hr@dangote-cement.example is left for the Generate Credentials walk (README).
        clientCredentials.seedWithPassword(acmeAdmin, dangote.getId(), CLIENT_USER, demoPassword);
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

        // Organisations as the platform administrator records them: each payer under its HMO, the two practices.
        for (Payer payer : List.of(acme, harmony, crestline, zenith)) {
            if (payer.getHmoId() == null) {
                organisations.addHmo(payer.getCode(), payer.getName(), List.of(payer.getCode()), "demo");
            }
        }
        Provider clinic = organisations.addPractice(CLINIC, "Lekki Family Clinic", true);
        clinic.emailBillingAt("billing@lekki-clinic.example");
        Provider dental = organisations.addPractice("smile-dental-ikoyi", "Smile Dental Ikoyi", true);
        // The banner's users sign in by short names with the published demo password (see People.seedWithPassword).
        people.seedWithPassword("lekki.owner", Role.OWNER, clinic.getId(), null, demoPassword);
        people.seedWithPassword("lekki.admin", Role.ADMIN, clinic.getId(), null, demoPassword);
        people.seedWithPassword("lekki.billing", Role.BILLING_STAFF, clinic.getId(), null, demoPassword);
        people.seedWithPassword("smile.billing", Role.BILLING_STAFF, dental.getId(), null, demoPassword);
        people.seedWithPassword("acme.admin", Role.HMO_ADMIN, null, acme.getId(), demoPassword);
        people.seedWithPassword("hub.operator", Role.OPERATOR, null, null, demoPassword);
        contractsForWhatThePracticesBill();
        // The tariff and roster services read what was just recorded with plain SQL.
        providers.flush();

        // Tariffs as CSV uploads: the clinic's owner for the clinic's four contracts, Acme's administrator for
        // the dental practice (which has no owner in the demo).
        String clinicTariff = "serviceCode,description,unitPrice,validFrom,validTo\n"
                + "CONS-GP,General practitioner consultation,5000.00," + yearStart + ",\n"
                + "LAB-MP,Malaria parasite test,2000.00," + yearStart + ",\n"
                + "LAB-FBC,Full blood count,3500.00," + yearStart + ",\n"
                + "DRUG-ACT,\"Artemether-lumefantrine, full course\",4500.00," + yearStart + ",\n"
                + "XRAY-CHEST,Chest X-ray,12000.00," + yearStart + ",\n"
                // Services the HMOs want a pre-authorisation code for (payer.yaml servicesNeedingCode).
                + "IMG-MRI,MRI scan,85000.00," + yearStart + ",\n"
                + "SURG-APP,Appendicectomy,250000.00," + yearStart + ",\n"
                + "ADM-WARD,Ward admission (per day),30000.00," + yearStart + ",\n";
        HubUser owner = (HubUser) accounts.loadUserByUsername("lekki.owner");
        for (Payer payer : List.of(acme, harmony, crestline, zenith)) {
            long contract = contracts.current(clinic.getId(), payer.getId(), today).orElseThrow().getId();
            tariffUploads.apply(owner, contract, "demo-tariff-" + payer.getCode() + ".csv", utf8(clinicTariff));
        }
        tariffUploads.apply((HubUser) accounts.loadUserByUsername("acme.admin"),
                contracts.current(dental.getId(), acme.getId(), today).orElseThrow().getId(), "demo-dental-tariff.csv",
                utf8("serviceCode,description,unitPrice,validFrom,validTo\n"
                        + "DEN-EXAM,Dental examination,6000.00," + yearStart + ",\n"
                        + "DEN-SCALE,Scaling and polishing,15000.00," + yearStart + ",\n"));

        // Members as each HMO's roster file, on a plan of that HMO.
        plan(acme, "acme-standard", "Acme Standard", new DependentsPolicy(1, 4, 18));
        plan(acme, "acme-family-plus", "Acme Family Plus", new DependentsPolicy(1, 6, 21));
        BenefitPlan harmonyStandard = plan(harmony, "harmony-standard", "Harmony Standard", new DependentsPolicy(1, 4, 18));
        // Harmony answers Check cover from the roster: its annual limits, set as an HMO sets them, show with what is used.
        planService.revise(harmony.getId(), harmonyStandard.getId(), harmonyStandard.getName(), harmonyStandard.dependentsPolicy(),
                List.of(new BenefitLimit("Consultations", "CONS-", new BigDecimal("60000.00")),
                        new BenefitLimit("Drugs", "DRUG-", new BigDecimal("150000.00")),
                        new BenefitLimit("Laboratory", "LAB-", new BigDecimal("80000.00"))));
        plan(crestline, "crestline-standard", "Crestline Standard", new DependentsPolicy(1, 4, 18));
        plan(zenith, "zenith-standard", "Zenith Standard", new DependentsPolicy(1, 4, 18));
        providers.flush();
        String header = "enrolleeNumber,principalNumber,relationship,firstName,lastName,dateOfBirth,plan,primaryProvider,coverStart,coverEnd\n";
        roster(acme, header
                + "ACM/10001/0,,SELF,Adaeze,Okafor,1986-04-12,acme-standard," + CLINIC + "," + yearStart + ",\n"
                + "ACM/10001/1,ACM/10001/0,SPOUSE,Chinedu,Okafor,1984-09-03,,," + yearStart + ",\n"
                + "ACM/10001/2,ACM/10001/0,CHILD,Ada,Okafor,2016-02-20,,," + yearStart + ",\n");
        roster(harmony, header
                + "HCI-20001,,SELF,Babajide,Adeyemi,1979-11-30,harmony-standard," + CLINIC + "," + yearStart + ",\n"
                + "HCI-20002,,SELF,Funmilayo,Bello,1990-06-07,harmony-standard," + CLINIC + "," + yearStart + ","
                + today.minusDays(30) + "\n");
        roster(crestline, header
                + "CHP-30001,,SELF,Emeka,Nwosu,1975-03-14,crestline-standard," + CLINIC + "," + yearStart + ",\n"
                // Crestline's sandbox answers eligibility checks of numbers ending in 9 with "not covered" (docs/eligibility.md).
                + "CHP-30009,,SELF,Ifeoma,Obi,1988-07-21,crestline-standard," + CLINIC + "," + yearStart + ",\n");
        roster(zenith, header
                + "ZCA/30001/0,,SELF,Kunle,Adewale,1982-08-09,zenith-standard," + CLINIC + "," + yearStart + ",\n"
                + "ZCA/30001/1,ZCA/30001/0,CHILD,Tobi,Adewale,2015-02-03,,," + yearStart + ",\n");

        // Completed visits as the billing desks record them.
        Map<String, String> clinicServices = Map.of(
                "CONS-GP", "General practitioner consultation",
                "LAB-MP", "Malaria parasite test",
                "LAB-FBC", "Full blood count",
                "DRUG-ACT", "Artemether-lumefantrine, full course",
                "XRAY-CHEST", "Chest X-ray");
        HubUser lekki = (HubUser) accounts.loadUserByUsername("lekki.billing");
        visit(lekki, "ACM/10001/0", today.minusDays(3), "LFC-V-1001", List.of("CONS-GP", "LAB-MP", "DRUG-ACT"), clinicServices);
        visit(lekki, "ACM/10001/1", today.minusDays(2), "LFC-V-1002", List.of("CONS-GP", "LAB-FBC"), clinicServices);
        visit(lekki, "HCI-20001", today.minusDays(2), "LFC-V-1003", List.of("CONS-GP", "XRAY-CHEST"), clinicServices);
        visit(lekki, "HCI-20002", today.minusDays(1), "LFC-V-1004", List.of("CONS-GP", "LAB-MP"), clinicServices);
        visit(lekki, "CHP-30001", today.minusDays(1), "LFC-V-1005", List.of("CONS-GP", "LAB-FBC"), clinicServices);
        visit(lekki, "ZCA/30001/1", today.minusDays(1), "LFC-V-1006", List.of("CONS-GP", "LAB-MP"), clinicServices);
        visit((HubUser) accounts.loadUserByUsername("smile.billing"), "ACM/10001/2", today.minusDays(1), "SDI-V-501",
                List.of("DEN-EXAM", "DEN-SCALE"), Map.of("DEN-EXAM", "Dental examination", "DEN-SCALE", "Scaling and polishing"));
        log.info("Demo data loaded: 4 HMOs, 2 practices, 6 users, 9 enrollees, 7 visits");
    }

    /**
     * Pre-authorisation requests as the clinic's billing desk and Acme's desk make them: Crestline's answered at once
     * by its sandbox over FHIR (once this start's transaction commits); one Acme approved at its desk (its code is
     * the README walk's step 3); one Acme left silent, deemed authorised when the demo's short clock runs out; one
     * where Acme asked for more, waiting on its desk with the clock stopped.
     */
    private void preAuthorisationRequests(HubUser lekki) {
        HubUser acmeDesk = (HubUser) accounts.loadUserByUsername("acme.admin");
        LocalDate today = LocalDate.now();
        preAuthorisations.request(lekki, paRequest("CHP-30001", Urgency.URGENT, "IMG-MRI", "MRI brain", 1, "85000.00", "R51",
                "Headache for 3 weeks"));
        String approved = preAuthorisations.request(lekki, paRequest("ACM/10001/1", Urgency.ROUTINE, "IMG-MRI", "MRI knee", 1,
                "85000.00", "M23.2", "Knee locking after a fall")).reference();
        preAuthorisations.approve(acmeDesk, approved, "ACME-PA-1001", today, today.plusDays(30), List.of());
        preAuthorisations.request(lekki, paRequest("ACM/10001/0", Urgency.ROUTINE, "SURG-APP", "Appendicectomy", 1, "250000.00",
                "K35.8", "Right iliac fossa pain, raised white cells"));
        String asked = preAuthorisations.request(lekki, paRequest("ACM/10001/2", Urgency.URGENT, "ADM-WARD", "Ward admission",
                2, "30000.00", "A09", "Dehydrated child, needs IV fluids")).reference();
        preAuthorisations.askForMoreInformation(acmeDesk, asked, "Send the admission notes and the child's weight.");
        log.info("Demo pre-authorisation requests made: Crestline (sandbox), Acme approved, waiting and asked");
    }

    private static NewPreAuthRequest paRequest(String enrolleeNumber, Urgency urgency, String code, String description,
            int quantity, String unitPrice, String diagnosis, String notes) {
        return new NewPreAuthRequest(enrolleeNumber, urgency, List.of(new NewPreAuthRequest.Service(code, description, quantity,
                new BigDecimal(unitPrice))), List.of(diagnosis), notes);
    }

    private BenefitPlan plan(Payer payer, String code, String name, DependentsPolicy policy) {
        return plans.findByPayerIdAndCode(payer.getId(), code)
                .orElseGet(() -> planService.add(payer.getId(), code, name, policy, List.of()));
    }

    private void roster(Payer payer, String csv) {
        rosters.apply(payer.getId(), "demo-members-" + payer.getCode() + ".csv", utf8(csv), "demo");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void visit(HubUser billing, String enrolleeNumber, LocalDate date, String ref, List<String> codes,
            Map<String, String> descriptions) {
        visits.record(billing, enrolleeNumber, date, null, null, ref,
                codes.stream().map(code -> new Visits.Performed(code, descriptions.get(code), 1, date)).toList());
    }

    private Payer payer(String code) {
        return payers.findByCode(code).orElseThrow(() -> new IllegalStateException(
                "The demo needs payer '" + code + "' under mappings/; run the hub from the repository's top folder"));
    }
}
