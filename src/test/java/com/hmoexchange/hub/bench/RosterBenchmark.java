package com.hmoexchange.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.enrollees.BenefitPlan;
import com.hmoexchange.hub.enrollees.BenefitPlanRepository;
import com.hmoexchange.hub.enrollees.DependentsPolicy;
import com.hmoexchange.hub.organisations.Contracts;
import com.hmoexchange.hub.roster.RosterReport;
import com.hmoexchange.hub.roster.Rosters;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.security.Role;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.tariffs.TariffUploads;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A roster of {@code bench.members} members (half principals, each with a spouse) applied on PostgreSQL as
 * CSV and as X12 834, each then applied a second time (nothing changes), and a tariff of
 * {@code bench.tariff} rows uploaded for one contract. Each is timed from the file's bytes to the committed
 * transaction (reading, comparing with the members on file, JDBC batch writes, audit rows), and the same rows
 * are COPYed into a plain table in the same run as the baseline. Not part of the test suite: see
 * docs/benchmarks.md. The database (hub_bench_rosters, or HUB_BENCH_DB_URL) is created when missing.
 */
@Tag("benchmark")
class RosterBenchmark extends ApiTest {

    static final int MEMBERS = Integer.getInteger("bench.members", 100_000);
    static final int TARIFF = Integer.getInteger("bench.tariff", 10_000);
    static final String DB_URL = System.getenv().getOrDefault("HUB_BENCH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/hub_bench_rosters");

    @DynamicPropertySource
    static void benchDatabase(DynamicPropertyRegistry registry) throws Exception {
        String name = DB_URL.substring(DB_URL.lastIndexOf('/') + 1);
        try (Connection admin = DriverManager.getConnection(DB_URL.substring(0, DB_URL.lastIndexOf('/') + 1) + "postgres",
                System.getenv().getOrDefault("HUB_TEST_DB_USER", "postgres"), System.getenv().getOrDefault("HUB_TEST_DB_PASSWORD", ""))) {
            boolean exists = admin.createStatement().executeQuery("select 1 from pg_database where datname = '" + name + "'").next();
            if (!exists) {
                admin.createStatement().execute("create database " + name);
            }
        }
        registry.add("spring.datasource.url", () -> DB_URL);
    }

    @Autowired
    Rosters rosters;
    @Autowired
    TariffUploads tariffs;
    @Autowired
    Contracts contracts;
    @Autowired
    BenefitPlanRepository plans;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    record Timed<T>(T result, double seconds, long peakHeapMiB) {
    }

    @Test
    void rosters_of_100000_members_and_a_tariff_of_10000_rows() throws Exception {
        long payer = fixtures.payer("acme-hmo").getId();
        String plan = Fixtures.unique("BENCH");
        plans.save(new BenefitPlan(payer, plan, "Bench plan", new DependentsPolicy(1, 4, 25)));
        String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase();
        System.out.printf("%nload average at start: %s%n", java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());

        String csv = rosterCsv("C" + run, plan);
        byte[] csvBytes = csv.getBytes(StandardCharsets.UTF_8);
        Timed<RosterReport> csvRun = timed(() -> rosters.apply(payer, "bench.csv", csvBytes, "bench"));
        Timed<RosterReport> csvAgain = timed(() -> rosters.apply(payer, "bench.csv", csvBytes, "bench"));
        double csvCopy = copy("bench_roster_copy", "enrollee_number varchar(40), principal_number varchar(40), relationship varchar(20), "
                + "first_name varchar(100), last_name varchar(100), date_of_birth date, plan varchar(40), primary_provider varchar(40), "
                + "cover_start date, cover_end date", csv);
        print("roster CSV", csv.length(), csvRun, csvAgain, csvCopy);
        assertThat(csvRun.result().added()).isEqualTo(MEMBERS);
        assertThat(csvAgain.result().unchanged()).isEqualTo(MEMBERS);

        byte[] x12 = roster834("X" + run, plan).getBytes(StandardCharsets.UTF_8);
        Timed<RosterReport> x12Run = timed(() -> rosters.apply(payer, "bench.834", x12, "bench"));
        Timed<RosterReport> x12Again = timed(() -> rosters.apply(payer, "bench.834", x12, "bench"));
        double x12Copy = copy("bench_roster_copy", "enrollee_number varchar(40), principal_number varchar(40), relationship varchar(20), "
                + "first_name varchar(100), last_name varchar(100), date_of_birth date, plan varchar(40), primary_provider varchar(40), "
                + "cover_start date, cover_end date", rosterCsv("X" + run, plan));
        print("roster 834", x12.length, x12Run, x12Again, x12Copy);
        assertThat(x12Run.result().added()).isEqualTo(MEMBERS);
        assertThat(x12Again.result().unchanged()).isEqualTo(MEMBERS);

        Fixtures.Practice practice = fixtures.practice();
        long contract = contracts.current(practice.provider().getId(), payer, LocalDate.now()).orElseThrow().getId();
        HubUser owner = new HubUser(0, practice.owner(), "", Role.OWNER, practice.provider().getId(), null, null, true);
        String tariff = tariffCsv();
        Timed<TariffUploads.Report> tariffRun = timed(() -> tariffs.apply(owner, contract, "bench-tariff.csv",
                tariff.getBytes(StandardCharsets.UTF_8)));
        double tariffCopy = copy("bench_tariff_copy", "service_code varchar(40), description varchar(300), unit_price numeric(14, 2), "
                + "valid_from date, valid_to date", tariff);
        System.out.printf("tariff: %,d rows (%.1f MB) uploaded in %.2f s, peak heap %d MiB; baseline COPY %.2f s%n", TARIFF,
                tariff.length() / 1e6, tariffRun.seconds(), tariffRun.peakHeapMiB(), tariffCopy);
        assertThat(tariffRun.result().rows()).isEqualTo(TARIFF);
        System.out.printf("max heap %d MiB; load average at end: %s%n", Runtime.getRuntime().maxMemory() >> 20,
                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
    }

    private static void print(String what, int chars, Timed<RosterReport> first, Timed<RosterReport> again, double copySeconds) {
        System.out.printf("%s: %,d members (%.1f MB) applied in %.2f s (%,.0f members/s), peak heap %d MiB; "
                + "same file again (all unchanged) %.2f s, peak heap %d MiB; baseline COPY of the same rows %.2f s%n", what, MEMBERS,
                chars / 1e6, first.seconds(), MEMBERS / first.seconds(), first.peakHeapMiB(), again.seconds(), again.peakHeapMiB(), copySeconds);
    }

    private static <T> Timed<T> timed(Callable<T> work) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        T result = work.call();
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Timed<>(result, seconds, heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20);
    }

    private double copy(String table, String columns, String csv) throws Exception {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("drop table if exists " + table);
            c.createStatement().execute("create table " + table + " (" + columns + ")");
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin with (format csv, header true)",
                    new StringReader(csv));
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static String rosterCsv(String prefix, String plan) {
        StringBuilder csv = new StringBuilder(MEMBERS * 90);
        csv.append("enrolleeNumber,principalNumber,relationship,firstName,lastName,dateOfBirth,plan,primaryProvider,coverStart,coverEnd\n");
        for (int n = 0; n < MEMBERS / 2; n++) {
            String principal = prefix + "/" + n + "/0";
            LocalDate born = LocalDate.of(1960, 1, 1).plusDays(n % 12_000);
            csv.append(principal).append(",,SELF,First").append(n).append(",Last").append(n).append(',').append(born).append(',')
                    .append(plan).append(",,2026-01-01,\n");
            csv.append(prefix).append('/').append(n).append("/1,").append(principal).append(",SPOUSE,Spouse").append(n).append(",Last")
                    .append(n).append(',').append(born.plusYears(2)).append(",,,2026-01-01,\n");
        }
        return csv.toString();
    }

    private static String roster834(String prefix, String plan) {
        List<String> body = new ArrayList<>();
        for (int n = 0; n < MEMBERS / 2; n++) {
            String principal = prefix + "/" + n + "/0";
            String born = LocalDate.of(1960, 1, 1).plusDays(n % 12_000).toString().replace("-", "");
            String spouseBorn = LocalDate.of(1962, 1, 1).plusDays(n % 12_000).toString().replace("-", "");
            body.add("INS*Y*18*021*XN*A*C**FT");
            body.add("REF*0F*" + principal);
            body.add("NM1*IL*1*LAST" + n + "*FIRST" + n);
            body.add("DMG*D8*" + born + "*F");
            body.add("HD*021**HLT*" + plan + "*FAM");
            body.add("DTP*348*D8*20260101");
            body.add("INS*N*01*021*XN*A");
            body.add("REF*0F*" + principal);
            body.add("NM1*IL*1*LAST" + n + "*SPOUSE" + n + "****MI*" + prefix + "/" + n + "/1");
            body.add("DMG*D8*" + spouseBorn + "*M");
            body.add("HD*021**HLT");
            body.add("DTP*348*D8*20260101");
        }
        StringBuilder x12 = new StringBuilder(MEMBERS * 200);
        x12.append("ISA*00*          *00*          *ZZ*ACMECORP       *ZZ*HMOHUB         *260401*1200*^*00501*000000001*0*T*:~\n");
        x12.append("GS*BE*ACMECORP*HMOHUB*20260401*1200*1*X*005010X220A1~\nST*834*0001*005010X220A1~\nBGN*00*REF1*20260401*1200****2~\n");
        body.forEach(s -> x12.append(s).append("~\n"));
        x12.append("SE*").append(body.size() + 3).append("*0001~\nGE*1*1~\nIEA*1*000000001~\n");
        return x12.toString();
    }

    private static String tariffCsv() {
        StringBuilder csv = new StringBuilder(TARIFF * 60);
        csv.append("serviceCode,description,unitPrice,validFrom,validTo\n");
        LocalDate from = LocalDate.now().minusMonths(1);
        for (int n = 0; n < TARIFF; n++) {
            csv.append("SVC-").append(n).append(",Service number ").append(n).append(',').append(1000 + n % 5000).append(".00,")
                    .append(from).append(",\n");
        }
        return csv.toString();
    }
}
