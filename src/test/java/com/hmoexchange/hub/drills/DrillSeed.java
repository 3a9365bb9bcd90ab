package com.hmoexchange.hub.drills;

import com.hmoexchange.hub.HubApplication;
import com.hmoexchange.hub.claims.ClaimService;
import com.hmoexchange.hub.claims.ClaimService.ServiceToBill;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.security.AppUser;
import com.hmoexchange.hub.security.AppUserRepository;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.Fixtures.Practice;
import com.hmoexchange.hub.visits.Visit;
import com.hmoexchange.hub.visits.VisitRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prepares a drill's database (drills/run.sh runs it with {@code java -cp} before the hub nodes start): the
 * hub's own migrations, then through the hub's own services a practice with a billing user, a contract and
 * tariffs with the drill payers, one member of each payer, and draft claims of two lines each. Writes the
 * drafts' ids ({@code drafts.txt}, one {@code <id> <payer>} a line) and the billing user's name
 * ({@code billing.txt}; its password is {@link Fixtures#PASSWORD}).
 *
 * <p>Arguments: {@code <out folder> <payer>=<drafts>[,<payer>=<drafts>...] [client:<payer>=<staff>]}. With the
 * third, also a corporate client of that payer with that many staff on its plan, for bulk request files: its code
 * and the staff's member numbers go to {@code client.txt} (the code on the first line). The hub's settings come
 * from the environment, as for a node.
 */
public final class DrillSeed {

    private DrillSeed() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class)
                .properties("server.port=0").run()) {
            Fixtures fixtures = hub.getBean(Fixtures.class);
            ClaimService claims = hub.getBean(ClaimService.class);
            VisitRepository visits = hub.getBean(VisitRepository.class);
            Practice practice = fixtures.practice();
            AppUser billing = hub.getBean(AppUserRepository.class).findByUsername(practice.billing()).orElseThrow();
            HubUser user = new HubUser(billing.getId(), billing.getUsername(), "", billing.getRole(), billing.getProviderId(),
                    null, null, true);
            List<String> lines = new ArrayList<>();
            for (String spec : args[1].split(",")) {
                String payer = spec.substring(0, spec.indexOf('='));
                int count = Integer.parseInt(spec.substring(spec.indexOf('=') + 1));
                Enrollee patient = fixtures.enrollee(payer);
                long[] ids = new long[count];
                inParallel(4, count, i -> {
                    Visit visit = new Visit(practice.provider().getId(), patient.getId(), LocalDate.now().minusDays(1), null,
                            null, null, "drill", LocalDate.now());
                    visit.addService("CONS-GP", "Consultation", 1, null);
                    visit.addService("LAB-MP", "Malaria test", 1, null);
                    Visit saved = visits.save(visit);
                    ids[i] = claims.createDraft(user, saved.getId(), saved.getServices().stream()
                            .map(s -> new ServiceToBill(s.getId(), null, null)).toList(), List.of("B54"), null, null).id();
                });
                for (long id : ids) {
                    lines.add(id + " " + payer);
                }
                System.out.println("drill seed: " + count + " drafts for " + payer);
            }
            Files.write(out.resolve("drafts.txt"), lines);
            if (args.length > 2 && args[2].startsWith("client:")) {
                String spec = args[2].substring("client:".length());
                Fixtures.ClientSetup client = fixtures.client(spec.substring(0, spec.indexOf('=')));
                List<String> staff = new ArrayList<>(List.of(client.client().getCode()));
                fixtures.staff(client, Integer.parseInt(spec.substring(spec.indexOf('=') + 1)))
                        .forEach(member -> staff.add(member.getEnrolleeNumber()));
                Files.write(out.resolve("client.txt"), staff);
                System.out.println("drill seed: client " + client.client().getCode() + " with " + (staff.size() - 1) + " staff");
            }
            Files.writeString(out.resolve("billing.txt"), practice.billing());
        }
        System.exit(0);
    }

    private interface Task {
        void run(int index) throws Exception;
    }

    private static void inParallel(int threads, int count, Task task) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        task.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
