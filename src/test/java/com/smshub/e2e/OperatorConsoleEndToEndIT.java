package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.jms.JMSContext;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.smshub.gateway.v1.ChargeOutcome;
import com.smshub.gateway.v1.ChargeResult;
import com.smshub.gateway.v1.MessageStatus;

/**
 * The operator console in a real browser (Debian's headless Chromium, driven by Selenium): an operator logs in
 * (a wrong password and a tenant's credentials are turned away), finds a FAILED message and reads its history,
 * sends it again and sees it delivered, replays a batch dead letter (and one that still cannot be taken stays),
 * reconciles a charge whose outcome was lost, and sees the providers and the activity chart. Everything the
 * console shows is checked against what the gateway holds.
 */
class OperatorConsoleEndToEndIT extends SimulatorTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CONSOLE = Gateway.BASE + "/smshub/console/";

    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void startBrowser() throws Exception {
        assertTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "The console's tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "); .ci/run installs them: apt-get install chromium chromium-driver");
        profile = Files.createTempDirectory("smshub-console-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // no sandbox as root; no calls home, which this machine's closed network refuses
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1400,900");
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void freshPage() {
        browser.get(CONSOLE);
        ((ChromeDriver) browser).executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
    }

    /** What the browser showed at each test's end, kept for whoever reads a failed run: target/console/<test>.png. */
    @AfterEach
    void keepScreenshot(TestInfo test) throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "console"));
        Files.write(folder.resolve(test.getTestMethod().orElseThrow().getName() + ".png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void onlyAnOperatorLogsIn() throws Exception {
        logIn("operator", "guessed");
        waitForText(By.id("login-error"), "Wrong user name or password.");
        logIn("demo", "demo-password");
        waitForText(By.id("login-error"), "Not an operator");
        assertFalse(element("console").isDisplayed(), "nothing shown to a tenant");

        logIn("operator", "operator-password");
        waitVisible(By.id("console"));
        assertEquals("operator", element("who").getText());
        assertFalse(element("login-form").isDisplayed(), "the log-in form gives way to the console");
        browser.navigate().refresh();
        waitVisible(By.id("console")); // the tab keeps its session
        element("logout").click();
        waitVisible(By.id("login-form"));

        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(CONSOLE)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"),
                page.headers().toString());
    }

    @Test
    void aFailedMessageIsFoundItsHistoryReadAndItIsSentAgain() throws Exception {
        Simulator.set("sendFailure=HTTP_503");
        String recipient = Requests.uniqueRecipient();
        String id = Gateway.demo().sendSms(Requests.text("From the console", recipient)).getResult().get(0).getMessageId();
        Await.until(WAIT, () -> Requests.status(id), s -> s.getStatus() == MessageStatus.FAILED);
        Simulator.reset();

        logInAsOperator();
        search("number", recipient);
        List<WebElement> rows = rows("message-results");
        assertEquals(1, rows.size(), "the one message to that number");
        assertTrue(rows.get(0).getText().contains(id) && rows.get(0).getText().contains("FAILED"), rows.get(0).getText());
        rows.get(0).findElement(By.cssSelector("button.open")).click();
        waitForText(By.id("detail-id"), id);
        assertEquals("FAILED", field("status"));
        assertEquals("demo", field("tenant"));
        String history = element("detail-history").getText();
        assertTrue(history.contains("QUEUED") && history.contains("DEAD_LETTER"), history);

        element("requeue").click();
        waitForText(By.id("notice"), "is QUEUED again");
        Await.until(WAIT, () -> Requests.status(id), s -> s.getStatus() == MessageStatus.DELIVERED);
        assertEquals(1, Simulator.settledCounter("accepted"), "sent once, by the new attempt");

        search("id", id);
        rows("message-results").get(0).findElement(By.cssSelector("button.open")).click();
        waitForText(By.id("detail-id"), id);
        assertEquals("DELIVERED", field("status"));
        assertTrue(element("detail-history").getText().contains("OPERATOR"), element("detail-history").getText());
        assertFalse(element("requeue").isDisplayed(), "only a FAILED message is offered to be sent again");

        assertEquals(400, Operator.call("GET", "messages?status=LOST", null).statusCode(), "no such status");
        assertEquals(400, Operator.call("GET", "messages", null).statusCode(), "no criterion: not the whole table, sorted");
        assertEquals(400, Operator.call("GET", "messages?number=call-me", null).statusCode(), "no number");
        assertEquals(404, Operator.call("GET", "messages/no-such-message", null).statusCode());
        assertEquals(403, Operator.call("GET", "messages?id=" + id, null, "demo", "demo-password").statusCode(),
                "a tenant reads its messages through the contract only");
    }

    @Test
    void aBatchDeadLetterIsReplayedAndOneThatStillCannotBeTakenStays() throws Exception {
        String reference = "dead-" + UUID.randomUUID();
        String good = """
                <SendBatch xmlns="urn:smshub:gateway:v1">
                  <clientReference>%s</clientReference>
                  <message><text>Replayed</text><recipient>%s</recipient></message>
                  <message><text>Replayed too</text><recipient>%s</recipient></message>
                </SendBatch>""".formatted(reference, Requests.uniqueRecipient(), Requests.uniqueRecipient());
        String broken = "<SendBatch xmlns=\"urn:smshub:gateway:v1\"><clientReference>" + reference + "-broken</clientReference>";
        deadLetter(reference, good, broken);

        logInAsOperator();
        tab("dead-letters");
        String goodRow = rowText("dead-letter-list", reference + "</clientReference>");
        assertTrue(goodRow.contains("demo"), "the sender the broker stamped: " + goodRow);
        clickIn("dead-letter-list", reference + "</clientReference>", "replay");
        waitForText(By.id("notice"), "replayed");
        assertTrue(rowsContaining("dead-letter-list", reference + "</clientReference>").isEmpty(), "gone from the queue once taken");

        HttpResponse<String> found = Operator.call("GET", "messages?clientReference=" + reference, null);
        assertEquals(200, found.statusCode(), found.body());
        assertEquals(2, found.body().split("\"messageId\"", -1).length - 1, "the batch's two messages: " + found.body());
        assertTrue(found.body().contains("\"tenant\":\"demo\""), found.body());

        String brokenId = clickIn("dead-letter-list", reference + "-broken", "replay");
        waitForText(By.id("notice"), "still cannot be taken");
        assertEquals(1, rowsContaining("dead-letter-list", reference + "-broken").size(), "left where it was");

        assertEquals(204, Operator.call("DELETE", "dead-letters/" + brokenId, null).statusCode());
        assertEquals(404, Operator.call("DELETE", "dead-letters/" + brokenId, null).statusCode());
        HttpResponse<String> audit = Operator.call("GET", "audit?subject=dead-letter/", null);
        assertTrue(audit.body().contains("\"action\":\"dead-letter.replay\"") && audit.body().contains("\"action\":\"dead-letter.discard\"")
                && audit.body().contains("\"subject\":\"dead-letter/" + brokenId + "\""), "the replay and the removal audited: " + audit.body());
    }

    /**
     * Two operators replay the same dead letter at the same moment (a double click, two consoles): the broker hands
     * the message to one replay's transaction, so one takes the batch (200) and the other finds nothing (404), and the
     * batch's messages are accepted once.
     */
    @Test
    void aDeadLetterReplayedTwiceAtOnceIsTakenOnce() throws Exception {
        String reference = "twice-" + UUID.randomUUID();
        deadLetter(reference, """
                <SendBatch xmlns="urn:smshub:gateway:v1">
                  <clientReference>%s</clientReference>
                  <message><text>Once</text><recipient>%s</recipient></message>
                  <message><text>Once too</text><recipient>%s</recipient></message>
                </SendBatch>""".formatted(reference, Requests.uniqueRecipient(), Requests.uniqueRecipient()));
        String listed = Operator.call("GET", "dead-letters", null).body();
        // each "id" is followed by the rest of its dead letter, the text with the reference among it
        String id = Arrays.stream(listed.split("\"id\":\"")).skip(1).filter(entry -> entry.contains(reference))
                .map(entry -> entry.substring(0, entry.indexOf('"'))).findFirst()
                .orElseThrow(() -> new AssertionError("not in the dead-letter queue: " + listed));

        CyclicBarrier together = new CyclicBarrier(2);
        List<Integer> statuses = new ArrayList<>();
        ExecutorService operators = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> replays = new ArrayList<>();
            for (int operator = 0; operator < 2; operator++) {
                replays.add(operators.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return Operator.call("POST", "dead-letters/" + id + "/replay", null).statusCode();
                }));
            }
            for (Future<Integer> replay : replays) {
                statuses.add(replay.get(60, TimeUnit.SECONDS));
            }
        } finally {
            operators.shutdownNow();
        }
        statuses.sort(null);
        assertEquals(List.of(200, 404), statuses, "one replay took it, the other found it gone");

        HttpResponse<String> found = Operator.call("GET", "messages?clientReference=" + reference, null);
        assertEquals(2, found.body().split("\"messageId\"", -1).length - 1, "the batch's two messages, once: " + found.body());
        assertEquals(404, Operator.call("POST", "dead-letters/" + id + "/replay", null).statusCode(), "nothing left to replay");
    }

    @Test
    void aChargeWhoseAnswerWasLostIsReconciled() throws Exception {
        Simulator.set("billing=RESET");
        ChargeResult lost = Gateway.demo().chargeSubscriber(BillingEndToEndIT.charge(BillingEndToEndIT.reference(),
                Requests.uniqueRecipient(), "12.00"));
        assertEquals(ChargeOutcome.PENDING, lost.getOutcome());
        Simulator.reset();

        logInAsOperator();
        tab("charges");
        element("find-charges").click();
        clickIn("charge-list", lost.getChargeId(), "reconcile");
        waitVisible(By.id("reconcile-form"));
        new Select(browser.findElement(By.cssSelector("#reconcile-form select[name=outcome]"))).selectByVisibleText("APPROVED");
        browser.findElement(By.cssSelector("#reconcile-form input[name=providerTransactionId]")).sendKeys("from-statement");
        browser.findElement(By.cssSelector("#reconcile-form input[name=operator]")).sendKeys("telenor");
        element("reconcile").click();
        waitForText(By.id("notice"), "reconciled: APPROVED");

        HttpResponse<String> charge = Operator.call("GET", "charges/" + lost.getChargeId(), null);
        assertTrue(charge.body().contains("\"state\":\"APPROVED\"") && charge.body().contains("\"reconciledBy\":\"operator\"")
                && charge.body().contains("\"providerTransactionId\":\"from-statement\""), charge.body());
        assertTrue(rowsContaining("charge-list", lost.getChargeId()).isEmpty(), "no longer UNKNOWN");
        HttpResponse<String> audit = Operator.call("GET", "audit?subject=charge/" + lost.getChargeId(), null);
        assertEquals(1, audit.body().split("\"action\":\"charge.reconcile\"", -1).length - 1, audit.body());
        assertTrue(audit.body().contains("\\\"state\\\":\\\"UNKNOWN\\\"") && audit.body().contains("\\\"state\\\":\\\"APPROVED\\\""),
                "the charge before and after: " + audit.body());
    }

    @Test
    void providersAndActivityAreShown() throws Exception {
        logInAsOperator();
        tab("providers");
        waiting().until(d -> !rowText("account-list", "SMSPRO").contains("probing"));
        assertTrue(rowsContaining("account-list", "UP ").size() >= 1, element("account-list").getText());

        tab("activity");
        waitForText(By.id("activity-legend"), "accepted"); // the first sample is in
        Gateway.demo().sendSms(Requests.text("Counted", Requests.uniqueRecipient()));
        // some interval after it shows messages accepted: a point of the accepted line above the chart's floor
        waiting().until(d -> d.findElements(By.cssSelector("#activity-chart polyline")).size() == 3
                && Arrays.stream(d.findElement(By.cssSelector("#activity-chart polyline[data-series=accepted]"))
                        .getDomAttribute("points").split(" ")).filter(p -> p.contains(","))
                        .anyMatch(p -> Double.parseDouble(p.split(",")[1]) < 195));
        assertTrue(element("activity-legend").getText().contains("delivered"), element("activity-legend").getText());
    }

    // --- the browser ---

    private static void logIn(String user, String password) {
        WebElement name = browser.findElement(By.id("username"));
        name.clear();
        name.sendKeys(user);
        WebElement secret = browser.findElement(By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        browser.findElement(By.id("login")).click();
    }

    private static void logInAsOperator() {
        logIn("operator", "operator-password");
        waitVisible(By.id("console"));
    }

    private static void tab(String name) {
        browser.findElement(By.cssSelector("nav button[data-tab='" + name + "']")).click();
        waitVisible(By.id(name));
    }

    private static void search(String criterion, String value) {
        tab("messages");
        WebElement form = browser.findElement(By.id("message-search"));
        for (WebElement input : form.findElements(By.tagName("input"))) {
            input.clear();
        }
        form.findElement(By.name(criterion)).sendKeys(value);
        browser.findElement(By.id("find-messages")).click();
        waitForText(By.id("notice"), "message");
    }

    private static WebElement element(String id) {
        return browser.findElement(By.id(id));
    }

    private static String field(String name) {
        return browser.findElement(By.cssSelector("#detail-fields dd[data-field='" + name + "']")).getText();
    }

    private static List<WebElement> rows(String table) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr"));
    }

    /** The rows that hold the text, read again where the page re-rendered the table meanwhile. */
    private static List<WebElement> rowsContaining(String table, String text) {
        return waiting().until(d -> rows(table).stream().filter(r -> r.getText().contains(text)).toList());
    }

    private static String rowText(String table, String text) {
        return waiting().until(d -> rows(table).stream().map(WebElement::getText).filter(t -> t.contains(text)).findFirst().orElse(null));
    }

    /** Clicks the button of that class in the row holding the text; answers the row's first cell (its id). */
    private static String clickIn(String table, String text, String button) {
        return waiting().until(d -> {
            WebElement row = rows(table).stream().filter(r -> r.getText().contains(text)).findFirst().orElse(null);
            if (row == null) {
                return null;
            }
            String first = row.findElement(By.tagName("td")).getText();
            row.findElement(By.cssSelector("button." + button)).click();
            return first;
        });
    }

    /** A wait that reads the page again where a table was re-rendered under it. */
    private static WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static void waitForText(By locator, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    private static void waitVisible(By locator) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    // --- the broker: batches put in the dead-letter queue as the broker puts them there ---

    /**
     * Sends the documents to the batch queue as the tenant {@code demo} while the queue is paused, and has the broker
     * move them to the dead-letter queue, as it does with a batch after its last failed attempt: they keep the sender
     * the broker stamped on them.
     */
    private static void deadLetter(String marker, String... documents) throws Exception {
        try (ModelControllerClient management = ModelControllerClient.Factory.create("remote+http", "localhost", 9990)) {
            queueOperation(management, "pause", null);
            try {
                try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
                        "tcp://localhost:8080?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor");
                        JMSContext jms = factory.createContext("demo", "demo-password")) {
                    for (String document : documents) {
                        jms.createProducer().setProperty("Marker", marker)
                                .send(jms.createQueue("smshub.batches"), document);
                    }
                }
                queueOperation(management, "send-messages-to-dead-letter-address", "Marker = '" + marker + "'");
            } finally {
                queueOperation(management, "resume", null);
            }
        }
    }

    private static void queueOperation(ModelControllerClient management, String name, String filter) throws Exception {
        ModelNode operation = new ModelNode();
        operation.get("operation").set(name);
        operation.get("address").add("subsystem", "messaging-activemq").add("server", "default").add("jms-queue", "smshub.batches");
        if (filter != null) {
            operation.get("filter").set(filter);
        }
        ModelNode result = management.execute(operation);
        assertEquals("success", result.get("outcome").asString(), result.toString());
    }
}
