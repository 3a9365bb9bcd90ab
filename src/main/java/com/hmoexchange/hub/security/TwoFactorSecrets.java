package com.hmoexchange.hub.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a user's TOTP secret for the database: AES-GCM under HUB_TWO_FACTOR_KEY, bound to the user's id (a
 * sealed secret copied to another user's row does not open). Without a key the secret is stored as it is,
 * marked so, and sealed the next time it is made once a key is set.
 */
final class TwoFactorSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    TwoFactorSecrets(String base64Key) {
        this.key = base64Key == null ? null : new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES");
    }

    boolean encrypts() {
        return key != null;
    }

    String seal(long userId, byte[] secret) {
        if (key == null) {
            return "plain:" + Base64.getEncoder().encodeToString(secret);
        }
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(ByteBuffer.allocate(8).putLong(userId).array());
            byte[] sealed = cipher.doFinal(secret);
            return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    byte[] open(long userId, String stored) {
        if (stored.startsWith("plain:")) {
            return Base64.getDecoder().decode(stored.substring(6));
        }
        if (key == null) {
            throw new IllegalStateException("Two-factor secrets are encrypted, but HUB_TWO_FACTOR_KEY is not set: set it to "
                    + "the key they were encrypted with");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(3));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            cipher.updateAAD(ByteBuffer.allocate(8).putLong(userId).array());
            return cipher.doFinal(all, 12, all.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A two-factor secret does not open with HUB_TWO_FACTOR_KEY: was the key changed?", e);
        }
    }
}
