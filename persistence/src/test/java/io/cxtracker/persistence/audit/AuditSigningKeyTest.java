package io.cxtracker.persistence.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.persistence.profile.DeploymentMode;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the checkpoints' key may come from in each mode: a key the app generated itself is for local mode only. */
class AuditSigningKeyTest {
    @TempDir
    Path dir;

    @Test
    void localModeAcceptsAKeyGeneratedIntoTheLocalFolder() {
        Config config = config(Map.of(AuditSigningKey.LOCAL_KEY_DIR, dir.toString()));
        assertEquals(Optional.empty(), problem(config, DeploymentMode.LOCAL));
    }

    @Test
    void productionNeedsAKeyFileEvenWhenALocalFolderIsSet() {
        Config config = config(Map.of(AuditSigningKey.LOCAL_KEY_DIR, dir.toString()));
        String problem = problem(config, DeploymentMode.PRODUCTION).orElseThrow();
        assertTrue(problem.startsWith("cx.audit.signing-key-file (CX_AUDIT_SIGNING_KEY_FILE) is not set"), problem);
    }

    @Test
    void aReadableKeyFileServesEveryMode() throws Exception {
        Path file = dir.resolve("key.pem");
        byte[] pkcs8 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n");
        Config config = config(Map.of(AuditSigningKey.KEY_FILE, file.toString()));
        assertEquals(Optional.empty(), problem(config, DeploymentMode.PRODUCTION));
        assertEquals(Optional.empty(), problem(config, DeploymentMode.LOCAL));
    }

    @Test
    void aKeyFileThatCannotBeReadIsNamed() {
        Path missing = dir.resolve("absent.pem");
        Config config = config(Map.of(AuditSigningKey.KEY_FILE, missing.toString()));
        for (DeploymentMode mode : DeploymentMode.values()) {
            String problem = problem(config, mode).orElseThrow();
            assertTrue(problem.startsWith("cx.audit.signing-key-file (" + missing + "): cannot read"), problem);
        }
    }

    @Test
    void neitherAFileNorALocalFolderIsRefusedInLocalModeToo() {
        assertTrue(problem(config(Map.of()), DeploymentMode.LOCAL).isPresent());
    }

    private static Optional<String> problem(Config config, DeploymentMode mode) {
        return AuditSigningKey.problem(config, mode);
    }

    /** Only what the key's settings read: optional string values. */
    private static Config config(Map<String, String> values) {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getOptionalValue" -> Optional.ofNullable(values.get((String) args[0]));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
