package com.flowmatik.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.app.support.ProviderEvents;
import com.flowmatik.app.support.TestSecrets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin console in a real browser against the whole platform: an admin signs in with the
 * keyboard, sees the charts filled by a scripted day and today's figures follow the live feed,
 * changes a user's plan, retries a failed webhook and runs a replay to its end; a user is refused.
 * Screenshots of the main pages land in {@code app/target/admin-console}.
 */
class AdminConsoleIT extends IntegrationTest {

    private static Browser browser;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void thePageIsServedWithAStrictContentSecurityPolicyAndNoInlineScript() {
        Response page = api.get("/admin", null);

        assertThat(page.status()).isEqualTo(200);
        for (String directive : page.header("Content-Security-Policy").split(";")) {
            if (directive.trim().startsWith("default-src") || directive.trim().startsWith("script-src")) {
                assertThat(directive).as("scripts from this origin only").doesNotContain("unsafe", "*", "data:");
            }
        }
        assertThat(page.body())
                .contains("<script type=\"module\" src=\"/admin/js/main.js\"></script>")
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        assertThat(api.get("/webjars/chart.js/4.4.9/dist/chart.umd.js", null).status())
                .isEqualTo(200);
    }

    @Test
    void afterAScriptedDayTheDashboardChartsTheBusinessAndFollowsItLive() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String token = api.register(uniqueEmail("console-day"), "console-password", "Console " + tag);
        String userId = api.get("/api/auth/me", token).json().path("id").asString();
        AI.reply("Sure.", 12, 6);
        for (int i = 0; i < 3; i++) {
            assertThat(chat(token).status()).isEqualTo(200);
        }
        deliver(ProviderEvents.stripeCheckoutCompleted(
                "evt_c" + tag, CLOCK.instant(), userId, "cus_" + tag, "sub_" + tag));
        deliver(ProviderEvents.stripeSubscription(
                "evt_s" + tag,
                "customer.subscription.created",
                CLOCK.instant(),
                userId,
                "sub_" + tag,
                "cus_" + tag,
                TestSecrets.STRIPE_PRICE_PRO,
                "active",
                CLOCK.instant().plus(Duration.ofDays(30)),
                false));
        deliver(ProviderEvents.stripeInvoice(
                "evt_i" + tag,
                "invoice.paid",
                CLOCK.instant(),
                "in_" + tag,
                "F-" + tag,
                "cus_" + tag,
                "sub_" + tag,
                3900,
                1));
        awaitCounted(userId);
        // two earlier days, so the charts show a trend: a new user each, chatting once more each day
        for (int daysAgo = 2; daysAgo >= 1; daysAgo--) {
            CLOCK.advance(Duration.ofDays(-daysAgo));
            String earlier = api.register(uniqueEmail("console-earlier"), "console-password", "Earlier " + tag);
            for (int i = 0; i < 3 - daysAgo; i++) {
                assertThat(chat(earlier).status()).isEqualTo(200);
            }
            CLOCK.reset();
        }

        signInAsAdmin();
        awaitPage("dashboard");

        for (String canvas : List.of("chart-usage", "chart-cost", "chart-revenue")) {
            assertThat(lastPoint(canvas, 0)).as(canvas + " today").isPositive();
        }
        assertThat(lastPoint("chart-usage", 1)).as("tokens today").isPositive();
        assertThat(lastPoint("chart-revenue", 1)).as("MRR today").isPositive();
        assertThat(((Number) browser.script("return Chart.getChart('chart-usage').data.labels.length")).intValue())
                .isEqualTo(30);
        assertThat(((Number)
                                browser.script(
                                        "return Chart.getChart('chart-plans').data.datasets[0].data.reduce((a, b) => a + b, 0)"))
                        .longValue())
                .isPositive();
        assertThat(browser.driver.findElement(By.id("top-users")).getText()).contains("@");
        browser.screenshot("dashboard");

        // live: another request shows up without a reload
        browser.until(ExpectedConditions.textToBe(By.id("live-status"), "live"));
        browser.script("window.sameDocument = true");
        long before = figure("requestsToday");
        assertThat(chat(token).status()).isEqualTo(200);
        browser.until(driver -> figure("requestsToday") > before);
        assertThat(browser.script("return window.sameDocument")).isEqualTo(true);

        // a phone's width: one column, nothing wider than the screen
        browser.size(390, 844);
        try {
            browser.until(driver ->
                    ((Number) browser.script("return document.documentElement.scrollWidth - window.innerWidth"))
                                    .intValue()
                            <= 0);
            browser.screenshot("dashboard-phone");
        } finally {
            browser.size(1280, 800);
        }
    }

    @Test
    void anAdminChangesAUsersPlanAndSeesIt() {
        String email = uniqueEmail("console-plan");
        String token = api.register(email, "console-password", "Plan Changer");
        String userId = api.get("/api/auth/me", token).json().path("id").asString();

        signInAsAdmin();
        browser.driver.findElement(By.cssSelector("[data-nav='users']")).click();
        awaitPage("users");
        search(email);
        new Select(browser.driver.findElement(By.id("plan-" + userId))).selectByValue("pro");
        browser.driver
                .findElement(By.cssSelector("[data-apply='plan-" + userId + "']"))
                .click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "plan is now pro"));

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            search(email);
            assertThat(new Select(browser.driver.findElement(By.id("plan-" + userId)))
                            .getFirstSelectedOption()
                            .getText())
                    .isEqualTo("pro");
        });
        assertThat(api.get("/api/auth/me", token).json().path("plan").asString())
                .isEqualTo("pro");

        browser.driver
                .findElement(By.xpath("//tr[.//select[@id='plan-" + userId + "']]//button[text()='History']"))
                .click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-totals"), "pro"));
        browser.screenshot("users");
    }

    @Test
    void anAdminRetriesAFailedWebhookAndItIsProcessed() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String token = api.register(uniqueEmail("console-hook"), "console-password", "Hook " + tag);
        String userId = api.get("/api/auth/me", token).json().path("id").asString();
        String invoiceEvent = "evt_f" + tag;
        Response failed = ProviderEvents.deliverToStripeWebhook(
                api,
                ProviderEvents.stripeInvoice(
                        invoiceEvent,
                        "invoice.paid",
                        CLOCK.instant(),
                        "in_" + tag,
                        "F-" + tag,
                        "cus_" + tag,
                        "sub_" + tag,
                        1900,
                        1),
                CLOCK.instant());
        assertThat(failed.json().path("status").asString()).isEqualTo("failed");
        deliver(ProviderEvents.stripeCheckoutCompleted(
                "evt_c" + tag, CLOCK.instant(), userId, "cus_" + tag, "sub_" + tag));

        signInAsAdmin();
        browser.driver.findElement(By.cssSelector("[data-nav='webhooks']")).click();
        By retry = By.cssSelector("[data-retry='stripe:" + invoiceEvent + "']");
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> {
            browser.driver.navigate().to(base() + "/admin#dashboard");
            awaitPage("dashboard");
            browser.driver.navigate().to(base() + "/admin#webhooks");
            awaitPage("webhooks");
            assertThat(browser.driver.findElements(retry)).hasSize(1);
        });
        WebElement row = browser.driver.findElement(retry).findElement(By.xpath("./ancestor::tr"));
        assertThat(row.getText()).contains("cus_" + tag);
        browser.screenshot("webhooks");

        browser.driver.findElement(retry).click();

        browser.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("notice"), "stripe:" + invoiceEvent + ": processed"));
        browser.until(ExpectedConditions.numberOfElementsToBe(retry, 0));
    }

    @Test
    void anAdminRunsAReplayToDoneWatchingItsProgress() {
        signInAsAdmin();
        browser.driver.findElement(By.cssSelector("[data-nav='operations']")).click();
        awaitPage("operations");
        assertThat(browser.driver.findElement(By.id("health-components")).getText())
                .contains("database", "eventStore");
        assertThat(browser.driver.findElement(By.id("processors")).getText()).contains("admin-metrics");

        browser.driver
                .findElement(By.cssSelector("[data-replay='admin-metrics'] button"))
                .click();

        browser.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-replay='admin-metrics']"), "done"));
        browser.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Replay of admin-metrics: done"));
        new Select(browser.driver.findElement(By.id("log-level"))).selectByValue("info");
        browser.driver.findElement(By.cssSelector("#log-filter button")).click();
        browser.until(
                driver -> driver.findElements(By.cssSelector("#logs tbody tr")).size() > 0);
        browser.screenshot("operations");
    }

    @Test
    void aUserWhoIsNotAnAdminIsRefused() {
        String email = uniqueEmail("console-user");
        api.register(email, "console-password", "Not Admin");

        signIn(email, "console-password");

        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin-error"), "not an admin"));
        assertThat(browser.driver.findElement(By.id("console")).isDisplayed()).isFalse();
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("token");
    }

    /** Types into whatever has the focus, as a keyboard user would: the email field first, then Tab. */
    private void signIn(String email, String password) {
        browser.driver.navigate().to(base() + "/admin");
        browser.driver.navigate().refresh();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
        browser.until(driver -> "email".equals(driver.switchTo().activeElement().getAttribute("id")));
        browser.driver.switchTo().activeElement().sendKeys(email, Keys.TAB);
        browser.driver.switchTo().activeElement().sendKeys(password, Keys.ENTER);
    }

    private void signInAsAdmin() {
        signIn(TestSecrets.ADMIN_EMAIL, TestSecrets.ADMIN_PASSWORD);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("token");
    }

    private void awaitPage(String page) {
        browser.until(driver -> page.equals(browser.script("return document.body.dataset.loaded")));
        assertThat(browser.driver.findElement(By.id("notice")).getText())
                .as("an error shown")
                .isEmpty();
    }

    /** Searches, and waits for the answer's rows (the table is emptied first, so old rows do not count). */
    private void search(String text) {
        browser.script("document.getElementById('user-table').replaceChildren()");
        WebElement query = browser.driver.findElement(By.id("user-q"));
        query.clear();
        query.sendKeys(text, Keys.ENTER);
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-table"), text));
    }

    private double lastPoint(String canvas, int dataset) {
        return ((Number) browser.script(
                        "return Chart.getChart(arguments[0]).data.datasets[arguments[1]].data.at(-1)", canvas, dataset))
                .doubleValue();
    }

    /** Read in one step: the live feed replaces the figures while the test reads them. */
    private long figure(String name) {
        String text = (String) browser.script(
                "return document.querySelector(`[data-figure='${arguments[0]}'] .figure-value`).textContent", name);
        return Long.parseLong(text.replace(",", ""));
    }

    /** The admin-metrics projection has counted the script: its chats, its subscription and its payment. */
    private void awaitCounted(String userId) {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            assertThat(jdbc.queryForObject(
                            "SELECT cost_micros FROM admin_user_cost WHERE user_id = ?", Long.class, userId))
                    .isPositive();
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM admin_subscription_day WHERE user_id = ?", Long.class, userId))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM admin_revenue WHERE user_id = ?", Long.class, userId))
                    .isEqualTo(1);
        });
    }

    private Response chat(String token) {
        return api.post("/api/ai/chat", Map.of("message", "Hello"), token);
    }

    private void deliver(String body) {
        Response answer = ProviderEvents.deliverToStripeWebhook(api, body, CLOCK.instant());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("status").asString()).as(answer.body()).isEqualTo("processed");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
