package com.hmoexchange.hub.payers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.PropertyResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payers are configured as folders, not code: at start-up every {@code mappings/<code>/payer.yaml}
 * is read once into {@link PayerSettings}, checked, and mirrored into the payer table. A broken file stops
 * start-up with a message naming the file and the field, rather than a hub running with a half-configured
 * payer. Everything else in the hub reads the settings from here, never the file.
 */
@Component
public class PayerCatalog implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(PayerCatalog.class);

    private final Path mappingsDir;
    private final PayerRepository payers;
    private final TransactionTemplate tx;
    private final PropertyResolver placeholders;
    private final Map<String, PayerSettings> settings = new ConcurrentHashMap<>();

    @Autowired
    PayerCatalog(PayerFolders folders, PayerRepository payers, TransactionTemplate tx, PropertyResolver placeholders) {
        this(folders.mappingsDir(), payers, tx, placeholders);
    }

    PayerCatalog(Path mappingsDir, PayerRepository payers, TransactionTemplate tx, PropertyResolver placeholders) {
        this.mappingsDir = mappingsDir;
        this.payers = payers;
        this.tx = tx;
        this.placeholders = placeholders;
    }

    /** Reads and checks every payer folder without touching the database: for tools and sample checks. */
    public static PayerCatalog read(Path mappingsDir, PropertyResolver placeholders) {
        PayerCatalog catalog = new PayerCatalog(mappingsDir, null, null, placeholders);
        catalog.readAll();
        return catalog;
    }

    /** The payer's settings, as read at start. */
    public PayerSettings settings(String code) {
        PayerSettings payer = settings.get(code);
        if (payer == null) {
            throw new IllegalArgumentException("No payer '" + code + "' under " + mappingsDir.toAbsolutePath());
        }
        return payer;
    }

    /** Every payer, by code. */
    public List<PayerSettings> all() {
        return settings.values().stream().sorted(java.util.Comparator.comparing(PayerSettings::code)).toList();
    }

    public boolean has(String code) {
        return code != null && settings.containsKey(code);
    }

    public Set<String> codes() {
        return Set.copyOf(settings.keySet());
    }

    @Override
    public void afterPropertiesSet() {
        List<PayerSettings> read = readAll();
        tx.executeWithoutResult(status -> read.forEach(this::upsert));
        log.info("Loaded {} payer(s) from {}: {}", read.size(), mappingsDir.toAbsolutePath(),
                read.stream().map(PayerSettings::code).toList());
        read.stream().filter(p -> p.has(SftpSection.class) && !p.section(SftpSection.class).strictHostKeyChecking()).forEach(p -> log.warn(
                "Payer {}: sftp.strictHostKeyChecking is false: the hub talks to its SFTP server without checking its host key", p.code()));
    }

    List<PayerSettings> readAll() {
        if (!Files.isDirectory(mappingsDir)) {
            log.warn("No mappings folder at {}: no payers are configured", mappingsDir.toAbsolutePath());
            return List.of();
        }
        try (Stream<Path> folders = Files.list(mappingsDir)) {
            List<PayerSettings> read = new ArrayList<>();
            for (Path file : folders.map(folder -> folder.resolve("payer.yaml")).filter(Files::isRegularFile).sorted().toList()) {
                read.add(PayerYaml.read(file, placeholders));
            }
            read.forEach(p -> settings.put(p.code(), p));
            return read;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list payer mappings in " + mappingsDir.toAbsolutePath(), e);
        }
    }

    private void upsert(PayerSettings payer) {
        payers.findByCode(payer.code()).ifPresentOrElse(
                row -> row.update(payer),
                () -> payers.save(new Payer(payer)));
    }
}
