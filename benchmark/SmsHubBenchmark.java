import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load against a running SMS Hub (benchmark/run.sh starts one on PostgreSQL). Single-file program, JDK only:
 * {@code java benchmark/SmsHubBenchmark.java [base-url] [send-seconds] [batches] [phases] [warm-up-seconds]}, phases a
 * comma-separated choice of sms, open, batch, draining, e2e, providers (or one of them, through-smspro,
 * through-masiv...), mobipace, smpp and floor (all by default); or
 * {@code --kannel sendsms-url fakesmsc-output seconds} or {@code --kannel-like-for-like sendsms-url status-url seconds},
 * Kannel's figures (benchmark/kannel.sh). Prints its figures; it
 * asserts nothing. Raw SOAP over one kept-alive HTTP/1.1 socket per client thread: the load generator shares
 * the machine's cores with the gateway, so it must cost as little as it can (java.net.http took most of a core).
 */
public class SmsHubBenchmark {

    static String base;
    static String auth;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ThreadLocal<KeptAlive> CONNECTION = new ThreadLocal<>();
    // Swedish numbers (the demo route +46 to SMS Pro): the offset keeps them within +4670 to +4679
    static final AtomicLong RECIPIENT = new AtomicLong(46_700_000_000L + (System.currentTimeMillis() % 100_000) * 1000);

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("--kannel")) {
            kannel(args[1], Path.of(args[2]), Integer.parseInt(args[3]));
            return;
        }
        if (args.length == 3 && args[0].equals("--boot-and-heap")) {
            bootAndHeap(Path.of(args[1]), Path.of(args[2]));
            return;
        }
        if (args.length == 4 && args[0].equals("--kannel-like-for-like")) {
            kannelLikeForLike(args[1], URI.create(args[2]), Integer.parseInt(args[3]));
            return;
        }
        base = args.length > 0 ? args[0] : "http://localhost:8080";
        int sendSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int batches = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Set<String> phases = Set.of((args.length > 3 ? args[3] : "sms,open,batch,draining,e2e,providers,mobipace,smpp,floor").split(","));
        int warmUpSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 60;
        auth = "Basic " + Base64.getEncoder().encodeToString("demo:demo-password".getBytes(StandardCharsets.UTF_8));
        System.out.printf("SMS Hub benchmark against %s, %d cores, Java %s%n", base, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));

        if (warmUpSeconds > 0) {
            // the JIT needs about a minute of this load before the server's figures settle
            System.out.printf("warm-up: %d s of SendSms at 32 clients, 5 batches of 1,000, 2 batches through myMSP%n", warmUpSeconds);
            sendSms(32, warmUpSeconds, false);
            sendBatches(4, 5, 1000, false);
            waitForQuiet();
            // the SMSC simulator's JVM compiles its code too, before a figure counts its CPU
            through(Provider.MYMSP.numbers::incrementAndGet, 2000, "myMSP (warm-up, not a figure)");
        }
        double closedLoop = 0;
        if (phases.contains("sms")) {
            profile("sms", true);
            closedLoop = sendSms(32, sendSeconds, true);
            waitForQuiet();
            profile("sms", false);
        }
        if (phases.contains("open")) {
            profile("open", true);
            openLoop(closedLoop, sendSeconds);
            waitForQuiet();
            profile("open", false);
        }
        double batchAlone = 0;
        if (phases.contains("batch")) {
            profile("batch", true);
            batchAlone = sendBatches(4, batches, 1000, true);
            waitForQuiet();
            profile("batch", false);
        }
        if (phases.contains("draining")) {
            profile("draining", true);
            whileDraining(batchAlone, batches);
            waitForQuiet();
            profile("draining", false);
        }
        if (phases.contains("e2e")) {
            profile("e2e", true);
            endToEnd(batches * 1000);
            waitForQuiet();
            profile("e2e", false);
        }
        for (Provider provider : Provider.values()) {
            // "providers" is every provider in turn; "through-" and a provider's name ("through-masiv") that one alone
            if (phases.contains("providers") || phases.contains("through-" + provider.name().toLowerCase())) {
                profile("through-" + provider.name().toLowerCase(), true);
                throughProvider(provider, batches / 4 * 1000, provider.name());
                profile("through-" + provider.name().toLowerCase(), false);
            }
        }
        if (phases.contains("mobipace")) {
            profile("mobipace", true);
            mobipaceRequests(batches / 4 * 1000);
            profile("mobipace", false);
        }
        if (phases.contains("smpp")) {
            smpp(batches / 2 * 1000); // profiles its one-session part only
        }
        if (phases.contains("floor")) {
            profile("floor", true);
            floor(32, sendSeconds / 2);
            profile("floor", false);
        }
    }

    /**
     * With BENCH_PROFILE naming a phase (or several, comma-separated), a JFR recording (settings=profile) of the server for that phase's length, to
     * benchmark/target/&lt;phase&gt;.jfr (run.sh summarises it at the end with benchmark/JfrSummary.java). Its own cost
     * lowers that phase's figures: compare a profiled run with profiled runs only.
     */
    static void profile(String phase, boolean start) throws Exception {
        if (!List.of(System.getenv().getOrDefault("BENCH_PROFILE", "").split(",")).contains(phase)) {
            return;
        }
        long server = ProcessHandle.allProcesses().filter(p -> "java".equals(Cpu.comm(p.pid()))
                && p.info().commandLine().orElse("").contains("jboss-modules.jar")).findFirst().orElseThrow().pid();
        List<String> command = start
                ? List.of("jcmd", Long.toString(server), "JFR.start", "name=benchmark", "settings=profile",
                        "filename=" + Path.of("benchmark/target", phase + ".jfr").toAbsolutePath())
                : List.of("jcmd", Long.toString(server), "JFR.stop", "name=benchmark");
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + said);
        }
        System.out.println((start ? "(profiling " : "(profiled ") + phase + ")");
    }

    /** The demo routes: a country's numbers to each provider's simulator (R__demo_data.sql). */
    enum Provider {
        SMSPRO("SMS Pro", 46_730_000_000L),
        MYMOBILEAPI("MyMobileAPI", 27_820_000_000L),
        MASIV("Masiv", 573_000_000_000L),
        MOBIPACE("MOBIPACE", 79_160_000_000L),
        // Norway's numbers have eight digits after its code (libphonenumber refuses others): +4740000000 on
        MYMSP("myMSP (SMPP, one session, window 10)", 4_740_000_000L, 1000);

        final String title;
        final AtomicLong numbers;

        Provider(String title, long first) {
            this(title, first, 100_000);
        }

        /** The first number, moved on by up to {@code spread} thousand so that runs differ, within the country's length. */
        Provider(String title, long first, int spread) {
            this.title = title;
            this.numbers = new AtomicLong(first + (System.currentTimeMillis() % spread) * 1000);
        }
    }

    static final Pattern BATCH_ID = Pattern.compile("<(?:\\w+:)?batchId>([^<]+)<");
    static final Pattern DELIVERED = Pattern.compile("DELIVERED</(?:\\w+:)?status>\\s*<(?:\\w+:)?count>(\\d+)<");
    static final Pattern FINISHED = Pattern.compile("<(?:\\w+:)?finished>(\\d+)<");
    static final Pattern QUEUED = Pattern.compile("QUEUED</(?:\\w+:)?status>\\s*<(?:\\w+:)?count>(\\d+)<");

    /**
     * One provider's figures: messages handed over to it a second (all past QUEUED), delivered a second, and the
     * machine's CPU a delivered message (ms).
     */
    record Through(double handedOver, double delivered, double cpuMillis) {
    }

    /**
     * End to end through one provider: {@code messages} sent as batches of 1,000 to its country's numbers, timed
     * until the gateway tells (GetBatchStatus) that every one is DELIVERED: pushed (SMS Pro), read from a feed
     * (MyMobileAPI) or asked (Masiv, MOBIPACE), as each provider tells.
     */
    static Through throughProvider(Provider provider, int messages, String label) throws Exception {
        return through(provider.numbers::incrementAndGet, messages, label);
    }

    /** End to end as {@link #throughProvider}, to the numbers {@code recipients} gives (a route's, or several routes'). */
    static Through through(LongSupplier recipients, int messages, String label) throws Exception {
        long started = System.nanoTime();
        Cpu cpu = Cpu.now();
        List<String> batchIds = new ArrayList<>();
        for (int b = 0; b < messages / 1000; b++) {
            StringBuilder batch = new StringBuilder(1000 * 120);
            for (int i = 0; i < 1000; i++) {
                batch.append("<v1:message><v1:text>Benchmark message</v1:text><v1:recipient>+")
                        .append(recipients.getAsLong()).append("</v1:recipient></v1:message>");
            }
            Answer answer = post(envelope("<v1:SendBatch>" + batch + "</v1:SendBatch>"));
            Matcher id = BATCH_ID.matcher(answer.body());
            if (answer.status() != 200 || !id.find()) {
                throw new IllegalStateException("SendBatch failed: " + answer.status() + " " + answer.body());
            }
            batchIds.add(id.group(1));
        }
        double accepted = (System.nanoTime() - started) / 1e9;
        double handedOver = 0;
        long delivered = 0;
        long lastChange = System.nanoTime();
        // a batch whose every message is delivered is asked no more: the benchmark's own polling costs the server
        // CPU it would otherwise give to delivering (Kannel's figure reads one status page)
        Map<String, long[]> done = new HashMap<>();
        while (delivered < messages) {
            Thread.sleep(100);
            long now = 0;
            long finished = 0;
            long queued = 0;
            String status = "";
            for (String batchId : batchIds) {
                long[] counts = done.get(batchId);
                if (counts == null) {
                    status = post(envelope("<v1:GetBatchStatus><v1:batchId>" + batchId + "</v1:batchId></v1:GetBatchStatus>")).body();
                    counts = new long[] {count(DELIVERED, status), count(FINISHED, status), count(QUEUED, status)};
                    if (counts[0] == 1000) {
                        done.put(batchId, counts);
                    }
                }
                now += counts[0];
                finished += counts[1];
                queued += counts[2];
            }
            if (handedOver == 0 && queued == 0) {
                handedOver = (System.nanoTime() - started) / 1e9;
            }
            if (finished == messages && now < messages) {
                throw new IllegalStateException(label + ": " + (messages - now) + " of " + messages
                        + " messages ended other than DELIVERED; the last batch: " + status);
            }
            if (now != delivered) {
                delivered = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > Duration.ofSeconds(90).toNanos()) {
                throw new IllegalStateException(label + ": no progress for 90 s, " + delivered + " of " + messages + " delivered");
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.printf("End to end through %s: %d messages accepted in %.1f s, all handed over after %.1f s (%.0f/s), "
                + "all DELIVERED (told by GetBatchStatus) after %.1f s = %.0f delivered/s%n", label, messages, accepted,
                handedOver, messages / handedOver, elapsed, messages / elapsed);
        double cpuMillis = cpu.machineMillis(messages);
        System.out.println("  " + cpu.since(messages));
        return new Through(messages / handedOver, messages / elapsed, cpuMillis);
    }

    static long count(Pattern pattern, String answer) {
        Matcher found = pattern.matcher(answer);
        return found.find() ? Long.parseLong(found.group(1)) : 0;
    }

    /**
     * SMPP end to end through the SMSC simulator (its own JVM when benchmark/smsc.sh started it, as run.sh does): the
     * demo myMSP account's one session with a window of 50, then four sessions (three more accounts bound to the same
     * SMSC, routes +4791 to +4793) with the messages spread over them; each against Kannel's two figures, measured
     * minutes before by benchmark/kannel.sh where it left them: as packaged (sendsms to fakesmsc) and like for like
     * (its message store, receipts kept in PostgreSQL, bound to the same SMSC simulator).
     */
    static void smpp(int messages) throws Exception {
        operator("PUT", "provider-accounts/mymsp-simulator", smppAccount("", 50));
        Thread.sleep(12_000); // the session keeper binds the changed account afresh (every 5 s)
        // recorded from here: the operators' API calls around it verify a bcrypt password each (a quarter of a
        // second of CPU), which took a quarter of the twentieth round's SMPP profile and is no part of a message
        profile("smpp", true);
        Through one = throughProvider(Provider.MYMSP, messages, "myMSP over SMPP, one session, window 50");
        profile("smpp", false);
        List<LongSupplier> routes = new ArrayList<>(List.of(Provider.MYMSP.numbers::incrementAndGet));
        for (int k = 1; k <= 3; k++) {
            operator("PUT", "provider-accounts/bench-smpp-" + k, smppAccount(",\"secret\":\"mymsp-pw\"", 50));
            operator("POST", "routes", "{\"prefix\":\"+479" + k + "\",\"account\":\"bench-smpp-" + k + "\",\"priority\":1}");
            AtomicLong numbers = new AtomicLong((4790L + k) * 1_000_000 + (System.currentTimeMillis() % 1000) * 1000);
            routes.add(numbers::incrementAndGet);
        }
        Thread.sleep(12_000);
        AtomicLong turn = new AtomicLong();
        Through four = through(() -> routes.get((int) (turn.getAndIncrement() % routes.size())).getAsLong(), messages,
                "myMSP over SMPP, four sessions, window 50 each");
        kannelRatios("as packaged (sendsms to fakesmsc, no store, no receipts)", "rate", "cpu", one, four);
        kannelRatios("like for like (message store, receipts kept in PostgreSQL, the same SMSC)", "durable-rate", "durable-cpu",
                one, four);
    }

    /** The SMPP figures as ratios to one of Kannel's, measured minutes before by benchmark/kannel.sh where it left them. */
    static void kannelRatios(String how, String rateFile, String cpuFile, Through one, Through four) throws IOException {
        Path rate = Path.of("benchmark/target/kannel", rateFile);
        Path cpu = Path.of("benchmark/target/kannel", cpuFile);
        if (!Files.exists(rate) || Files.readString(rate).isBlank()) {
            System.out.println("No figure of Kannel " + how + " (benchmark/kannel.sh did not run it): no ratio");
            return;
        }
        double kannel = Double.parseDouble(Files.readString(rate).strip());
        double kannelCpu = Files.exists(cpu) && !Files.readString(cpu).isBlank() ? Double.parseDouble(Files.readString(cpu).strip()) : Double.NaN;
        System.out.printf("SMPP end to end against Kannel %s, %.0f/s at %.2f ms of the machine's CPU a message (the same run): "
                + "one session %.2fx the rate at %.1fx the CPU a message, four sessions %.2fx at %.1fx%n", how, kannel, kannelCpu,
                one.delivered() / kannel, one.cpuMillis() / kannelCpu, four.delivered() / kannel, four.cpuMillis() / kannelCpu);
    }

    static String smppAccount(String more, int window) {
        return "{\"provider\":\"MYMSP\",\"endpointUrl\":\"smpp://localhost:2775\",\"username\":\"smshub\",\"enabled\":true"
                + more + ",\"settings\":{\"window\":\"" + window + "\"}}";
    }

    /** A call to the operator's API that must succeed. */
    static void operator(String method, String path, String json) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/smshub/admin/" + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("operator:operator-password".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    /**
     * Kannel's figure on this machine: sendsms from 32 clients for {@code seconds} (Kannel answers 202 once its
     * bearerbox has the message), then until every accepted message has reached fakesmsc; messages/s
     * delivered to fakesmsc, latencies of sendsms, and the CPU of Kannel's three processes a message.
     */
    static void kannel(String sendsms, Path fakesmsc, int seconds) throws Exception {
        AtomicLong to = new AtomicLong(4790000000L);
        long before = received(fakesmsc);
        long cpu = kannelCpu();
        long started = System.nanoTime();
        Load load = sendsms("Kannel sendsms", URI.create(sendsms), seconds,
                () -> "to=" + to.incrementAndGet() + "&text=Benchmark+message");
        long accepted = load.latencies().length;
        long got = 0;
        long lastArrival = System.nanoTime();
        while (got < accepted && System.nanoTime() - lastArrival < Duration.ofSeconds(30).toNanos()) {
            Thread.sleep(50);
            long now = received(fakesmsc) - before;
            if (now != got) {
                got = now;
                lastArrival = System.nanoTime();
            }
        }
        double elapsed = (lastArrival - started) / 1e9;
        long[] latencies = load.latencies();
        System.out.printf("Kannel sendsms to fakesmsc, 32 clients: %d accepted in %.1f s = %.0f accepted/s, p50 %.1f ms, p99 %.1f ms; "
                + "%d at fakesmsc after %.1f s, delivered/s=%.0f%n", accepted, load.seconds(), accepted / load.seconds(),
                latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6, got, elapsed, got / elapsed);
        double generator = (Cpu.cpuNanos(ProcessHandle.current()) - load.cpu().generator())
                / (double) (System.nanoTime() - load.cpu().wallNanos());
        double boxes = (kannelCpu() - cpu) / 1e6 / Math.max(1, got);
        double machine = boxes + (Cpu.cpuNanos(ProcessHandle.current()) - load.cpu().generator()) / 1e6 / Math.max(1, got);
        System.out.printf("  CPU: bearerbox, smsbox and fakesmsc %.2f ms a message; load generator %.2f cores; "
                + "the machine's CPU a message (Kannel and the load generator) machine=%.2f ms%n", boxes, generator, machine);
    }

    /**
     * {@code sendsms} from 32 clients for {@code seconds}, each on a kept-alive connection of its own (opened again
     * where Kannel closed it), the query after the credentials and sender given by {@code query}; each answer 202.
     */
    static Load sendsms(String what, URI uri, int seconds, java.util.function.Supplier<String> query) throws Exception {
        ThreadLocal<KeptAlive> connections = new ThreadLocal<>();
        return load(what, 32, seconds, () -> {
            String path = "/cgi-bin/sendsms?username=benchmark&password=benchmark&from=SMSHUB&" + query.get();
            for (int attempt = 1; ; attempt++) {
                try {
                    if (connections.get() == null) {
                        connections.set(new KeptAlive(uri.getHost(), uri.getPort()));
                    }
                    return connections.get().request("GET", path, null, null);
                } catch (IOException e) {
                    connections.remove(); // Kannel closed the connection: open another
                    if (attempt == 3) {
                        throw e;
                    }
                }
            }
        }, 202, "Accepted");
    }

    static final Pattern DLR_RECEIVED = Pattern.compile("DLR: received (\\d+)");
    static final Pattern DLR_QUEUED = Pattern.compile("DLR: (\\d+) queued");

    /**
     * Kannel like for like: sendsms with a delivery report requested (dlr-mask 1) from 32 clients for
     * {@code seconds}, bearerbox keeping every message in its store before smsbox answers and the reports in
     * PostgreSQL, bound over SMPP to the SMSC simulator the gateway uses; then until every receipt has come back and
     * been matched (bearerbox's status page: DLRs received, none left in the DLR store). Receipts matched a second,
     * sendsms's latencies, and the CPU of Kannel, PostgreSQL, the SMSC and the load generator a message.
     */
    static void kannelLikeForLike(String sendsms, URI status, int seconds) throws Exception {
        AtomicLong to = new AtomicLong(4795000000L);
        long before = count(DLR_RECEIVED, kannelStatus(status));
        Cpu cpu = Cpu.now();
        long boxes = kannelCpu();
        long started = System.nanoTime();
        Load load = sendsms("Kannel sendsms, like for like", URI.create(sendsms), seconds,
                () -> "to=%2B" + to.incrementAndGet() + "&text=Benchmark+message&dlr-mask=1");
        long accepted = load.latencies().length;
        long receipts = 0;
        long queued = -1;
        long lastArrival = System.nanoTime();
        while ((receipts < accepted || queued != 0) && System.nanoTime() - lastArrival < Duration.ofSeconds(60).toNanos()) {
            Thread.sleep(100);
            String page = kannelStatus(status);
            long now = count(DLR_RECEIVED, page) - before;
            queued = count(DLR_QUEUED, page);
            if (now != receipts) {
                receipts = now;
                lastArrival = System.nanoTime();
            }
        }
        double elapsed = (lastArrival - started) / 1e9;
        long[] latencies = load.latencies();
        System.out.printf("Kannel like for like (message store, DLRs in PostgreSQL, SMPP to the SMSC simulator), 32 clients: "
                + "%d accepted in %.1f s = %.0f accepted/s, p50 %.1f ms, p99 %.1f ms; %d receipts matched after %.1f s "
                + "(%d left in the DLR store), delivered/s=%.0f%n", accepted, load.seconds(), accepted / load.seconds(),
                latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6, receipts, elapsed,
                queued, receipts / elapsed);
        double kannel = (kannelCpu() - boxes) / 1e6 / Math.max(1, receipts);
        System.out.printf("  %s; bearerbox and smsbox %.2f ms a message; the machine's CPU a message machine=%.2f ms%n",
                cpu.since(receipts), kannel, cpu.machineMillis(receipts) + kannel);
    }

    static final Pattern STARTED_IN = Pattern.compile("WFLYSRV0025: (.*) started in (\\d+)ms");
    // the console log's lines begin with colour codes before their time
    static final Pattern LOG_TIME = Pattern.compile("(\\d\\d):(\\d\\d):(\\d\\d),(\\d\\d\\d) ");
    static final Pattern COLLECTION = Pattern.compile("GC\\(\\d+\\) Pause.* (\\d+)M->(\\d+)M\\((\\d+)M\\) ([\\d.]+)ms");

    /**
     * From the server's console log: WildFly's own boot time and the EAR's, from the start of its deployment to
     * "Deployed" (the simulators and the floor deploy beside it); from the GC log (-Xlog:gc): the most heap in use
     * before a collection, the most left after one (what the gateway held live, and what had not yet died), the heap's
     * size, the pauses.
     */
    static void bootAndHeap(Path serverLog, Path gcLog) throws IOException {
        long earStart = -1;
        long earDeployed = -1;
        String started = "WildFly's start not found in " + serverLog;
        for (String line : Files.readAllLines(serverLog, StandardCharsets.ISO_8859_1)) {
            Matcher time = LOG_TIME.matcher(line);
            long at = time.find() ? ((Long.parseLong(time.group(1)) * 60 + Long.parseLong(time.group(2))) * 60
                    + Long.parseLong(time.group(3))) * 1000 + Long.parseLong(time.group(4)) : -1;
            if (line.contains("WFLYSRV0027: Starting deployment of \"smshub.ear\"") && earStart < 0) {
                earStart = at;
            } else if (line.contains("WFLYSRV0010: Deployed \"smshub.ear\"")) {
                earDeployed = at;
            }
            Matcher boot = STARTED_IN.matcher(line);
            if (boot.find()) {
                started = String.format("Boot: %s started in %.1f s", boot.group(1).replaceAll(" \\(WildFly Core.*", ""),
                        Long.parseLong(boot.group(2)) / 1e3);
            }
        }
        System.out.printf("%s; smshub.ear deployed %.1f s after its deployment started%n", started,
                earStart < 0 || earDeployed < 0 ? Double.NaN : (earDeployed - earStart) / 1e3);
        if (!Files.exists(gcLog)) {
            System.out.println("No GC log at " + gcLog);
            return;
        }
        long before = 0;
        long after = 0;
        long size = 0;
        long pauses = 0;
        double paused = 0;
        double longest = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher collection = COLLECTION.matcher(line);
            if (collection.find()) {
                before = Math.max(before, Long.parseLong(collection.group(1)));
                after = Math.max(after, Long.parseLong(collection.group(2)));
                size = Math.max(size, Long.parseLong(collection.group(3)));
                double pause = Double.parseDouble(collection.group(4));
                pauses++;
                paused += pause;
                longest = Math.max(longest, pause);
            }
        }
        System.out.printf("Heap: at most %d MiB in use before a collection, at most %d MiB left after one, of %d MiB; "
                + "%d pauses, %.0f ms in all, the longest %.0f ms%n", before, after, size, pauses, paused, longest);
    }

    static String kannelStatus(URI status) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(status).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Messages fakesmsc has written it received ("Got message n: ..."), from its last lines. */
    static long received(Path fakesmsc) throws IOException {
        if (!Files.exists(fakesmsc)) {
            return 0;
        }
        long size = Files.size(fakesmsc);
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(fakesmsc.toFile(), "r")) {
            byte[] tail = new byte[(int) Math.min(size, 8192)];
            file.seek(size - tail.length);
            file.readFully(tail);
            Matcher got = Pattern.compile("[Gg]ot message (\\d+)").matcher(new String(tail, StandardCharsets.ISO_8859_1));
            long most = 0;
            while (got.find()) {
                most = Math.max(most, Long.parseLong(got.group(1)));
            }
            return most;
        }
    }

    /** CPU so far of bearerbox, smsbox and fakesmsc, in nanoseconds. */
    static long kannelCpu() {
        return ProcessHandle.allProcesses().filter(p -> Set.of("bearerbox", "smsbox", "fakesmsc").contains(Cpu.comm(p.pid())))
                .mapToLong(Cpu::cpuNanos).sum();
    }

    /**
     * MOBIPACE's requests, many messages each against one each: the same load through the same account, first
     * with its messagesPerRequest as configured (1,000 in the demo), then set to 1 by the operator's API, then
     * put back. MOBIPACE takes one request at a time per account, so its batches are what scales.
     */
    static void mobipaceRequests(int messages) throws Exception {
        Through grouped = throughProvider(Provider.MOBIPACE, messages, "MOBIPACE, 1,000 messages a request");
        configureMobipace("\"messagesPerRequest\":\"1\",");
        try {
            Through single = throughProvider(Provider.MOBIPACE, messages, "MOBIPACE, 1 message a request");
            System.out.printf("MOBIPACE: 1,000 messages a request hand messages over %.1f times as fast as 1 a request, "
                    + "and deliver them %.1f times as fast%n", grouped.handedOver() / single.handedOver(),
                    grouped.delivered() / single.delivered());
        } finally {
            configureMobipace("");
        }
    }

    /** Replaces the demo MOBIPACE account's settings (the secret, absent, stays as stored) and waits for them to apply. */
    static void configureMobipace(String extraSettings) throws Exception {
        String account = "{\"provider\":\"MOBIPACE\",\"endpointUrl\":\"" + base + "/smshub-simulator/mobipace/v3\","
                + "\"username\":\"smshub@mobipace.example\",\"enabled\":true,\"settings\":{" + extraSettings
                + "\"currency\":\"RUB\",\"sender\":\"SMSHUB\"}}";
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/smshub/admin/provider-accounts/mobipace-simulator"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("operator:operator-password".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(account)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("The MOBIPACE account was not changed: " + answer.statusCode() + " " + answer.body());
        }
        Thread.sleep(1000); // the node that took the change reloads its accounts at once (others within 30 s)
    }

    /**
     * What this machine's stack costs with none of the gateway's work behind it: the floor under every SendSms
     * and every delivery report, one layer added at a time. The SOAP steps call benchmark/floor (deployed beside
     * the gateway by run.sh): CXF alone; then as the gateway's calls are made, HTTP Basic against the tenants'
     * realm and a boundary EJB; then one database read; then one row committed in a JTA transaction, the least
     * an acknowledged, durable acceptance does. Ping without probes is the gateway's own lightest call.
     */
    static void floor(int clients, int seconds) throws Exception {
        String report = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><mobilectrl_delivery_status><status>0</status>"
                + "</mobilectrl_delivery_status>";
        timed("HTTP exchange answered before any work (a push to no account of ours, refused 404 unread)", clients, seconds,
                () -> connection().post("/smshub/callbacks/smspro/benchmark/no-key/status/x", "text/xml; charset=ISO-8859-1",
                        report), 404, "");
        timed("SOAP call through CXF alone", clients, seconds, () -> floorCall("/smshub-floor/open", "none"), 200,
                "<return>none</return>");
        timed("  and HTTP Basic, a boundary EJB", clients, seconds, () -> floorCall("/smshub-floor/Floor", "none"), 200,
                "<return>none</return>");
        timed("  and one database read", clients, seconds, () -> floorCall("/smshub-floor/Floor", "read"), 200,
                "<return>read</return>");
        timed("  and one row committed in a JTA transaction", clients, seconds,
                () -> floorCall("/smshub-floor/Floor", "write"), 200, "<return>write</return>");
        String ping = envelope("<v1:Ping><v1:checkProviders>false</v1:checkProviders></v1:Ping>");
        timed("Ping without provider probes (the gateway's lightest call: two database reads)", clients, seconds,
                () -> post(ping), 200, "<database>UP</database>");
    }

    static Answer floorCall(String path, String work) throws IOException {
        return connection().post(path, "text/xml; charset=UTF-8",
                envelope("<f:echo xmlns:f=\"urn:smshub:benchmark:floor\"><work>" + work + "</work></f:echo>"));
    }

    interface Call {
        Answer call() throws IOException;
    }

    /** {@code clients} threads making one kind of call for {@code seconds}: calls/s, p50, p99 and the CPU split. */
    static void timed(String what, int clients, int seconds, Call call, int status, String expected) throws Exception {
        Load load = load(what, clients, seconds, call, status, expected);
        long[] latencies = load.latencies();
        System.out.printf("%s, %d clients: %.0f calls/s, p50 %.1f ms, p99 %.1f ms%n", what, clients, latencies.length / load.seconds(),
                latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6);
        System.out.println("  " + load.cpu().since(latencies.length).replace("a message", "a call"));
    }

    /** What a timed load measured: every call's latency, sorted; how long it ran; the CPU from its start. */
    record Load(long[] latencies, double seconds, Cpu cpu) {
    }

    /** {@code clients} threads making one kind of call for {@code seconds}, each answer checked. */
    static Load load(String what, int clients, int seconds, Call call, int status, String expected) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<long[]>> results = new ArrayList<>();
        Cpu cpu = Cpu.now();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                long[] latencies = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < end && n < latencies.length) {
                    long start = System.nanoTime();
                    Answer answer = call.call();
                    latencies[n++] = System.nanoTime() - start;
                    if (answer.status() != status || !answer.body().contains(expected)) {
                        throw new IllegalStateException(what + " failed: " + answer.status() + " " + answer.body());
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = answers(pool, results);
        double elapsed = (System.nanoTime() - started) / 1e9;
        return new Load(all.stream().flatMapToLong(Arrays::stream).sorted().toArray(), elapsed, cpu);
    }

    /** Every client's answer, in order; the first failure ends the run instead of leaving the other clients behind. */
    static <T> List<T> answers(ExecutorService pool, List<Future<T>> results) throws Exception {
        try {
            List<T> answers = new ArrayList<>(results.size());
            for (Future<T> result : results) {
                answers.add(result.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** SendSms with one recipient per request from {@code clients} concurrent clients. */
    static double sendSms(int clients, int seconds, boolean report) throws Exception {
        Call send = () -> {
            String body = envelope("<v1:SendSms><v1:text>Benchmark message</v1:text><v1:recipient>+"
                    + RECIPIENT.incrementAndGet() + "</v1:recipient></v1:SendSms>");
            return post(body);
        };
        Load load = load("SendSms", clients, seconds, send, 200, "<accepted>true</accepted>");
        long[] latencies = load.latencies();
        if (report) {
            System.out.printf("SendSms, 1 recipient, %d clients: %d accepted in %.1f s = %.0f accepted/s, p50 %.1f ms, p99 %.1f ms%n",
                    clients, latencies.length, load.seconds(), latencies.length / load.seconds(), latencies[latencies.length / 2] / 1e6,
                    latencies[(int) (latencies.length * 0.99)] / 1e6);
            System.out.println("  " + load.cpu().since(latencies.length));
        }
        return latencies.length / load.seconds();
    }

    /**
     * SendSms offered open loop at a constant rate, half of the closed loop's (measured for 10 s first when the sms
     * phase did not run): each call has its time in a fixed schedule and its latency runs from that time, not from
     * when a connection was free, so a stall counts against every call it delays (no coordinated omission). 64
     * connections, more than the rate times any latency seen.
     */
    static void openLoop(double closedLoop, int seconds) throws Exception {
        double maximum = closedLoop > 0 ? closedLoop : sendSms(32, 10, true);
        waitForQuiet();
        double rate = maximum / 2;
        long interval = (long) (1e9 / rate);
        int connections = 64;
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime() + 100_000_000L;
        long end = start + Duration.ofSeconds(seconds).toNanos();
        Cpu cpu = Cpu.now();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            results.add(pool.submit(() -> {
                long[] latencies = new long[1 << 20];
                int n = 0;
                for (long intended = start + next.getAndIncrement() * interval; intended < end;
                        intended = start + next.getAndIncrement() * interval) {
                    long wait = intended - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    Answer answer = post(envelope("<v1:SendSms><v1:text>Benchmark message</v1:text><v1:recipient>+"
                            + RECIPIENT.incrementAndGet() + "</v1:recipient></v1:SendSms>"));
                    latencies[n++] = System.nanoTime() - intended;
                    if (answer.status() != 200 || !answer.body().contains("<accepted>true</accepted>")) {
                        throw new IllegalStateException("SendSms failed: " + answer.status() + " " + answer.body());
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        long[] latencies = answers(pool, results).stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("SendSms open loop, offered %.0f/s (half of the closed loop's %.0f), %d connections: %d accepted in %.1f s "
                + "= %.0f accepted/s, from each call's scheduled time p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, most %.1f ms%n",
                rate, maximum, connections, latencies.length, elapsed, latencies.length / elapsed, latencies[latencies.length / 2] / 1e6,
                latencies[(int) (latencies.length * 0.99)] / 1e6, latencies[(int) (latencies.length * 0.999)] / 1e6,
                latencies[latencies.length - 1] / 1e6);
        System.out.println("  " + cpu.since(latencies.length));
    }

    /**
     * Acceptance while dispatch drains: as many batches as the batch phase sent (to SMS Pro's numbers, the slowest to
     * drain) left dispatching, then the same SendBatch load measured again at once; its rate against the batch
     * phase's (measured first when that phase did not run).
     */
    static void whileDraining(double alone, int batches) throws Exception {
        double before = alone > 0 ? alone : sendBatches(4, batches, 1000, true);
        waitForQuiet();
        sendBatches(4, batches, 1000, false);
        System.out.printf("(%d messages accepted and dispatching)%n", batches * 1000);
        double draining = sendBatches(4, batches, 1000, true);
        System.out.printf("SendBatch while earlier messages dispatch: %.0f messages accepted/s against %.0f with nothing "
                + "dispatching before it: %.2fx as long a message%n", draining, before, before / draining);
    }

    /** SendBatch of {@code size} messages from {@code clients} concurrent clients, {@code count} batches in all. */
    static double sendBatches(int clients, int count, int size, boolean report) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Long>> results = new ArrayList<>();
        long started = System.nanoTime();
        Cpu cpu = Cpu.now();
        for (int b = 0; b < count; b++) {
            results.add(pool.submit(() -> {
                StringBuilder messages = new StringBuilder(size * 120);
                for (int i = 0; i < size; i++) {
                    messages.append("<v1:message><v1:text>Benchmark batch message</v1:text><v1:recipient>+")
                            .append(RECIPIENT.incrementAndGet()).append("</v1:recipient></v1:message>");
                }
                long start = System.nanoTime();
                Answer response = post(envelope("<v1:SendBatch>" + messages + "</v1:SendBatch>"));
                if (response.status() != 200 || !response.body().contains("<messageCount>" + size + "</messageCount>")) {
                    throw new IllegalStateException("SendBatch failed: " + response.status() + " " + response.body());
                }
                return System.nanoTime() - start;
            }));
        }
        long[] latencies = answers(pool, results).stream().mapToLong(Long::longValue).toArray();
        double elapsed = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        if (report) {
            System.out.printf("SendBatch, %d messages a request, %d clients: %d messages in %.1f s = %.0f messages accepted/s, "
                    + "p50 %.0f ms a request%n", size, clients, count * size, elapsed, count * size / elapsed,
                    latencies[count / 2] / 1e6);
            System.out.println("  " + cpu.since(count * size));
        }
        return count * size / elapsed;
    }

    /** Messages sent as batches until the simulator has pushed a delivery report for every one. */
    static void endToEnd(int messages) throws Exception {
        long before = counter("reportsPushed");
        long started = System.nanoTime();
        Cpu cpu = Cpu.now();
        sendBatches(4, messages / 1000, 1000, false);
        double accepted = (System.nanoTime() - started) / 1e9;
        long target = before + messages;
        long last = before;
        long lastChange = System.nanoTime();
        while (last < target) {
            Thread.sleep(250);
            long now = counter("reportsPushed");
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > Duration.ofSeconds(60).toNanos()) {
                throw new IllegalStateException("No progress for 60 s: " + (last - before) + " of " + messages + " delivered");
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.printf("End to end: %d messages accepted in %.1f s and all DELIVERED (reported by the SMS Pro simulator) "
                + "after %.1f s = %.0f delivered/s%n", messages, accepted, elapsed, messages / elapsed);
        System.out.println("  " + cpu.since(messages));
    }

    /** Waits until the gateway has no dispatch backlog: the simulator's report count stops moving. */
    static void waitForQuiet() throws Exception {
        long last = -1;
        while (true) {
            long now = counter("reportsPushed");
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(2000);
        }
    }

    static long counter(String name) throws Exception {
        String state = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/smshub-simulator/smspro/control")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        for (String line : state.split("\n")) {
            if (line.startsWith(name + "=")) {
                return Long.parseLong(line.substring(name.length() + 1).strip());
            }
        }
        throw new IllegalStateException("No " + name + " in " + state);
    }

    /**
     * CPU time so far of the gateway's JVM (the HTTP providers' simulators run in it), of PostgreSQL's processes, of
     * the SMSC simulator's own JVM (benchmark/smsc.sh) and of this load generator, read from the operating system
     * (ProcessHandle; a PostgreSQL backend that ends in between takes its time with it). Tells where a phase's CPU
     * went, and what a message cost the machine.
     */
    record Cpu(long wallNanos, Map<Long, Long> server, Map<Long, Long> database, Map<Long, Long> smsc, long generator) {

        static Cpu now() {
            Map<Long, Long> server = new HashMap<>();
            Map<Long, Long> database = new HashMap<>();
            Map<Long, Long> smsc = new HashMap<>();
            ProcessHandle.allProcesses().forEach(p -> {
                String name = comm(p.pid());
                if ("postgres".equals(name)) {
                    database.put(p.pid(), cpuNanos(p));
                } else if ("java".equals(name)) {
                    String command = p.info().commandLine().orElse("");
                    if (command.contains("jboss-modules.jar")) {
                        server.put(p.pid(), cpuNanos(p));
                    } else if (command.contains("-Dsmshub.benchmark.process=smsc")) {
                        smsc.put(p.pid(), cpuNanos(p));
                    }
                }
            });
            return new Cpu(System.nanoTime(), server, database, smsc, cpuNanos(ProcessHandle.current()));
        }

        String since(long messages) {
            Cpu end = now();
            double wall = end.wallNanos - wallNanos;
            double server = used(this.server, end.server) / wall;
            double database = used(this.database, end.database) / wall;
            double smsc = used(this.smsc, end.smsc) / wall;
            double generator = (end.generator - this.generator) / wall;
            return String.format("CPU (cores of %d): WildFly %.2f, PostgreSQL %.2f, %sload generator %.2f; %.2f ms of CPU a message",
                    Runtime.getRuntime().availableProcessors(), server, database,
                    end.smsc.isEmpty() ? "" : String.format("SMSC simulator %.2f, ", smsc), generator,
                    (server + database + smsc + generator) * wall / 1e6 / messages);
        }

        /** The CPU of WildFly, PostgreSQL, the SMSC simulator and the load generator since, in ms a message. */
        double machineMillis(long messages) {
            Cpu end = now();
            return (used(server, end.server) + used(database, end.database) + used(smsc, end.smsc) + end.generator - generator)
                    / 1e6 / Math.max(1, messages);
        }

        private static long used(Map<Long, Long> start, Map<Long, Long> end) {
            long total = 0;
            for (Map.Entry<Long, Long> e : end.entrySet()) {
                total += e.getValue() - start.getOrDefault(e.getKey(), 0L);
            }
            return total;
        }

        static long cpuNanos(ProcessHandle p) {
            return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }

        static String comm(long pid) {
            try {
                return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip();
            } catch (IOException | RuntimeException e) {
                return "";
            }
        }
    }

    record Answer(int status, String body) {
    }

    /** POSTs a SOAP request to the gateway on this thread's connection, opened on first use. */
    static Answer post(String body) throws IOException {
        KeptAlive connection = connection();
        try {
            return connection.post("/smshub/SmsGateway", "text/xml; charset=UTF-8", body);
        } catch (java.net.SocketException e) {
            if (!connection.sent) {
                throw e;
            }
            // the server closed a connection this thread left idle (a phase that used others): a new one, once
            CONNECTION.remove();
            return connection().post("/smshub/SmsGateway", "text/xml; charset=UTF-8", body);
        }
    }

    static KeptAlive connection() throws IOException {
        KeptAlive connection = CONNECTION.get();
        if (connection == null) {
            URI uri = URI.create(base);
            connection = new KeptAlive(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
            CONNECTION.set(connection);
        }
        return connection;
    }

    /** The least HTTP/1.1 client that keeps its connection: Content-Length or chunked answers, nothing else. */
    static final class KeptAlive {
        private final String host;
        private final InputStream in;
        private final OutputStream out;

        KeptAlive(String host, int port) throws IOException {
            Socket socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            this.host = host + ":" + port;
            this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        }

        Answer post(String path, String contentType, String body) throws IOException {
            return request("POST", path, contentType, body.getBytes(StandardCharsets.UTF_8));
        }

        /** Whether a request went over this connection before: a failure on it may be the server having closed it. */
        boolean sent;

        /** One request and its answer; a GET has no content type and no content. */
        Answer request(String method, String path, String contentType, byte[] content) throws IOException {
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
                    + (content == null ? "" : "Content-Type: " + contentType + "\r\nContent-Length: " + content.length + "\r\n")
                    + (auth == null ? "" : "Authorization: " + auth + "\r\n") + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            if (content != null) {
                out.write(content);
            }
            out.flush();
            String statusLine = line();
            sent = true;
            int length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring("content-length:".length()).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().strip(), 16); size > 0; size = Integer.parseInt(line().strip(), 16)) {
                    answer.write(in.readNBytes(size));
                    line();
                }
                line();
            } else if (length > 0) {
                answer.write(in.readNBytes(length));
            }
            return new Answer(Integer.parseInt(statusLine.split(" ")[1]), answer.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("connection closed by the gateway");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }

    static String envelope(String content) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:v1=\"urn:smshub:gateway:v1\">"
                + "<soapenv:Body>" + content + "</soapenv:Body></soapenv:Envelope>";
    }
}
