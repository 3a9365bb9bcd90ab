package com.hmoexchange.hub.support;

import com.hmoexchange.hub.clients.Client;
import com.hmoexchange.hub.clients.ClientRepository;
import com.hmoexchange.hub.enrollees.BenefitPlan;
import com.hmoexchange.hub.enrollees.BenefitPlanRepository;
import com.hmoexchange.hub.enrollees.DependentsPolicy;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.enrollees.Relationship;
import com.hmoexchange.hub.enrollees.EnrolleeRepository;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Fresh, unique test data for each test: a practice of its own with its users, and enrollees. Tests
 * share one database, so none depends on what another left behind.
 */
@Component
public class Fixtures {

    public static final String PASSWORD = "test-password-1";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private final ProviderRepository providers;
    private final PayerRepository payers;
    private final AppUserRepository users;
    private final TariffRepository tariffs;
    private final EnrolleeRepository enrollees;
    private final ClientRepository clients;
    private final BenefitPlanRepository plans;
    private final Contracts contracts;
    private final String passwordHash;

    Fixtures(ProviderRepository providers, PayerRepository payers, AppUserRepository users, TariffRepository tariffs,
            EnrolleeRepository enrollees, ClientRepository clients, BenefitPlanRepository plans, Contracts contracts,
            PasswordEncoder encoder) {
        this.providers = providers;
        this.payers = payers;
        this.users = users;
        this.tariffs = tariffs;
        this.enrollees = enrollees;
        this.clients = clients;
        this.plans = plans;
        this.contracts = contracts;
        this.passwordHash = encoder.encode(PASSWORD);
    }

    /**
     * A corporate client of the payer with a signed-up user (password {@link #PASSWORD}), its HMO's
     * admin, and one principal on a plan of one spouse and two children under 18, who has a spouse and a child.
     */
    public record ClientSetup(Client client, String user, String hmoAdmin, BenefitPlan plan, Enrollee principal,
            Enrollee spouse, Enrollee child) {
    }

    public ClientSetup client(String payerCode) {
        Payer payer = payer(payerCode);
        String code = unique("client").toLowerCase();
        Client client = clients.save(new Client(payer.getId(), code, "Client " + code, "T" + SEQUENCE.incrementAndGet(),
                "hr@" + code + ".example", "desk@" + code + ".example", Instant.now()));
        String user = "officer@" + code + ".example";
        AppUser appUser = AppUser.ofClient(user, passwordHash, payer.getId(), client.getId());
        users.save(appUser);
        BenefitPlan plan = plans.save(new BenefitPlan(payer.getId(), unique("plan"), "Staff plan", new DependentsPolicy(1, 2, 18)));
        Enrollee principal = Enrollee.principal(unique("CLI") + "/0", payer.getId(), "Tunde", "Bakare",
                LocalDate.of(1985, 3, 1), LocalDate.now().minusYears(1), null, null);
        principal.enrolUnder(client.getId(), plan.getId());
        principal = enrollees.save(principal);
        Enrollee spouse = enrollees.save(principal.dependent(principal.getEnrolleeNumber().replace("/0", "/1"),
                Relationship.SPOUSE, "Bisi", "Bakare", LocalDate.of(1987, 5, 2)));
        Enrollee child = enrollees.save(principal.dependent(principal.getEnrolleeNumber().replace("/0", "/2"),
                Relationship.CHILD, "Kemi", "Bakare", LocalDate.now().minusYears(6)));
        return new ClientSetup(client, user, hmoAdmin(payerCode), plan, principal, spouse, child);
    }

    /** More staff for a client: {@code count} principals on its plan, each with a spouse (for benchmarks). */
    public java.util.List<Enrollee> staff(ClientSetup setup, int count) {
        java.util.List<Enrollee> principals = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            Enrollee principal = Enrollee.principal(unique("STF") + "/0", setup.client().getPayerId(), "Staff" + i, "Member",
                    LocalDate.of(1980, 1, 1).plusDays(i % 5000), LocalDate.now().minusYears(1), null, null);
            principal.enrolUnder(setup.client().getId(), setup.plan().getId());
            principals.add(principal);
        }
        enrollees.saveAll(principals);
        enrollees.saveAll(principals.stream().map(p -> p.dependent(p.getEnrolleeNumber().replace("/0", "/1"),
                Relationship.SPOUSE, "Spouse", p.getFirstName(), LocalDate.of(1982, 6, 1))).toList());
        return principals;
    }

    /** A dependent added straight to the records (as the HMO's own staff would), bypassing requests. */
    public Enrollee dependentKeyedByHmo(Enrollee principal, String suffix, Relationship relationship) {
        Enrollee reloaded = enrollees.findById(principal.getId()).orElseThrow();
        return enrollees.save(reloaded.dependent(principal.getEnrolleeNumber().replace("/0", "/" + suffix), relationship,
                "Keyed", "ByHmo", LocalDate.of(1990, 1, 1)));
    }

    /** A practice with the HMO module on, an owner, an admin and a billing user, and a contract and tariffs with every payer. */
    public record Practice(Provider provider, String owner, String admin, String billing) {
    }

    public static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    public Practice practice() {
        return practice(true);
    }

    public Practice practice(boolean hmoModule) {
        String code = unique("clinic");
        Provider provider = providers.save(new Provider(code, "Clinic " + code, hmoModule));
        String owner = code + ".owner";
        String admin = code + ".admin";
        String billing = code + ".billing";
        users.save(AppUser.ofProvider(owner, passwordHash, Role.OWNER, provider.getId()));
        users.save(AppUser.ofProvider(admin, passwordHash, Role.ADMIN, provider.getId()));
        users.save(AppUser.ofProvider(billing, passwordHash, Role.BILLING_STAFF, provider.getId()));
        LocalDate from = LocalDate.now().minusYears(1);
        for (Payer payer : payers.findAll()) {
            contracts.sign(provider.getId(), payer.getId(), from, null, "fixtures");
            tariff(provider, payer, "CONS-GP", "GP consultation", "5000.00", from, null);
            tariff(provider, payer, "LAB-MP", "Malaria parasite test", "2000.00", from, null);
            tariff(provider, payer, "DRUG-ACT", "Antimalarial course", "4500.00", from, null);
        }
        return new Practice(provider, owner, admin, billing);
    }

    public Tariff tariff(Provider provider, Payer payer, String code, String description, String price, LocalDate from,
            LocalDate to) {
        return tariffs.save(new Tariff(provider.getId(), payer.getId(), code, description, new BigDecimal(price), "NGN",
                from, to));
    }

    public String hmoAdmin(String payerCode) {
        String username = unique("hmo") + ".admin";
        users.save(AppUser.ofPayer(username, passwordHash, payer(payerCode).getId()));
        return username;
    }

    /** An HMO_ADMIN of the payer named by an email address (password {@link #PASSWORD}), so the hub's emails reach them. */
    public String hmoAdminWithEmail(String payerCode) {
        String email = unique("hmo").toLowerCase() + "@hmo.example";
        users.save(AppUser.invited(email, passwordHash, Role.HMO_ADMIN, null, payer(payerCode).getId()));
        return email;
    }

    /** An operator of the hub (password {@link #PASSWORD}). */
    public String operator() {
        String username = unique("ops");
        users.save(AppUser.operator(username, passwordHash));
        return username;
    }

    /** A platform administrator (password {@link #PASSWORD}), named by an email address. */
    public String platformAdmin() {
        String email = unique("platform").toLowerCase() + "@hub.example";
        users.save(AppUser.invited(email, passwordHash, Role.PLATFORM_ADMIN, null, null));
        return email;
    }

    /** A practice's OWNER named by an email address, so password resets reach them. */
    public String ownerWithEmail(Provider provider) {
        String email = unique("owner").toLowerCase() + "@clinic.example";
        users.save(AppUser.invited(email, passwordHash, Role.OWNER, provider.getId(), null));
        return email;
    }

    public Enrollee enrollee(String payerCode) {
        return enrollee(payerCode, LocalDate.now().minusYears(1), null);
    }

    public Enrollee enrollee(String payerCode, LocalDate coverStart, LocalDate coverEnd) {
        return enrollees.save(Enrollee.principal(unique("ENR"), payer(payerCode).getId(), "Ngozi", "Eze",
                LocalDate.of(1990, 1, 15), coverStart, coverEnd, null));
    }

    public Payer payer(String code) {
        return payers.findByCode(code).orElseThrow();
    }
}
