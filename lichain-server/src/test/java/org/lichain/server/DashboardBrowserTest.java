package org.lichain.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in Debian's headless Chromium driven by Selenium, against a server on the fixture dataset.
 * Screenshots go to target/screenshots. Skipped (assumption) only when /usr/bin/chromedriver is absent.
 */
class DashboardBrowserTest {
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path profile;
    static LichainServer server;
    static ChromeDriver driver;
    static WebDriverWait wait;
    static Http http;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(CHROMEDRIVER.canExecute(), "no /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        server = LichainServer.start(Fixture.world(), Fixture.config(), List.of());
        http = new Http(server);
        ChromeOptions o = new ChromeOptions();
        if (new File("/usr/bin/chromium").canExecute()) {
            o.setBinary("/usr/bin/chromium");
        }
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        Files.createDirectories(SHOTS);
        driver.get(server.url());
        wait.until(d -> "ready".equals(d.findElement(By.tagName("body")).getDomAttribute("data-curve")));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    static void shot(String name) throws IOException {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    static String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    @Test
    void costCurve_sliderMovesThePriceAndTheShareAtALoss() throws IOException {
        // opens at the fixture's reference price: USD 10,000 (2023, latest before 2025) x 1.13 x 7.0 = CNY 79,100
        assertThat(text("price-readout")).isEqualTo(
                "Price: USD 10,000/t LCE ex-VAT = CNY 79,100/t incl. VAT (2025, C1)");
        assertThat(text("share-at-loss")).isEqualTo("Share of output at a loss: 0.0%");
        assertThat(driver.findElement(By.id("curve-chart")).getDomAttribute("data-bars")).isEqualTo("4");
        assertThat(driver.findElements(By.cssSelector("#curve-chart svg path")).size()).isGreaterThan(4);
        shot("curve-reference-price");

        // 28 steps of USD 250 to the left: 10,000 - 7,000 = 3,000
        WebElement slider = driver.findElement(By.id("price-slider"));
        slider.click();
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = 10000; arguments[0].focus();", slider);
        for (int i = 0; i < 28; i++) {
            slider.sendKeys(Keys.ARROW_LEFT);
        }
        wait.until(d -> text("price-readout").startsWith("Price: USD 3,000/t LCE ex-VAT = CNY")
                && "ready".equals(d.findElement(By.tagName("body")).getDomAttribute("data-curve")));
        JsonNode api = http.get("/api/curve?year=2025&basis=c1&price_usd=3000").json();
        // 3000 x 1.13 x 7.0 = 23,730 CNY
        assertThat(text("price-readout")).isEqualTo("Price: USD 3,000/t LCE ex-VAT = CNY 23,730/t incl. VAT (2025, C1)");
        assertThat(api.get("share_at_loss").asDouble()).isBetween(0.01, 0.99); // brine is below 3,000, lepidolite above
        assertThat(text("share-at-loss")).isEqualTo("Share of output at a loss: " + pct(api.get("share_at_loss").asDouble()));
        shot("curve-price-3000");

        new Select(driver.findElement(By.id("curve-type"))).selectByValue("lepidolite");
        wait.until(d -> text("share-at-loss").startsWith("Share of selected output"));
        assertThat(driver.findElement(By.id("curve-chart")).getDomAttribute("data-bars")).isEqualTo("2");
        assertThat(text("share-at-loss")).isEqualTo("Share of selected output at a loss: "
                + pct(api.get("by_resource_type").get("lepidolite").get("share_at_loss").asDouble()));
        assertThat(driver.findElements(By.cssSelector("#curve-assets tbody tr"))).hasSize(2);
        shot("curve-lepidolite-filter");
        new Select(driver.findElement(By.id("curve-type"))).selectByValue("");
    }

    @Test
    void viewsWhoseCapabilityHasNotLanded_sayNotAvailableInThisBuild() throws IOException {
        for (String[] v : new String[][] {{"market", "market-status"}, {"trade", "trade-status"},
                {"selfsuff", "selfsuff-status"}, {"company", "company-status"}, {"river", "river-status"},
                {"plan", "plan-status"}, {"ensemble", "ensemble-status"}}) {
            driver.findElement(By.cssSelector("#nav button[data-view=" + v[0] + "]")).click();
            wait.until(d -> text(v[1]).startsWith("Not available in this build"));
            shot("view-" + v[0]);
        }
        driver.findElement(By.cssSelector("#nav button[data-view=curve]")).click();
    }

    @Test
    void scenarioForm_namesTheBadField_requiresTheToken_andReports501() throws IOException {
        driver.findElement(By.cssSelector("#nav button[data-view=jobs]")).click();
        wait.until(d -> text("jobs-capability").startsWith("Not available in this build"));
        WebElement from = driver.findElement(By.id("job-from"));
        WebElement token = driver.findElement(By.id("job-token"));
        token.clear();
        driver.findElement(By.id("job-start")).click();
        wait.until(d -> text("job-status").startsWith("Unauthorized"));

        token.sendKeys(Fixture.TOKEN);
        from.clear();
        from.sendKeys("2020-13");
        driver.findElement(By.id("job-start")).click();
        wait.until(d -> text("job-status").startsWith("Invalid scenario.from"));
        assertThat(from.getDomAttribute("class")).contains("invalid");
        shot("jobs-invalid-field");

        from.clear();
        from.sendKeys("2020-01");
        driver.findElement(By.id("job-start")).click();
        wait.until(d -> text("job-status").startsWith("Not available in this build"));
        assertThat(text("job-status")).contains("simulate");
        shot("jobs-not-available");
        driver.findElement(By.cssSelector("#nav button[data-view=curve]")).click();
    }
}
