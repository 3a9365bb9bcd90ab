package com.hmoexchange.hub.people;

import com.hmoexchange.hub.common.InvalidInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a new password must be: 10 to 200 characters, not the user name (nor contain it), and not one of
 * 20,000 passwords most often found in breaches. The list (security/common-passwords.txt.gz, lower case)
 * is the one Django ships for its CommonPasswordValidator (BSD licence), compiled by Royce Williams:
 * https://gist.github.com/roycewilliams/226886fd01572964e1431ac8afc999ce
 */
@Component
public class PasswordRules {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;

    private final Set<String> common;

    PasswordRules() {
        this.common = load("security/common-passwords.txt.gz");
    }

    /** Refused, naming the field "password", with what to choose instead. */
    public void check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw new InvalidInput("password", "Choose a password of " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
        String localPart = name.contains("@") ? name.substring(0, name.indexOf('@')) : name;
        if (!name.isEmpty() && (lower.contains(name) || (localPart.length() >= 4 && lower.contains(localPart)))) {
            throw new InvalidInput("password", "The password must not contain your user name. Choose one that does not.");
        }
        if (common.contains(lower)) {
            throw new InvalidInput("password", "This password is one of the most common ones found in data breaches, "
                    + "so it is guessed first. Choose another, for example three or four unrelated words.");
        }
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>(32_768);
        try (InputStream in = new GZIPInputStream(new ClassPathResource(resource).getInputStream());
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null;) {
                String word = line.trim();
                // Shorter ones are refused by the length rule already.
                if (word.length() >= MIN_LENGTH) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled list of common passwords " + resource + " cannot be read", e);
        }
        return Set.copyOf(words);
    }
}
