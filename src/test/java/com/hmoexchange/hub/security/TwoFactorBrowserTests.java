package com.hmoexchange.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Two-factor sign-in in the browser, as an operator (whose role requires it): enrolment at the first sign-in
 * before anything else (the secret read from the page, the code computed here as an app would), then sign-in with
 * a code, a code used twice, a wrong code, and recovery codes that work once.
 */
class TwoFactorBrowserTests extends SecurityRulesTest {

    private static final String PASSWORD = com.hmoexchange.hub.support.Fixtures.PASSWORD;

    @Test
    void anOperatorEnrolsAtFirstSignInThenSignsInWithACodeOrARecoveryCodeOnce() throws Exception {
        String operator = fixtures.operator();

        password(operator);
        browser().waitForUrl("/account/two-factor");
        assertThat(browser().text(By.id("two-factor-required"))).contains("must sign in with a code");
        // Nothing else opens before enrolling.
        browser().open("/operator/messages");
        browser().waitForUrl("/account/two-factor");

        String secretText = browser().text(By.id("two-factor-secret")).replace(" ", "");
        byte[] secret = new Base32().decode(secretText);
        assertThat(secret).hasSize(20);
        assertThat(qrCodeOnThePage()).startsWith("otpauth://totp/").contains("secret=" + secretText)
                .contains("issuer=HMO%20Exchange%20Hub");

        browser().type("code", code(secret, Duration.ofMinutes(-10)));
        browser().find(By.cssSelector("#confirm-form button")).click();
        assertThat(browser().text(By.id("code-error"))).contains("does not match");

        String enrolCode = code(secret, Duration.ZERO);
        browser().type("code", enrolCode);
        browser().find(By.cssSelector("#confirm-form button")).click();
        browser().waitFor(By.cssSelector("#recovery-codes code"));
        List<String> recovery = browser().all(By.cssSelector("#recovery-codes code")).stream().map(WebElement::getText).toList();
        assertThat(recovery).hasSize(10).allMatch(c -> c.matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){3}"));
        browser().find(By.id("continue")).click();
        browser().waitForUrl("/operator/messages");
        browser().signOut();

        // The code just used does not work twice; the next one does.
        password(operator);
        browser().waitForUrl("/sign-in/code");
        submitCode(enrolCode);
        assertThat(browser().text(By.id("code-error"))).contains("does not match");
        clock.advance(Duration.ofSeconds(30));
        submitCode(code(secret, Duration.ZERO));
        browser().waitForUrl("/operator/messages");
        browser().signOut();

        // A wrong code is refused; a recovery code lets in, once.
        password(operator);
        browser().waitForUrl("/sign-in/code");
        submitCode(code(secret, Duration.ofMinutes(-30)));
        assertThat(browser().text(By.id("code-error"))).contains("does not match");
        submitCode(recovery.get(0).toLowerCase());
        browser().waitForUrl("/operator/messages");
        browser().signOut();
        password(operator);
        browser().waitForUrl("/sign-in/code");
        submitCode(recovery.get(0));
        assertThat(browser().text(By.id("code-error"))).contains("does not match");
        submitCode(recovery.get(1));
        browser().waitForUrl("/operator/messages");
        browser().open("/account/two-factor");
        assertThat(browser().text(By.id("codes-left"))).isEqualTo("8");
        browser().signOut();
    }

    @Test
    void aPracticeOwnerMayTurnItOnFromTheAccountPageAndThenBasicIsRefusedToThem() {
        String owner = fixtures.ownerWithEmail(fixtures.practice().provider());
        assertThat(new com.hmoexchange.hub.support.Api(port, owner, PASSWORD).get("/api/account").status()).isEqualTo(200);

        browser().signIn(owner, PASSWORD);
        browser().open("/account");
        browser().find(By.id("two-factor-link")).click();
        byte[] secret = new Base32().decode(browser().text(By.id("two-factor-secret")).replace(" ", ""));
        browser().type("code", code(secret, Duration.ZERO));
        browser().find(By.cssSelector("#confirm-form button")).click();
        browser().waitFor(By.cssSelector("#recovery-codes code")); // the next page, not the form it was clicked on
        assertThat(browser().all(By.cssSelector("#recovery-codes code"))).hasSize(10);

        var refused = new com.hmoexchange.hub.support.Api(port, owner, PASSWORD).get("/api/account");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("code").asText()).isEqualTo("two-factor-required");
        browser().signOut();
    }

    private String code(byte[] secret, Duration shift) {
        return Totp.standard().code(secret, clock.instant().plus(shift));
    }

    private void password(String username) {
        browser().driver().manage().deleteAllCookies();
        browser().open("/sign-in");
        browser().type("username", username);
        browser().type("password", PASSWORD);
        browser().find(By.cssSelector("form button[type=submit]")).click();
    }

    private void submitCode(String code) {
        browser().type("code", code);
        browser().find(By.cssSelector("#code-form button")).click();
    }

    /** The QR code the page shows, fetched with the browser's session and read as a phone's camera would. */
    private String qrCodeOnThePage() throws Exception {
        Object width = ((JavascriptExecutor) browser().driver()).executeScript(
                "return document.getElementById('qr-code').naturalWidth");
        assertThat(((Number) width).intValue()).isGreaterThan(0);
        Cookie session = browser().driver().manage().getCookies().stream()
                .filter(c -> c.getName().equals("SESSION") || c.getName().equals("JSESSIONID")).findFirst().orElseThrow();
        HttpResponse<byte[]> png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/account/two-factor/qr.png"))
                .header("Cookie", session.getName() + "=" + session.getValue()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }
}
