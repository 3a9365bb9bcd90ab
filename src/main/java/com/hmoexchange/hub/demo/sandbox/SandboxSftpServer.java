package com.hmoexchange.hub.demo.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import com.hmoexchange.hub.payers.PayerCatalog;
import com.hmoexchange.hub.payers.SftpSection;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's SFTP payer (Harmony Care): an SFTP server inside the hub, so a claim sent by SFTP can
 * be seen arriving as a file under data/sandbox-sftp/root. Its host key is kept on disk and written
 * to a known_hosts file, which the hub checks like any real payer's server. Demo profile only.
 */
@Component
@Profile("demo")
class SandboxSftpServer implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SandboxSftpServer.class);

    private final Path home;
    private final int port;
    private final String username;
    private final String password;
    private SshServer server;

    /** Harmony's login is the server's; Zenith shares the server (see application-demo.yml). */
    SandboxSftpServer(SandboxSettings settings, PayerCatalog payers) {
        SftpSection harmony = payers.settings("harmony-care").section(SftpSection.class);
        this.home = settings.dataDir().resolve("sandbox-sftp");
        this.port = harmony.port();
        this.username = harmony.username();
        this.password = harmony.password();
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        Path root = Files.createDirectories(home.resolve("root/claims"));
        // Harmony's outbound folder: its sandbox answers (status and remittance files) appear here.
        Files.createDirectories(home.resolve("root/responses"));
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(home.resolve("hostkey.ser"));
        keys.setAlgorithm("RSA");
        start(keys, root);
        KeyPair key = keys.loadKeys(null).iterator().next();
        Files.writeString(home.resolve("known_hosts"),
                "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(key.getPublic()) + "\n");
        log.info("Sandbox SFTP payer listening on 127.0.0.1:{}; claims land in {}", port, root.toAbsolutePath());
    }

    /** Takes the sandbox payer down (true) or brings it back (false), to see retries and delivery once it returns. */
    synchronized void down(boolean down) throws IOException {
        if (down && server.isStarted()) {
            server.stop(true);
        } else if (!down && !server.isStarted()) {
            SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(home.resolve("hostkey.ser"));
            keys.setAlgorithm("RSA");
            start(keys, home.resolve("root/claims"));
        }
    }

    boolean isUp() {
        return server.isStarted();
    }

    private void start(SimpleGeneratorHostKeyProvider keys, Path root) throws IOException {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(port);
        server.setKeyPairProvider(keys);
        server.setPasswordAuthenticator((user, pass, session) -> username.equals(user) && password.equals(pass));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root.getParent().toAbsolutePath()));
        server.start();
    }

    @Override
    public void destroy() throws IOException {
        if (server != null) {
            server.stop(true);
        }
    }
}
