package io.cxtracker.persistence.audit;

import io.cxtracker.domain.audit.CheckpointSigner;
import io.cxtracker.domain.audit.Ed25519;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;
import io.cxtracker.persistence.profile.DeploymentMode;
import io.cxtracker.persistence.profile.StartupCheck;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The Ed25519 key that signs audit checkpoints. It lives outside the database, so that the database's
 * owner, who can rewrite every row, still cannot sign a rewritten chain:
 * <ul>
 *   <li>{@code cx.audit.signing-key-file} ({@code CX_AUDIT_SIGNING_KEY_FILE}): a PKCS#8 PEM private key,
 *       e.g. from {@code openssl genpkey -algorithm ed25519 -out audit-signing-key.pem}; it must exist;</li>
 *   <li>else, in local mode, {@code cx.audit.local-key-dir} ({@code CX_AUDIT_LOCAL_KEY_DIR}; {@code ./cx run}
 *       sets {@code .cx/}, the integration tests their target directory): the key
 *       {@code audit-signing-key.pem} there, generated on the first start and reused afterwards;</li>
 *   <li>neither: the application refuses to start ({@link #problem()} says why, for a production guard).</li>
 * </ul>
 */
@ApplicationScoped
public class AuditSigningKey implements CheckpointSigner, StartupCheck {
    public static final String KEY_FILE = "cx.audit.signing-key-file";
    public static final String LOCAL_KEY_DIR = "cx.audit.local-key-dir";
    public static final String LOCAL_KEY_NAME = "audit-signing-key.pem";
    private static final Logger LOG = Logger.getLogger(AuditSigningKey.class.getName());

    private volatile KeyPair keys;

    /** For CDI. */
    public AuditSigningKey() {
    }

    /** A fixed key (tests). */
    public AuditSigningKey(PrivateKey key) {
        this.keys = new KeyPair(Ed25519.publicKeyOf(key), key);
    }

    /** Loads (or, in local mode, creates) the key at start-up: a missing or unreadable key stops the deployment. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            // the start-up guard names it in its refusal (readiness DOWN, nothing served): no half-failed deployment
            LOG.severe("no audit signing key: " + problem.get());
            return;
        }
        keys();
        LOG.info("audit checkpoints are signed with the Ed25519 key of fingerprint " + Ed25519.fingerprint(publicKey()));
    }

    @Override
    public String sign(byte[] message) {
        return Ed25519.sign(keys().getPrivate(), message);
    }

    @Override
    public PublicKey publicKey() {
        return keys().getPublic();
    }

    /**
     * Why the configured signing key cannot be used, or empty when it can: for a start-up guard that lists
     * every refusal of a production deployment. Never creates a key.
     */
    public static Optional<String> problem() {
        return problem(ConfigProvider.getConfig());
    }

    @Override
    public Optional<String> problem(DeploymentMode mode) {
        return problem(ConfigProvider.getConfig(), mode);
    }

    /** A key generated into the local folder serves local mode only; elsewhere the operator names a key file. */
    static Optional<String> problem(Config config, DeploymentMode mode) {
        return mode == DeploymentMode.LOCAL ? problem(config) : keyFileProblem(config);
    }

    static Optional<String> problem(Config config) {
        if (setting(config, KEY_FILE).isEmpty() && setting(config, LOCAL_KEY_DIR).isPresent()) {
            return Optional.empty();
        }
        return keyFileProblem(config);
    }

    /**
     * Why no usable key file is configured, or empty when one is: outside local mode the key must be a file the
     * operator keeps (and backs up) outside the database, never one the application generated for itself.
     */
    public static Optional<String> keyFileProblem(Config config) {
        Optional<String> file = setting(config, KEY_FILE);
        if (file.isPresent()) {
            try {
                load(Path.of(file.get()));
                return Optional.empty();
            } catch (RuntimeException e) {
                return Optional.of(KEY_FILE + " (" + file.get() + "): " + e.getMessage());
            }
        }
        return Optional.of(KEY_FILE + " (CX_AUDIT_SIGNING_KEY_FILE) is not set: audit checkpoints need an Ed25519 "
                + "private key (PKCS#8 PEM) kept outside the database; create one with "
                + "'openssl genpkey -algorithm ed25519 -out audit-signing-key.pem'");
    }

    private KeyPair keys() {
        KeyPair current = keys;
        if (current == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = configured(ConfigProvider.getConfig());
                }
                current = keys;
            }
        }
        return current;
    }

    static KeyPair configured(Config config) {
        Optional<String> file = setting(config, KEY_FILE);
        if (file.isPresent()) {
            return load(Path.of(file.get()));
        }
        Optional<String> dir = setting(config, LOCAL_KEY_DIR);
        if (dir.isPresent()) {
            return localKey(Path.of(dir.get()));
        }
        throw new IllegalStateException(problem(config).orElseThrow());
    }

    static KeyPair load(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the audit signing key: " + e, e);
        }
        PrivateKey key = Ed25519.privateKeyFromPem(pem);
        return new KeyPair(Ed25519.publicKeyOf(key), key);
    }

    /** The local key, generated once; a second node racing to create it reads the one that won. */
    static KeyPair localKey(Path dir) {
        Path file = dir.resolve(LOCAL_KEY_NAME);
        if (Files.exists(file)) {
            return load(file);
        }
        KeyPair generated = Ed25519.generate();
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, LOCAL_KEY_NAME, ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own protection applies
            }
            Files.writeString(temp, Ed25519.privateKeyPem(generated.getPrivate()), StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException e) {
                return load(file);
            } finally {
                Files.deleteIfExists(temp);
            }
            LOG.info("generated the local audit signing key " + file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the local audit signing key in " + dir, e);
        }
    }

    private static Optional<String> setting(Config config, String name) {
        return config.getOptionalValue(name, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }
}
