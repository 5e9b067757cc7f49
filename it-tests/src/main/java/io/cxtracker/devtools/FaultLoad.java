package io.cxtracker.devtools;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client side of {@code bench/faults.sh}: drives load at a running cluster ({@code ./cx cluster}) through the
 * balancer and at its nodes, injects the fault the script names (a command it runs at the right moment), and then
 * checks in the database what was stored against what the server acknowledged. Loopback only, bounded in time.
 * Every figure is printed as a line {@code figure <name> <value>}; a broken claim is a line {@code FAILED …} and
 * exit status 1.
 *
 * <pre>
 *   FaultLoad kill &lt;seconds&gt; &lt;kill-after-seconds&gt; &lt;node-name&gt; &lt;kill-command&gt;
 *   FaultLoad outage &lt;stop-after-seconds&gt; &lt;outage-seconds&gt; &lt;stop-command&gt; &lt;start-command&gt;
 *   FaultLoad race &lt;clients&gt;
 *   FaultLoad chain
 *   FaultLoad throughput &lt;seconds&gt; &lt;clients&gt; &lt;base-url&gt;
 *   FaultLoad session &lt;kill-command with %s for the node's name&gt;
 *   FaultLoad alerts &lt;milestones&gt; &lt;rounds&gt;     (see {@link AlertProof})
 *   FaultLoad alertkill &lt;milestones&gt;
 *   FaultLoad mailkill &lt;milestones&gt;
 * </pre>
 * Settings (system properties): {@code lb} (the balancer), {@code nodes} and {@code health} (comma-separated base
 * URLs of the nodes and their management ports), {@code stats} (HAProxy's statistics page), {@code keycloak},
 * {@code db} (JDBC URL; user {@code db.user}, password {@code db.password}), {@code run} (a tag for this run's data).
 */
public final class FaultLoad {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final int BATCH = 20;
    static final String CLIENT = "cxtracker-faults";
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    final String lb = System.getProperty("lb", "http://127.0.0.1:8000");
    final List<String> nodes = List.of(System.getProperty("nodes", "http://127.0.0.1:9080,http://127.0.0.1:9180").split(","));
    private final List<String> health = List.of(System.getProperty("health", "http://127.0.0.1:10990,http://127.0.0.1:11090").split(","));
    private final String stats = System.getProperty("stats", "http://127.0.0.1:8001");
    private final String keycloak = System.getProperty("keycloak", "http://127.0.0.1:8180");
    final String run = System.getProperty("run", Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36));
    private final long t0 = System.nanoTime();
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    private FaultLoad() {
    }

    public static void main(String[] args) throws Exception {
        FaultLoad load = new FaultLoad();
        switch (args.length == 0 ? "" : args[0]) {
            case "kill" -> load.kill(Integer.parseInt(args[1]), Integer.parseInt(args[2]), args[3], args[4]);
            case "outage" -> load.outage(Integer.parseInt(args[1]), Integer.parseInt(args[2]), args[3], args[4]);
            case "race" -> load.race(Integer.parseInt(args[1]));
            case "chain" -> load.chain();
            case "throughput" -> load.throughput(Integer.parseInt(args[1]), Integer.parseInt(args[2]), args[3]);
            case "session" -> load.session(args[1]);
            case "alerts" -> new AlertProof(load).once(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "alertkill" -> new AlertProof(load).killBetweenSendAndMark(Integer.parseInt(args[1]));
            case "mailkill" -> new AlertProof(load).mailKill(Integer.parseInt(args[1]));
            default -> {
                System.err.println("usage: FaultLoad kill|outage|race|chain|throughput|session|alerts|alertkill|mailkill … (see the class comment)");
                System.exit(2);
            }
        }
        load.failures.forEach(f -> System.out.println("FAILED " + f));
        System.exit(load.failures.isEmpty() ? 0 : 1);
    }

    // ---- 1. a node killed mid-write ----

    void kill(int seconds, int killAfter, String node, String killCommand) throws Exception {
        Tokens tokens = new Tokens();
        String metric = npsMetric();
        List<long[]> milestones = supportMilestones(4);
        long deadline = t0 + seconds * 1_000_000_000L;
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> servedBy = new ConcurrentHashMap<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int client = c;
            clients.add(Thread.ofPlatform().start(() -> {
                for (int batch = 0; System.nanoTime() < deadline; batch++) {
                    outcomes.add(postReadings(tokens.ingest, lb, metric, "k-" + run + "-" + client + "-" + batch, servedBy));
                }
            }));
        }
        for (int c = 0; c < milestones.size(); c++) {
            long[] milestone = milestones.get(c);
            int client = c;
            clients.add(Thread.ofPlatform().start(() -> {
                String etag = "\"" + milestone[1] + "\"";
                for (int n = 0; System.nanoTime() < deadline; n++) {
                    Outcome outcome = postCheckIn(tokens.lead, lb, milestone[0], etag, "k-" + run + "-c" + client + "-" + n, servedBy);
                    outcomes.add(outcome);
                    etag = outcome.etag != null ? outcome.etag : currentEtag(tokens.lead, milestone[0], deadline);
                }
            }));
        }
        StatsWatch watch = new StatsWatch(node);
        Thread watcher = Thread.ofPlatform().daemon().start(watch);
        sleepUntil(t0 + killAfter * 1_000_000_000L);
        long killedAt = now();
        runCommand(killCommand);
        System.out.println("killed " + node + " at t=" + ms(killedAt) + " ms");
        for (Thread t : clients) {
            t.join();
        }
        int acknowledged = 0, failed = 0, inFlight = 0, afterKill = 0, conflicts = 0;
        Map<String, Integer> failedAnswers = new TreeMap<>();
        for (Outcome o : outcomes) {
            if (o.ok()) {
                acknowledged++;
            } else if (o.status == 409 || o.status == 412) {
                conflicts++;
            } else {
                failed++;
                failedAnswers.merge(o.answer(), 1, Integer::sum);
                if (o.sentAt <= killedAt) {
                    inFlight++;
                } else {
                    afterKill++;
                }
            }
        }
        Stored stored = storedOf(outcomes);
        figure("kill.requests", outcomes.size());
        figure("kill.acknowledged", acknowledged);
        figure("kill.acknowledged_stored_once", stored.acknowledgedOnce);
        figure("kill.acknowledged_missing_or_duplicated", stored.acknowledgedWrong);
        figure("kill.failed_requests", failed);
        figure("kill.failed_in_flight_at_kill", inFlight);
        figure("kill.failed_sent_after_kill", afterKill);
        figure("kill.failed_answers", failedAnswers);
        figure("kill.failed_but_stored_whole", stored.failedStored);
        figure("kill.half_stored_batches", stored.halfBatches);
        figure("kill.stale_etag_answers", conflicts);
        figure("kill.served_by", new TreeMap<>(servedBy));
        if (stored.acknowledgedWrong > 0) {
            failures.add(stored.acknowledgedWrong + " acknowledged writes are not stored exactly once");
        }
        if (stored.halfBatches > 0) {
            failures.add(stored.halfBatches + " reading batches are half stored");
        }
        if (inFlight > clients.size()) {
            failures.add(inFlight + " failed requests were in flight at the kill, more than the " + clients.size() + " clients");
        }
        watch.awaitRejoin(Duration.ofSeconds(300));
        figure("kill.node_marked_down_after_ms", watch.downAt < 0 ? "never" : ms(watch.downAt) - ms(killedAt));
        long lastError = outcomes.stream().filter(o -> !o.ok() && o.status != 409 && o.status != 412)
                .mapToLong(o -> o.doneAt).max().orElse(killedAt);
        figure("kill.last_client_error_after_ms", Math.max(0, ms(lastError) - ms(killedAt)));
        figure("kill.node_back_up_after_ms", watch.upAgainAt < 0 ? "not within 300 s" : ms(watch.upAgainAt) - ms(killedAt));
        if (watch.upAgainAt < 0) {
            failures.add(node + " did not rejoin within 300 s of the kill");
        }
    }

    // ---- 2. the database stopped under traffic ----

    void outage(int stopAfter, int outageSeconds, String stopCommand, String startCommand) throws Exception {
        Tokens tokens = new Tokens();
        String metric = npsMetric();
        long[] milestone = supportMilestones(1).get(0);
        List<String> targets = new ArrayList<>(nodes);
        targets.add(lb);
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicLong stoppedAt = new AtomicLong(Long.MAX_VALUE), startedAt = new AtomicLong(Long.MAX_VALUE);
        long deadline = t0 + (stopAfter + outageSeconds + 30) * 1_000_000_000L;
        ReadinessWatch readiness = new ReadinessWatch();
        Thread.ofPlatform().daemon().start(readiness);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < targets.size(); c++) {
            String target = targets.get(c);
            int client = c;
            clients.add(Thread.ofPlatform().start(() -> {
                String etag = "\"" + milestone[1] + "\"";
                for (int n = 0; System.nanoTime() < deadline; n++) {
                    Outcome o = switch (n % 3) {
                        case 0 -> postReadings(tokens.ingest, target, metric, "o-" + run + "-" + client + "-" + n, null);
                        case 1 -> postCheckIn(tokens.lead, target, milestone[0], etag, "o-" + run + "-" + client + "-" + n, null);
                        default -> get(tokens.lead, target + "/api/milestones?limit=5");
                    };
                    o.target = target;
                    outcomes.add(o);
                    if (n % 3 == 1) {
                        etag = o.etag != null ? o.etag : currentEtag(tokens.lead, milestone[0], System.nanoTime() + 2_000_000_000L);
                    }
                    pause(100);
                }
            }));
        }
        sleepUntil(t0 + stopAfter * 1_000_000_000L);
        stoppedAt.set(now());
        runCommand(stopCommand);
        System.out.println("database stopped at t=" + ms(stoppedAt.get()) + " ms");
        sleepUntil(stoppedAt.get() + outageSeconds * 1_000_000_000L);
        runCommand(startCommand);
        startedAt.set(now());
        System.out.println("database started again at t=" + ms(startedAt.get()) + " ms");
        for (Thread t : clients) {
            t.join();
        }
        readiness.stop = true;
        long worst = 0;
        int during = 0, answered503 = 0, answered500 = 0, notProblem = 0, stackTraces = 0, slow = 0;
        Map<String, Integer> statuses = new TreeMap<>();
        for (Outcome o : outcomes) {
            boolean inOutage = o.sentAt >= stoppedAt.get() + 1_000_000_000L && o.doneAt <= startedAt.get();
            if (!inOutage) {
                continue;
            }
            during++;
            statuses.merge(o.answer(), 1, Integer::sum);
            long latency = (o.doneAt - o.sentAt) / 1_000_000;
            worst = Math.max(worst, latency);
            if (latency > 5000) {
                slow++;
            }
            if (o.status == 503) {
                answered503++;
            }
            if (o.status == 500) {
                answered500++;
            }
            if (o.status >= 500 && !o.problem) {
                notProblem++;
            }
            if (o.stackTrace) {
                stackTraces++;
            }
        }
        Map<String, Long> recovered = new TreeMap<>();
        for (String target : targets) {
            long first = outcomes.stream().filter(o -> o.target.equals(target) && o.sentAt >= startedAt.get() && o.ok())
                    .mapToLong(o -> o.doneAt).min().orElse(-1);
            recovered.put(target, first < 0 ? -1 : ms(first) - ms(startedAt.get()));
        }
        figure("outage.requests_during_outage", during);
        figure("outage.statuses_during_outage", statuses);
        figure("outage.answered_503", answered503);
        figure("outage.answered_500", answered500);
        figure("outage.5xx_not_problem_json", notProblem);
        figure("outage.stack_traces_in_bodies", stackTraces);
        figure("outage.slowest_answer_ms", worst);
        figure("outage.answers_slower_than_5s", slow);
        figure("outage.readiness_down_after_ms", readiness.downAfter(stoppedAt.get()));
        figure("outage.readiness_up_after_restart_ms", readiness.upAfter(startedAt.get()));
        figure("outage.first_2xx_after_restart_ms", recovered);
        if (answered500 > 0 || notProblem > 0 || stackTraces > 0 || slow > 0) {
            failures.add("during the outage: " + answered500 + " × 500, " + notProblem + " 5xx without a problem, "
                    + stackTraces + " stack traces, " + slow + " answers slower than 5 s");
        }
        if (recovered.values().stream().anyMatch(v -> v < 0 || v > 10_000)) {
            failures.add("not every target recovered within 10 s of the database: " + recovered);
        }
        if (readiness.downAfter(stoppedAt.get()).values().stream().anyMatch(v -> v < 0)) {
            failures.add("readiness was not DOWN on every node during the outage");
        }
    }

    // ---- 3. concurrent edits across nodes ----

    void race(int clients) throws Exception {
        Tokens tokens = new Tokens();
        long[] milestone = supportMilestones(1).get(0);
        String etag = currentEtag(tokens.lead, milestone[0], System.nanoTime() + 10_000_000_000L);
        long auditBefore = longQuery("select coalesce(max(seq), 0) from audit_record");
        CountDownLatch ready = new CountDownLatch(clients), go = new CountDownLatch(1);
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> servedBy = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String comment = "r-" + run + "-" + c;
            threads.add(Thread.ofPlatform().start(() -> {
                ready.countDown();
                await(go);
                outcomes.add(postCheckIn(tokens.lead, lb, milestone[0], etag, comment, servedBy));
            }));
        }
        ready.await();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        outcomes.forEach(o -> statuses.merge(o.status, 1, Integer::sum));
        long stored = longQuery("select count(*) from check_in where comment like 'r-" + run + "-%'");
        pause(3000); // the audit record is written in the check-in's transaction; the wait only lets others finish
        long audited = longQuery("select count(*) from audit_record where seq > " + auditBefore
                + " and entity_type = 'milestone' and entity_id = '" + milestone[0] + "' and action = 'check-in'");
        long ok = outcomes.stream().filter(Outcome::ok).count();
        long refused = outcomes.stream().filter(o -> o.status == 409 || o.status == 412).count();
        figure("race.clients", clients);
        figure("race.statuses", statuses);
        figure("race.served_by", new TreeMap<>(servedBy));
        figure("race.check_ins_stored", stored);
        figure("race.audit_records", audited);
        if (ok != 1 || refused != clients - 1 || stored != 1 || audited != 1) {
            failures.add("race: " + ok + " × 2xx, " + refused + " × 409/412, " + stored + " stored, " + audited + " audited");
        }
    }

    // ---- 4. the audit chain after writes on every node ----

    void chain() throws Exception {
        Tokens tokens = new Tokens();
        long unsealed = -1;
        for (int i = 0; i < 30 && unsealed != 0; i++) {
            pause(1000);
            unsealed = longQuery("select count(*) from audit_record r where not exists "
                    + "(select 1 from audit_seal s where s.record_seq = r.seq)");
        }
        long seals = longQuery("select count(*) from audit_seal");
        long first = longQuery("select coalesce(min(seq), 0) from audit_seal");
        long last = longQuery("select coalesce(max(seq), 0) from audit_seal");
        long records = longQuery("select count(*) from audit_record");
        HttpResponse<String> verify = send(HttpRequest.newBuilder(URI.create(lb + "/api/audit/verify"))
                .header("Authorization", "Bearer " + tokens.auditor).header("Accept", "application/json").GET());
        figure("chain.audit_records", records);
        figure("chain.seals", seals);
        figure("chain.seal_sequence", first + ".." + last);
        figure("chain.seal_sequence_gaps", last - first + 1 - seals);
        figure("chain.unsealed_records", unsealed);
        figure("chain.verify_status", verify.statusCode());
        figure("chain.verify_answer", verify.body().length() > 300 ? verify.body().substring(0, 300) + "…" : verify.body());
        if (verify.statusCode() != 200 || !verify.body().matches("(?s).*\"(valid|intact|ok)\"\\s*:\\s*true.*")) {
            failures.add("the audit chain does not verify: " + verify.statusCode() + " " + verify.body());
        }
        if (last - first + 1 != seals || first != 1 || unsealed != 0 || seals != records) {
            failures.add("the seal sequence has gaps or leaves records unsealed: " + seals + " seals " + first + ".." + last
                    + " for " + records + " records, " + unsealed + " unsealed");
        }
    }

    // ---- 5. throughput of the same mixed load against one URL ----

    void throughput(int seconds, int clients, String base) throws Exception {
        Tokens tokens = new Tokens();
        String metric = npsMetric();
        List<long[]> milestones = supportMilestones(clients);
        long warm = t0 + 5_000_000_000L, deadline = warm + seconds * 1_000_000_000L;
        AtomicInteger done = new AtomicInteger(), errors = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            long[] milestone = milestones.get(c % milestones.size());
            threads.add(Thread.ofPlatform().start(() -> {
                String etag = currentEtag(tokens.lead, milestone[0], deadline);
                for (int n = 0; System.nanoTime() < deadline; n++) {
                    Outcome o = switch (n % 5) {
                        case 0, 1 -> postReadings(tokens.ingest, base, metric, "t-" + run + "-" + base.hashCode() + "-" + client + "-" + n, null);
                        case 2 -> postCheckIn(tokens.lead, base, milestone[0], etag, "t-" + run + "-" + client + "-" + n, null);
                        default -> get(tokens.lead, base + "/api/milestones?limit=50");
                    };
                    if (n % 5 == 2) {
                        etag = o.etag != null ? o.etag : currentEtag(tokens.lead, milestone[0], deadline);
                    }
                    if (o.sentAt >= warm && o.doneAt <= deadline) {
                        (o.ok() || o.status == 412 || o.status == 409 ? done : errors).incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        figure("throughput.operations_per_s", String.format(java.util.Locale.ROOT, "%.1f", done.get() / (double) seconds));
        figure("throughput.errors", errors.get());
    }

    // ---- 6. a signed-in browser whose node dies ----

    /**
     * Signs in through the balancer as a browser does (the authorization-code flow through Keycloak's login form, with
     * cookies), kills the node its sticky cookie names, and opens the app again with the same cookies: it must land on
     * another node and be signed in again by Keycloak's single sign-on, without a second login form.
     */
    void session(String killTemplate) throws Exception {
        String app = lb.replace("127.0.0.1", "localhost");
        LocalhostCookies cookies = new LocalhostCookies();
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.ALWAYS).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(app + "/departments")).timeout(REQUEST_TIMEOUT)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher form = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|<form[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"")
                .matcher(login.body());
        if (!form.find()) {
            failures.add("no Keycloak login form when opening the app: " + login.statusCode() + " " + login.uri());
            return;
        }
        String action = (form.group(1) != null ? form.group(1) : form.group(2)).replace("&amp;", "&");
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(action)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=lead-support&password=lead-support&credentialId=")).build(),
                HttpResponse.BodyHandlers.ofString());
        String first = cookie(cookies, "CXNODE");
        figure("session.signed_in_status", signedIn.statusCode() + " " + signedIn.uri().getPath());
        figure("session.first_node", first);
        if (signedIn.statusCode() != 200 || !signedIn.uri().toString().startsWith(app) || first == null) {
            failures.add("the sign-in through the balancer did not end on the app with a node cookie: " + signedIn.statusCode()
                    + " " + signedIn.uri());
            return;
        }
        long killedAt = now();
        runCommand(killTemplate.replace("%s", first));
        StatsWatch watch = new StatsWatch(first);
        Thread.ofPlatform().daemon().start(watch);
        HttpResponse<String> again = null;
        long until = killedAt + 60_000_000_000L;
        while (System.nanoTime() < until) {
            try {
                again = browser.send(HttpRequest.newBuilder(URI.create(app + "/departments")).timeout(REQUEST_TIMEOUT).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (again.statusCode() == 200 && again.uri().toString().startsWith(app)) {
                    break;
                }
            } catch (IOException e) {
                again = null;
            }
            pause(250);
        }
        long backAt = now();
        String second = cookie(cookies, "CXNODE");
        boolean loginFormAgain = again != null && again.body().contains("kc-form-login");
        figure("session.after_kill_status", again == null ? "no answer" : again.statusCode() + " " + again.uri().getPath());
        figure("session.second_node", second);
        figure("session.login_form_shown_again", loginFormAgain);
        figure("session.working_again_after_ms", (backAt - killedAt) / 1_000_000);
        if (again == null || again.statusCode() != 200 || loginFormAgain || first.equals(second)) {
            failures.add("after " + first + " died the browser was not signed in on another node without a login form");
        }
        watch.awaitRejoin(Duration.ofSeconds(300));
        figure("session.node_back_up_after_ms", watch.upAgainAt < 0 ? "not within 300 s" : ms(watch.upAgainAt) - ms(killedAt));
    }

    private static String cookie(LocalhostCookies cookies, String name) {
        return cookies.store.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /**
     * Cookies as a browser keeps them for http://localhost, which it treats as a secure origin: Keycloak marks its
     * sign-in cookies Secure (SameSite=None), and the JDK's cookie manager would never send those over plain HTTP.
     */
    private static final class LocalhostCookies extends java.net.CookieHandler {
        private static final Pattern SECURE = Pattern.compile("(?i);\\s*Secure(?=;|$)");
        final java.net.CookieManager store = new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            return store.get(uri, headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            Map<String, List<String>> plain = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((name, values) -> {
                if (name != null) {
                    plain.put(name, values.stream().map(v -> SECURE.matcher(v).replaceAll("")).toList());
                }
            });
            store.put(uri, plain);
        }
    }

    // ---- requests ----

    private Outcome postReadings(String token, String base, String metric, String batchKey, Map<String, AtomicInteger> servedBy) {
        String day = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < BATCH; i++) {
            body.append(i == 0 ? "" : ",").append("{\"day\":\"").append(day).append("\",\"idempotencyKey\":\"")
                    .append(batchKey).append('-').append(i).append("\",\"statistics\":{\"promoters\":1,\"passives\":0,\"detractors\":0}}");
        }
        Outcome o = exchange(HttpRequest.newBuilder(URI.create(base + "/api/metrics/" + metric + "/readings"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.append(']').toString())), servedBy);
        o.readingBatch = batchKey;
        return o;
    }

    private Outcome postCheckIn(String token, String base, long milestone, String etag, String comment, Map<String, AtomicInteger> servedBy) {
        Outcome o = exchange(HttpRequest.newBuilder(URI.create(base + "/api/milestones/" + milestone + "/check-ins"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("If-Match", etag)
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"IN_PROGRESS\",\"progress\":50,\"comment\":\"" + comment + "\"}")), servedBy);
        o.checkIn = comment;
        return o;
    }

    private Outcome get(String token, String url) {
        return exchange(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET(), null);
    }

    /** The milestone's ETag now; retried until the deadline, since a node or the database may be down. */
    private String currentEtag(String token, long milestone, long deadline) {
        do {
            Outcome o = exchange(HttpRequest.newBuilder(URI.create(lb + "/api/milestones/" + milestone))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET(), null);
            if (o.ok() && o.etag != null) {
                return o.etag;
            }
            pause(200);
        } while (System.nanoTime() < deadline);
        return "\"0\"";
    }

    private Outcome exchange(HttpRequest.Builder request, Map<String, AtomicInteger> servedBy) {
        Outcome o = new Outcome();
        o.sentAt = now();
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            o.status = response.statusCode();
            o.etag = response.headers().firstValue("ETag").orElse(null);
            o.problem = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            String body = response.body();
            o.stackTrace = body.contains("\tat ") || body.contains("Exception") || body.contains("org.hibernate");
            if (servedBy != null) {
                servedBy.computeIfAbsent(response.headers().firstValue("X-CX-Node").orElse("?"), k -> new AtomicInteger()).incrementAndGet();
            }
        } catch (IOException e) {
            o.status = -1;
            o.clientError = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            o.status = -1;
            o.clientError = "interrupted";
        }
        o.doneAt = now();
        return o;
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---- what the database holds ----

    private record Stored(int acknowledgedOnce, int acknowledgedWrong, int failedStored, int halfBatches) {
    }

    private Stored storedOf(List<Outcome> outcomes) throws SQLException {
        Map<String, Long> readings = new TreeMap<>(), checkIns = new TreeMap<>();
        try (Connection c = database();
             PreparedStatement r = c.prepareStatement("select regexp_replace(idempotency_key, '-[0-9]+$', ''), count(*) "
                     + "from reading where idempotency_key like ? group by 1");
             PreparedStatement k = c.prepareStatement("select comment, count(*) from check_in where comment like ? group by 1")) {
            r.setString(1, "k-" + run + "-%");
            k.setString(1, "k-" + run + "-%");
            collect(r, readings);
            collect(k, checkIns);
        }
        int once = 0, wrong = 0, failedStored = 0, half = 0;
        for (Outcome o : outcomes) {
            long n = o.readingBatch != null ? readings.getOrDefault(o.readingBatch, 0L) : checkIns.getOrDefault(o.checkIn, 0L);
            long whole = o.readingBatch != null ? BATCH : 1;
            if (n != 0 && n != whole) {
                half++;
            }
            if (o.ok()) {
                if (n == whole) {
                    once++;
                } else {
                    wrong++;
                }
            } else if (n == whole) {
                failedStored++;
            }
        }
        return new Stored(once, wrong, failedStored, half);
    }

    private static void collect(PreparedStatement statement, Map<String, Long> into) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                into.put(rows.getString(1), rows.getLong(2));
            }
        }
    }

    private String npsMetric() throws SQLException {
        return stringQuery("select metric_key from metric where kind = 'NPS' order by id limit 1");
    }

    /** Milestones the support lead may check in on (owned by support, not done), with their versions. */
    private List<long[]> supportMilestones(int wanted) throws SQLException {
        List<long[]> found = new ArrayList<>();
        try (Connection c = database();
             PreparedStatement s = c.prepareStatement("select m.id, m.version from milestone m join department d on d.id = m.owner_department_id "
                     + "where d.code = 'support' and coalesce(m.reported_status, '') <> 'DONE' "
                     + "and not exists (select 1 from milestone_target t where t.milestone_id = m.id) order by m.id limit ?")) {
            s.setInt(1, wanted);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.add(new long[] {rows.getLong(1), rows.getLong(2)});
                }
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no milestone of support to check in on: is the demo program loaded?");
        }
        return found;
    }

    long longQuery(String sql) throws SQLException {
        return Long.parseLong(stringQuery(sql));
    }

    String stringQuery(String sql) throws SQLException {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(sql); ResultSet rows = s.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("no row for " + sql);
            }
            return rows.getString(1);
        }
    }

    static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("db"), System.getProperty("db.user", "postgres"),
                System.getProperty("db.password", "postgres"));
    }

    // ---- tokens: a password-grant client for the leads is added to the local realm, as the tests do ----

    private final class Tokens {
        final String ingest = token("grant_type=client_credentials&client_id=cxtracker-ingest&client_secret=cxtracker-ingest-local-secret");
        final String lead;
        final String auditor;

        Tokens() {
            ensureClient();
            lead = token("grant_type=password&client_id=" + CLIENT + "&username=lead-support&password=lead-support");
            auditor = token("grant_type=password&client_id=" + CLIENT + "&username=auditor&password=auditor");
        }
    }

    void ensureClient() {
        String admin = token("master", "grant_type=password&client_id=admin-cli&username=admin&password=admin");
        String client = """
                {"clientId":"%s","enabled":true,"publicClient":true,"directAccessGrantsEnabled":true,"standardFlowEnabled":false,
                 "attributes":{"access.token.lifespan":"1800"},
                 "protocolMappers":[
                  {"name":"department groups","protocol":"openid-connect","protocolMapper":"oidc-group-membership-mapper",
                   "config":{"claim.name":"groups","full.path":"true","access.token.claim":"true","id.token.claim":"true"}},
                  {"name":"api audience","protocol":"openid-connect","protocolMapper":"oidc-audience-mapper",
                   "config":{"included.custom.audience":"cxtracker-api","access.token.claim":"true","id.token.claim":"false"}}]}
                """.formatted(CLIENT);
        try {
            HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/cxtracker/clients"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(client)));
            if (created.statusCode() != 201 && created.statusCode() != 409) {
                throw new IllegalStateException("Keycloak refused the test client: " + created.statusCode() + " " + created.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String token(String form) {
        return token("cxtracker", form);
    }

    private String token(String realm, String form) {
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + realm + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
            Matcher m = TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("no token (" + URLEncoder.encode(form.replaceAll("password=[^&]*", "password=…"),
                        StandardCharsets.UTF_8) + "): " + response.statusCode() + " " + response.body());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- watching the balancer and the nodes ----

    /** Polls HAProxy's statistics (CSV) for one server of the API backend: when it went DOWN, when it came back UP. */
    private final class StatsWatch implements Runnable {
        private final String server;
        volatile long downAt = -1;
        volatile long upAgainAt = -1;

        StatsWatch(String server) {
            this.server = server;
        }

        @Override
        public void run() {
            while (upAgainAt < 0) {
                String status = serverStatus();
                if (downAt < 0 && status.startsWith("DOWN")) {
                    downAt = now();
                } else if (downAt >= 0 && status.equals("UP")) {
                    upAgainAt = now();
                }
                pause(100);
            }
        }

        void awaitRejoin(Duration limit) {
            long until = System.nanoTime() + limit.toNanos();
            while (upAgainAt < 0 && System.nanoTime() < until) {
                pause(500);
            }
        }

        private String serverStatus() {
            try {
                HttpResponse<String> csv = send(HttpRequest.newBuilder(URI.create(stats + "/;csv")).GET());
                for (String line : csv.body().split("\n")) {
                    String[] f = line.split(",", -1);
                    if (f.length > 17 && f[0].equals("cx_api") && f[1].equals(server)) {
                        return f[17];
                    }
                }
            } catch (IOException e) {
                return "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "";
        }
    }

    /** Polls every node's readiness; remembers each change with its time. */
    private final class ReadinessWatch implements Runnable {
        volatile boolean stop;
        final Map<String, List<long[]>> changes = new ConcurrentHashMap<>(); // time, 1 = ready

        @Override
        public void run() {
            Map<String, Integer> last = new TreeMap<>();
            while (!stop) {
                for (String h : health) {
                    int ready;
                    try {
                        ready = send(HttpRequest.newBuilder(URI.create(h + "/health/ready")).timeout(Duration.ofSeconds(3)).GET())
                                .statusCode() == 200 ? 1 : 0;
                    } catch (IOException e) {
                        ready = 0;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    if (!Integer.valueOf(ready).equals(last.put(h, ready))) {
                        changes.computeIfAbsent(h, k -> Collections.synchronizedList(new ArrayList<>())).add(new long[] {now(), ready});
                    }
                }
                pause(200);
            }
        }

        Map<String, Long> downAfter(long since) {
            return firstAfter(since, 0);
        }

        Map<String, Long> upAfter(long since) {
            return firstAfter(since, 1);
        }

        private Map<String, Long> firstAfter(long since, int state) {
            Map<String, Long> result = new TreeMap<>();
            for (String h : health) {
                result.put(h, changes.getOrDefault(h, List.of()).stream().filter(c -> c[0] >= since && c[1] == state)
                        .mapToLong(c -> ms(c[0]) - ms(since)).min().orElse(-1));
            }
            return result;
        }
    }

    // ---- small things ----

    private static final class Outcome {
        long sentAt;
        long doneAt;
        int status;
        String etag;
        boolean problem;
        boolean stackTrace;
        String readingBatch;
        String checkIn;
        String target = "";
        /** what a client that got no HTTP answer saw: the exception's class and message */
        String clientError;

        /** the status, or the exception when no answer came */
        String answer() {
            return status == -1 ? "no answer: " + clientError : String.valueOf(status);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    static void figure(String name, Object value) {
        System.out.println("figure " + name + " " + value);
    }

    private long ms(long nanos) {
        return (nanos - t0) / 1_000_000;
    }

    private static long now() {
        return System.nanoTime();
    }

    private static void runCommand(String command) throws IOException, InterruptedException {
        int status = new ProcessBuilder("bash", "-c", command).inheritIO().start().waitFor();
        if (status != 0) {
            throw new IllegalStateException("'" + command + "' failed with status " + status);
        }
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
