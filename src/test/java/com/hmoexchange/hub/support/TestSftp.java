package com.hmoexchange.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/** A real SFTP server (Apache MINA SSHD) for the whole test run, on a free port, serving a temporary folder. */
public final class TestSftp {

    public static final String USER = "hub";
    public static final String PASSWORD = "sftp-test-secret";
    public static final String INTAKE = "client-requests";

    private static final Path ROOT = createRoot();
    private static final SshServer SERVER = start();

    private TestSftp() {
    }

    private static Path createRoot() {
        try {
            return Files.createTempDirectory("hub-sftp-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SshServer start() {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(ROOT.resolveSibling(ROOT.getFileName() + ".hostkey")));
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(ROOT));
        try {
            Files.createDirectories(ROOT.resolve(INTAKE));
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop(true);
            } catch (IOException ignored) {
                // the JVM is going away
            }
        }));
        return server;
    }

    /** The server's root folder on disk (the intake folder is {@link #INTAKE} under it). */
    public static Path root() {
        return ROOT;
    }

    public static int port() {
        return SERVER.getPort();
    }

    /** Puts a file in a client's intake folder as an upload would, all at once (written aside, then moved in). */
    public static Path upload(String clientCode, String fileName, String content, FileTime modified) {
        try {
            Path folder = Files.createDirectories(ROOT.resolve(INTAKE).resolve(clientCode));
            Path partial = folder.resolve("." + fileName + ".part");
            Files.writeString(partial, content, StandardCharsets.UTF_8);
            if (modified != null) {
                Files.setLastModifiedTime(partial, modified);
            }
            return Files.move(partial, folder.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
