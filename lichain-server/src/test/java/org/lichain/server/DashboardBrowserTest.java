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
    static LichainServer embedded;
    static ChromeDriver driver;
    static WebDriverWait wait;
    static Http http;

    @BeforeAll
    static void start() throws IOException {
        if ("1".equals(System.getenv("LICHAIN_REQUIRE_BROWSER"))) { // CI installs the browser: it must be there
            org.junit.jupiter.api.Assertions.assertTrue(CHROMEDRIVER.canExecute(),
                    "LICHAIN_REQUIRE_BROWSER=1 but /usr/bin/chromedriver is missing");
        }
        assumeTrue(CHROMEDRIVER.canExecute(), "no /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        server = LichainServer.start(Fixture.world(), Fixture.config(), List.of());
        // with the built-in mc runner; the test classpath has the test-only ensemble model "toy-test" (core test-jar)
        embedded = LichainServer.start(org.lichain.dataset.DatasetLoader.loadEmbedded(),
                Fixture.config().withMonitoringDb(profile.resolve("monitoring.duckdb")), LichainServer.defaultRunners());
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
        wait = new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(100));
        Files.createDirectories(SHOTS);
    }

    /** Loads the dashboard of a server and waits until the cost curve has been drawn. */
    static void open(LichainServer s) {
        driver.get(s.url());
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
        if (embedded != null) {
            embedded.close();
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
        open(server);
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
        open(server); // the fixture dataset has no company or river data, and no job kind is registered
        for (String[] v : new String[][] {{"market", "market-status"}, {"trade", "trade-status"},
                {"selfsuff", "selfsuff-status"}, {"company", "company-status"}, {"river", "river-status"},
                {"groundwater", "gw-status"}, {"plan", "plan-status"}, {"ensemble", "ensemble-status"}}) {
            driver.findElement(By.cssSelector("#nav button[data-view=" + v[0] + "]")).click();
            wait.until(d -> text(v[1]).startsWith("Not available in this build"));
            shot("na-" + v[0]);
        }
        driver.findElement(By.cssSelector("#nav button[data-view=curve]")).click();
    }

    @Test
    void scenarioForm_namesTheBadField_requiresTheToken_andReports501() throws IOException {
        open(server);
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

    @Test
    void companyRiverAndPlan_renderFromTheEmbeddedDataset() throws IOException {
        open(embedded);
        shot("embedded-curve");
        driver.findElement(By.cssSelector("#nav button[data-view=company]")).click();
        wait.until(d -> "4".equals(d.findElement(By.id("company-chart")).getDomAttribute("data-segments")));
        assertThat(driver.findElements(By.cssSelector("#company-chart svg path")).size()).isGreaterThan(4);
        shot("company-catl-2025");

        // two thallium samples at the Gao'an intake above the 0.1 µg/L limit, ingested over the API
        Http.Response ingest = http(embedded).post("/api/env/measurements", String.join("\n",
                "station,time,analyte,value,unit,detection_limit,qualifier,lab",
                "ST-INTAKE-GAOAN,2022-11-24T08:00,thallium,0.0002,mg/L,0.00002,,LAB-A",
                "ST-INTAKE-GAOAN,2022-11-24T10:00,Tl,150,ng/L,20,,LAB-A") + "\n", Fixture.TOKEN);
        assertThat(ingest.json().get("accepted").asInt()).isEqualTo(2);
        driver.findElement(By.cssSelector("#nav button[data-view=river]")).click();
        wait.until(d -> d.findElement(By.id("river-chart")).getDomAttribute("data-points") != null);
        int points = Integer.parseInt(driver.findElement(By.id("river-chart")).getDomAttribute("data-points"));
        int stations = Integer.parseInt(driver.findElement(By.id("river-chart")).getDomAttribute("data-stations"));
        JsonNode river = http(embedded).get("/api/env/river?year=2023&month=7").json();
        assertThat(points).isEqualTo(river.get("profile").get("points").size());
        assertThat(stations).isPositive();
        wait.until(d -> text("river-alerts-status").contains("alert(s) on 2 stored thallium measurements"));
        assertThat(driver.findElement(By.cssSelector("#river-alerts tbody tr td")).getText())
                .startsWith("ST-INTAKE-GAOAN");
        shot("river-2023-07");

        driver.findElement(By.cssSelector("#nav button[data-view=plan]")).click();
        driver.findElement(By.id("plan-go")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#plan-table tbody tr")).isEmpty());
        JsonNode plan = http(embedded).get("/api/env/plan?month=2025-07").json();
        assertThat(driver.findElements(By.cssSelector("#plan-table tbody tr"))).hasSize(plan.get("visits").size());
        assertThat(driver.findElement(By.cssSelector("#plan-table tbody tr td")).getText())
                .isEqualTo(plan.get("visits").get(0).get("site").asText());
        // issue 14: the plan reads the same store as the River view (it said "no monitoring store attached")
        assertThat(plan.get("past_alerts").asInt()).isPositive();
        assertThat(text("plan-status")).contains("monitoring store: ").contains(plan.get("past_alerts").asInt()
                + " past alert(s)").doesNotContain("no monitoring store");
        shot("plan-2025-07");
    }

    @Test
    void groundwater_plansThePlumeAndListsThePoints() throws IOException {
        open(embedded);
        driver.findElement(By.cssSelector("#nav button[data-view=groundwater]")).click();
        wait.until(d -> d.findElement(By.id("gw-plan")).getDomAttribute("data-cells") != null);
        JsonNode g = http(embedded).get("/api/env/groundwater?site=GW-JIANXIAWO&year=2023&scenario=liner-failure"
                + "&years=30").json();
        int cells = 0;
        for (JsonNode row : g.get("plan").get("ug_per_l")) {
            for (JsonNode v : row) {
                cells += v.asDouble() >= 0.001 ? 1 : 0;
            }
        }
        assertThat(Integer.parseInt(driver.findElement(By.id("gw-plan")).getDomAttribute("data-cells")))
                .isEqualTo(cells).isPositive();
        assertThat(driver.findElements(By.cssSelector("#gw-plan svg path")).size()).isGreaterThan(cells);
        assertThat(driver.findElements(By.cssSelector("#gw-points tbody tr"))).hasSize(g.get("points").size());
        assertThat(driver.findElement(By.cssSelector("#gw-points tbody tr td")).getText())
                .isEqualTo(g.get("points").get(0).get("id").asText());
        assertThat(text("gw-status")).contains("t residue");
        shot("groundwater-jianxiawo");
        // a site whose asset books no residue: the API's 400 is shown, naming stock_t
        new Select(driver.findElement(By.id("gw-site"))).selectByValue("GW-YONGXING");
        driver.findElement(By.id("gw-go")).click();
        wait.until(d -> text("gw-status").contains("stock_t"));
        assertThat(driver.findElements(By.cssSelector("#gw-points tbody tr"))).isEmpty();
    }

    static Http http(LichainServer s) {
        return new Http(s);
    }

    @Test
    void scenarioForm_startsAnEnsemble_showsProgress_thenTheFanChart() throws IOException {
        open(embedded);
        driver.findElement(By.cssSelector("#nav button[data-view=jobs]")).click();
        new Select(driver.findElement(By.id("job-kind"))).selectByValue("mc");
        for (String[] f : new String[][] {{"job-from", "2024-01"}, {"job-to", "2031-12"}, {"job-seed", "7"},
                {"job-runs", "200"}, {"job-extra", "{\"model\": \"toy-test\"}"}, {"job-token", Fixture.TOKEN}}) {
            WebElement e = driver.findElement(By.id(f[0]));
            e.clear();
            e.sendKeys(f[1]);
        }
        driver.findElement(By.id("job-start")).click();
        wait.until(d -> "succeeded".equals(d.findElement(By.id("job-progress")).getDomAttribute("data-state")));
        assertThat(text("job-progress")).contains("200/200 (100.0%)");
        wait.until(d -> text("job-result").contains("price_cny_per_t_incl_vat_avg"));
        // the result as the chart it describes (p5, p50, p95 of the first metric), not a JSON dump
        wait.until(d -> "3".equals(attr("job-result-chart", "data-series")));
        assertThat(text("job-result")).doesNotContain("{");
        shot("jobs-mc-succeeded");

        driver.findElement(By.cssSelector("#nav button[data-view=ensemble]")).click();
        // 2024..2031: eight years of p5..p95
        wait.until(d -> "8".equals(d.findElement(By.id("ensemble-chart")).getDomAttribute("data-years")));
        assertThat(driver.findElements(By.cssSelector("#ensemble-chart svg path")).size()).isGreaterThan(4);
        shot("ensemble-fan");
    }

    @Test
    void marketViews_drawASimulationRun() throws Exception {
        Http h = http(embedded);
        Http.Response r = h.post("/api/jobs", "{\"kind\":\"simulate\",\"scenario\":{\"from\":\"2020-01\","
                + "\"to\":\"2025-12\"}}", Fixture.TOKEN);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(ApiTest.waitFor(h, r.json().get("id").asText()).get("state").asText()).isEqualTo("succeeded");
        open(embedded);
        driver.findElement(By.cssSelector("#nav button[data-view=market]")).click();
        wait.until(d -> "72".equals(d.findElement(By.id("market-price")).getDomAttribute("data-months")));
        assertThat(driver.findElements(By.cssSelector("#market-supply svg path")).size()).isGreaterThan(3);
        shot("market-2020-2025");
        driver.findElement(By.cssSelector("#nav button[data-view=trade]")).click();
        wait.until(d -> d.findElement(By.id("trade-chart")).getDomAttribute("data-links") != null);
        assertThat(Integer.parseInt(driver.findElement(By.id("trade-chart")).getDomAttribute("data-links")))
                .isPositive();
        shot("trade-sankey-2025");
        driver.findElement(By.cssSelector("#nav button[data-view=selfsuff]")).click();
        wait.until(d -> d.findElements(By.cssSelector("#selfsuff-chart svg path")).size() > 3);
        shot("self-sufficiency-2020-2025");
    }

    /** The Market view shows the forecast from the record's last month: history, band and the record per horizon. */
    @Test
    void marketView_showsTheLatestForecastWithItsBandHistoryAndRecord() throws Exception {
        open(embedded);
        driver.findElement(By.cssSelector("#nav button[data-view=market]")).click();
        WebDriverWait slow = new WebDriverWait(driver, java.time.Duration.ofSeconds(120));
        slow.until(d -> "24".equals(attr("market-forecast", "data-forecast-months")));
        assertThat(attr("market-forecast", "data-origin")).isEqualTo("2025-12");
        assertThat(attr("market-forecast", "data-history-months")).isEqualTo("36");
        // observed, p10, p50, p90
        assertThat(driver.findElements(By.cssSelector("#market-forecast svg path")).size()).isGreaterThanOrEqualTo(4);
        var rows = driver.findElements(By.cssSelector("#market-skill tbody tr"));
        assertThat(rows).hasSize(5); // 1, 3, 6, 12, 24 months
        assertThat(rows.get(2).findElements(By.tagName("td")).get(0).getText()).isEqualTo("6 months");
        // the 6-month MASE cell shows a number (the record from 2019-01 has 78 origins with a 6-month outcome)
        assertThat(rows.get(2).findElements(By.tagName("td")).get(1).getText()).isEqualTo("78");
        assertThat(rows.get(2).findElements(By.tagName("td")).get(4).getText()).matches("\\d+\\.\\d\\d");
        assertThat(text("market-forecast-status")).startsWith("Origin 2025-12: 20 members");
        driver.executeScript("arguments[0].scrollIntoView()", driver.findElement(By.id("market-forecast-status")));
        shot("market-forecast-2025-12");
    }

    static String attr(String id, String name) {
        return driver.findElement(By.id(id)).getDomAttribute(name);
    }

    static void fill(String id, String value) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    /** Starts a simulation from the scenario form (no JSON typing) under a name and waits for it to finish. */
    static void startNamedRun(String name, String seed) {
        driver.findElement(By.cssSelector("#nav button[data-view=jobs]")).click();
        fill("job-name", name);
        new Select(driver.findElement(By.id("job-kind"))).selectByValue("simulate");
        fill("job-from", "2024-01");
        fill("job-to", "2024-12");
        fill("job-seed", seed);
        fill("job-runs", "1");
        fill("job-extra", "{}");
        fill("job-token", Fixture.TOKEN);
        driver.findElement(By.id("job-start")).click();
        wait.until(d -> text("job-status").startsWith("Job \"" + name + "\""));
        wait.until(d -> "succeeded".equals(attr("job-progress", "data-state")));
        wait.until(d -> text("job-result").startsWith(name + " (simulate"));
    }

    /**
     * Issue 14: the daily tool in the browser — the asset detail as tables and a cost chart (no JSON), chart
     * downloads, the scenario form to named runs, two runs overlaid with a delta table and the observed prices, the
     * schedule view (typical day and heat map), and the 简体中文 switch with Chinese place and company names.
     */
    @Test
    void dailyTool_assetDetail_downloads_namedRuns_overlay_schedule_andChinese() throws IOException {
        open(embedded);
        try {
            // asset detail: owners with stakes in percent, the cost breakdown as a table and a bar chart
            driver.findElements(By.cssSelector("#curve-assets tbody tr")).stream()
                    .filter(r -> r.getText().startsWith("CN-JX-01")).findFirst().orElseThrow().click();
            wait.until(d -> "CN-JX-01".equals(attr("asset-detail", "data-asset")));
            String detail = text("asset-detail");
            assertThat(detail).contains("Owners", "CATL", "100%", "Cost breakdown", "Process balance per t LCE")
                    .doesNotContain("{").doesNotContain("\"c1\"");
            assertThat(Integer.parseInt(attr("asset-cost-chart", "data-parts"))).isGreaterThan(5);
            assertThat(driver.findElements(By.cssSelector("#asset-cost-chart svg path")).size()).isGreaterThan(5);
            shot("asset-detail-cn-jx-01");

            // every chart has CSV and PNG downloads
            driver.findElement(By.cssSelector("#curve-chart-tools button:nth-child(1)")).click();
            wait.until(d -> String.valueOf(attr("curve-chart-tools", "data-download")).startsWith("csv:"));
            assertThat(attr("curve-chart-tools", "data-download")).startsWith("csv:series,x,y:");
            driver.findElement(By.cssSelector("#curve-chart-tools button:nth-child(2)")).click();
            wait.until(d -> String.valueOf(attr("curve-chart-tools", "data-download")).startsWith("png:"));

            // two runs from the form, named by their scenario
            startNamedRun("quiet-2024", "1");
            startNamedRun("second-2024", "2");
            shot("jobs-named-run");
            driver.findElement(By.cssSelector("#nav button[data-view=market]")).click();
            wait.until(d -> attr("market-price", "data-months") != null);
            Select a = new Select(driver.findElement(By.id("market-job")));
            a.getOptions().stream().filter(o -> o.getText().startsWith("second-2024")).findFirst().orElseThrow().click();
            wait.until(d -> !driver.findElements(By.cssSelector("#market-job2 option")).isEmpty()
                    && driver.findElements(By.cssSelector("#market-job2 option")).stream()
                    .anyMatch(o -> o.getText().startsWith("quiet-2024")));
            new Select(driver.findElement(By.id("market-job2"))).getOptions().stream()
                    .filter(o -> o.getText().startsWith("quiet-2024")).findFirst().orElseThrow().click();
            wait.until(d -> "quiet-2024".equals(attr("market-price", "data-overlay")));
            assertThat(driver.findElements(By.cssSelector("#market-delta tbody tr"))).hasSize(1); // 2024
            assertThat(driver.findElement(By.cssSelector("#market-delta tbody tr td")).getText()).isEqualTo("2024");
            // observed history: the 12 SMM monthly averages of 2024 drawn with the runs
            assertThat(attr("market-price", "data-observed")).isEqualTo("12");
            shot("market-two-runs-overlay");

            // schedule view: a typical day by stage and an hour x day heat map (31 x 24 = 744 cells)
            driver.findElement(By.cssSelector("#nav button[data-view=schedule]")).click();
            wait.until(d -> !driver.findElements(By.cssSelector("#schedule-plant option")).isEmpty());
            new Select(driver.findElement(By.id("schedule-plant"))).selectByValue("CN-JX-AGG");
            fill("schedule-month", "2025-07");
            driver.findElement(By.id("schedule-go")).click();
            new WebDriverWait(driver, Duration.ofSeconds(120), Duration.ofMillis(200))
                    .until(d -> "744".equals(attr("schedule-heat", "data-cells")));
            assertThat(driver.findElements(By.cssSelector("#schedule-stages tbody tr"))).hasSize(4);
            assertThat(driver.findElements(By.cssSelector("#schedule-day svg path")).size()).isGreaterThan(4);
            shot("schedule-typical-day-heat-map");

            // 简体中文: labels and the names of Yichun's places and companies
            new Select(driver.findElement(By.id("lang"))).selectByValue("zh");
            wait.until(d -> "zh".equals(d.findElement(By.tagName("body")).getDomAttribute("data-lang")));
            assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
            assertThat(driver.findElement(By.cssSelector("#nav button[data-view=curve]")).getText()).isEqualTo("成本曲线");
            assertThat(driver.findElement(By.cssSelector("#nav button[data-view=plan]")).getText()).isEqualTo("检查计划");
            driver.findElement(By.cssSelector("#nav button[data-view=curve]")).click();
            wait.until(d -> driver.findElements(By.cssSelector("#curve-assets tbody tr")).stream()
                    .anyMatch(r -> r.getText().contains("枧下窝")));
            assertThat(text("view-curve")).contains("宜春").contains("矿山供应成本曲线");
            shot("curve-zh-cn");
        } finally {
            new Select(driver.findElement(By.id("lang"))).selectByValue("en");
        }
    }

    /** The rows of the alerts table: "station | kind | time" of each. */
    @SuppressWarnings("unchecked")
    static List<String> alertRows() {
        // read in one script: the page replaces the table's rows when a page arrives
        return (List<String>) ((JavascriptExecutor) driver).executeScript("return Array.from(document"
                + ".querySelectorAll('#river-alerts tbody tr')).map(r => Array.from(r.cells).slice(0, 3)"
                + ".map(c => c.textContent).join(' | '));");
    }

    /** The same rows from the API's answer. */
    static List<String> apiRows(JsonNode page) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode a : page.get("alerts")) {
            out.add(a.get("station").asText() + " (" + a.get("station_kind").asText() + ") | " + a.get("kind").asText()
                    + " | " + a.get("time").asText());
        }
        return out;
    }

    /**
     * Issue 16: the river view pages the alerts with the API's cursor (it showed the first page only): next and
     * previous give exactly the API's pages, and the buttons are disabled at either end.
     */
    @Test
    void riverAlerts_pageWithTheApisCursor_nextAndPrevious() throws IOException {
        try (LichainServer s = LichainServer.start(org.lichain.dataset.DatasetLoader.loadEmbedded(),
                Fixture.config().withMonitoringDb(profile.resolve("paged.duckdb")), List.of())) {
            // 25 daily samples at the Gao'an intake rising from 0.11 to 0.35 µg/L (limit 0.1): 25 single-value
            // alerts, one rolling-mean and one rising-trend alert = 27 alerts, 3 pages of 10
            StringBuilder csv = new StringBuilder("station,time,analyte,value,unit,detection_limit,qualifier,lab\n");
            for (int i = 0; i < 25; i++) {
                csv.append(String.format(Locale.ROOT, "ST-INTAKE-GAOAN,2024-03-%02dT08:00,thallium,%.2f,ug/L,,,LAB-A%n",
                        i + 1, 0.11 + 0.01 * i));
            }
            assertThat(http(s).post("/api/env/measurements", csv.toString(), Fixture.TOKEN).json().get("accepted")
                    .asInt()).isEqualTo(25);
            JsonNode p1 = http(s).get("/api/env/alerts?limit=10").json();
            JsonNode p2 = http(s).get("/api/env/alerts?limit=10&cursor="
                    + p1.get("page").get("next_cursor").asText()).json();
            JsonNode p3 = http(s).get("/api/env/alerts?limit=10&cursor="
                    + p2.get("page").get("next_cursor").asText()).json();
            assertThat(p3.get("page").get("next_cursor").isNull()).isTrue();
            assertThat(p1.get("alerts").size() + p2.get("alerts").size() + p3.get("alerts").size()).isEqualTo(27);

            open(s);
            driver.findElement(By.cssSelector("#nav button[data-view=river]")).click();
            wait.until(d -> text("river-alerts-status").contains("alert(s) on 25 stored thallium measurements"));
            new Select(driver.findElement(By.id("river-alerts-limit"))).selectByValue("10");
            wait.until(d -> alertRows().size() == 10 && alertRows().equals(apiRows(p1)));
            assertThat(driver.findElement(By.id("river-alerts-prev")).isEnabled()).isFalse();
            assertThat(text("river-alerts-status")).contains("page 1; more on the next page");
            driver.findElement(By.id("river-alerts-next")).click();
            wait.until(d -> "2".equals(d.findElement(By.id("river-alerts-page")).getDomAttribute("data-page")));
            wait.until(d -> alertRows().equals(apiRows(p2)));
            shot("river-alerts-page-2");
            driver.findElement(By.id("river-alerts-next")).click();
            wait.until(d -> alertRows().equals(apiRows(p3)));
            assertThat(alertRows()).hasSize(7);
            assertThat(driver.findElement(By.id("river-alerts-next")).isEnabled()).isFalse();
            assertThat(text("river-alerts-status")).contains("page 3; the last page");
            driver.findElement(By.id("river-alerts-prev")).click();
            wait.until(d -> alertRows().equals(apiRows(p2)));
            driver.findElement(By.id("river-alerts-prev")).click();
            wait.until(d -> alertRows().equals(apiRows(p1)));
            assertThat(driver.findElement(By.id("river-alerts-prev")).isEnabled()).isFalse();
        }
    }
}
