package io.cxtracker.devtools;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The alert proofs of {@code bench/faults.sh} (issue 14), run against the two nodes of {@code ./cx cluster}:
 * <ul>
 * <li><b>alerts</b>: a program with milestones due in three days and a webhook for its due-soon alerts; both nodes
 *     are asked to evaluate the rules at the same instant, round after round, while both nodes' schedules run them
 *     too. Claim: each alert is stored once, written one delivery, and the receiver gets each delivery once, signed
 *     with the webhook's secret — whichever node evaluated or sent.</li>
 * <li><b>alertkill</b>: the same set-up; the receiver, at the first delivery it gets, finds the JVM that sent it
 *     (the socket's owner, by {@code ss}) and kills it with {@code kill -9} before answering: the delivery was
 *     received, its sender died between sending and marking it sent. Claim: once the claim's lease runs out the
 *     other node (or the node restarted) sends it again with the same {@code X-CX-Delivery} and the same signed
 *     bytes, every other delivery arrives once, and all end DELIVERED: at most one duplicate, with the same id.</li>
 * <li><b>alerts</b> also mails them: support's lead chooses e-mail, at once, for due-soon alerts; the mail server
 *     (the cluster's GreenMail) gets one mail per alert, each with its own Message-ID.</li>
 * <li><b>mailkill</b>: marketing's lead chooses e-mail for due-soon alerts, and the nodes run with the local-only fault
 *     hook {@code cx.mail.hold-after-send} for that address: after the mail server accepted a mail the sender waits
 *     before marking it sent and logs so. The proof kills that node ({@code kill -9}) in the wait. Claim: the mail is
 *     sent again, with the same Message-ID, after the claim runs out; every other mail once; all end SENT.</li>
 * </ul>
 * The receiver is a plain HTTP server on loopback (local mode lets a webhook point there). Settings: those of
 * {@link FaultLoad}, plus {@code node.pids} ({@code node1:PID,node2:PID}, to name the node a pid belongs to),
 * {@code node.logs} ({@code node1:FILE,node2:FILE}, where mailkill looks for the hold) and {@code mail.api} (GreenMail's
 * API, e.g. {@code http://127.0.0.1:8025}).
 */
final class AlertProof {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STORED = Pattern.compile("\"stored\"\\s*:\\s*(\\d+)");
    private static final Pattern PID = Pattern.compile("pid=(\\d+)");
    private static final String OF_PROGRAM = " join milestone m on a.subject_type = 'milestone' and a.subject_id = m.id"
            + " join initiative i on i.id = m.initiative_id where a.kind = 'DUE_SOON' and i.program_id = ";

    private static final Pattern MAIL = Pattern.compile("\"Message-ID\"\\s*:\\s*\"([^\"]*)\"\\s*,\\s*\"subject\"\\s*:\\s*\"([^\"]*)\"");
    private static final String HOLD_LINE = "mail sent, holding before mark: ";

    private final FaultLoad load;
    private final Map<Long, String> nodeOfPid = new HashMap<>();
    private final Map<String, String> logOfNode = new HashMap<>();
    private final String mailApi = System.getProperty("mail.api", "http://127.0.0.1:8025");
    private String admin;

    AlertProof(FaultLoad load) {
        this.load = load;
        for (String pair : System.getProperty("node.pids", "").split(",")) {
            String[] parts = pair.split(":");
            if (parts.length == 2 && !parts[1].isBlank()) {
                nodeOfPid.put(Long.parseLong(parts[1].strip()), parts[0].strip());
            }
        }
        for (String pair : System.getProperty("node.logs", "").split(",")) {
            String[] parts = pair.split(":", 2);
            if (parts.length == 2) {
                logOfNode.put(parts[0].strip(), parts[1].strip());
            }
        }
    }

    // ---- alerts: two nodes evaluate the same rules, each alert goes out once ----

    void once(int milestones, int rounds) throws Exception {
        Setup setup = setUp(milestones, false);
        try (Receiver receiver = setup.receiver) {
            Map<String, List<Integer>> storedBy = new LinkedHashMap<>();
            List<String> refused = Collections.synchronizedList(new ArrayList<>());
            for (int round = 0; round < rounds; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Thread> askers = new ArrayList<>();
                for (int n = 0; n < load.nodes.size(); n++) {
                    String node = "node" + (n + 1);
                    String base = load.nodes.get(n);
                    List<Integer> stored = storedBy.computeIfAbsent(node, k -> Collections.synchronizedList(new ArrayList<>()));
                    askers.add(Thread.ofPlatform().start(() -> {
                        try {
                            start.await();
                            HttpResponse<String> answer = post(base + "/api/alerts/evaluations", null);
                            Matcher m = STORED.matcher(answer.body());
                            if (answer.statusCode() == 200 && m.find()) {
                                stored.add(Integer.parseInt(m.group(1)));
                            } else {
                                refused.add(node + ": " + answer.statusCode() + " " + answer.body());
                            }
                        } catch (Exception e) {
                            refused.add(node + ": " + e);
                        }
                    }));
                }
                start.countDown();
                for (Thread asker : askers) {
                    asker.join();
                }
            }
            long alerts = alertsOf(setup);
            long alerted = alertedOf(setup);
            long deliveries = load.longQuery("select count(*) from webhook_delivery where webhook_id = " + setup.webhook);
            boolean settled = awaitDelivered(setup, 120);
            boolean mailed = awaitMailsSent(setup, alerted, 120);
            FaultLoad.pause(5_000); // a late duplicate would arrive within a turn or two of the senders (PT2S)
            Tally tally = receiver.tally();
            Map<String, Integer> mails = mailsOf(setup);
            long mailedTwice = mails.values().stream().filter(n -> n > 1).count();

            FaultLoad.figure("alerts.milestones_due_soon", milestones);
            storedBy.forEach((node, stored) -> FaultLoad.figure("alerts.evaluations_asked_of_" + node,
                    stored.size() + " answered 200, new alerts stored by each: " + stored));
            long storedByRequests = storedBy.values().stream().flatMap(List::stream).mapToLong(Integer::longValue).sum();
            FaultLoad.figure("alerts.alerts_stored", alerts + " for " + alerted + " milestones (new ones stored by the "
                    + "evaluations asked here: " + storedByRequests + "; the rest by the nodes' schedules)");
            FaultLoad.figure("alerts.deliveries_written", deliveries);
            FaultLoad.figure("alerts.requests_received", tally.requests);
            FaultLoad.figure("alerts.distinct_delivery_ids", tally.distinct);
            FaultLoad.figure("alerts.duplicates", tally.requests - tally.distinct);
            FaultLoad.figure("alerts.bad_signatures", tally.badSignatures);
            FaultLoad.figure("alerts.sent_by", tally.bySender);
            FaultLoad.figure("alerts.all_delivered", settled);
            FaultLoad.figure("alerts.mails_received", mails.values().stream().mapToInt(Integer::intValue).sum() + " to "
                    + setup.address + ", " + mails.size() + " Message-IDs, " + mailedTwice + " received more than once");
            FaultLoad.figure("alerts.mails_all_sent", mailed);
            if (!refused.isEmpty()) {
                load.failures.add("evaluations not answered 200: " + refused);
            }
            if (alerted != milestones) {
                load.failures.add(alerted + " milestones alerted due soon of " + milestones);
            }
            if (deliveries != alerted) {
                load.failures.add(deliveries + " deliveries written for " + alerted + " alerted milestones (one each expected)");
            }
            if (tally.requests != tally.distinct || tally.distinct != alerted) {
                load.failures.add("the receiver got " + tally.requests + " requests, " + tally.distinct
                        + " distinct deliveries, for " + alerted + " alerted milestones (each once expected)");
            }
            if (tally.badSignatures > 0) {
                load.failures.add(tally.badSignatures + " requests carried a wrong signature");
            }
            if (!settled) {
                load.failures.add("not every delivery was DELIVERED within 120 s");
            }
            if (mails.size() != alerted || mailedTwice > 0) {
                load.failures.add("the mail server holds " + mails + " for " + alerted + " alerts (one mail each expected)");
            }
            if (!mailed) {
                load.failures.add("not every mail was SENT within 120 s");
            }
            removeWebhook(setup.webhook);
        }
    }

    // ---- mailkill: the sender of a mail dies after the mail server accepted it, before marking it sent ----

    void mailKill(int milestones) throws Exception {
        Setup setup = setUp(milestones, false, "marketing", "mailkill");
        try (Receiver ignored = setup.receiver) {
                        HttpResponse<String> evaluated = post(load.lb + "/api/alerts/evaluations", null);
            if (evaluated.statusCode() != 200) {
                load.failures.add("the evaluation was answered " + evaluated.statusCode() + " " + evaluated.body());
                return;
            }
            long alerts = alertedOf(setup);
            String[] held = awaitHold(120);
            if (held == null) {
                load.failures.add("no node logged a held mail to " + setup.address + " within 120 s");
                return;
            }
            String node = held[0];
            String messageId = held[1];
            long pid = nodeOfPid.entrySet().stream().filter(e -> e.getValue().equals(node)).mapToLong(Map.Entry::getKey)
                    .findFirst().orElse(-1);
            long killedAt = System.nanoTime();
            new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor();
            boolean mailed = awaitMailsSent(setup, alerts, 300);
            long settledAfter = (System.nanoTime() - killedAt) / 1_000_000;
            FaultLoad.pause(5_000);
            Map<String, Integer> mails = mailsOf(setup);
            long twice = mails.values().stream().filter(n -> n == 2).count();
            long more = mails.values().stream().filter(n -> n > 2).count();
            String state = load.stringQuery("select string_agg(distinct state || ' ' || attempts, ', ') from mail_delivery"
                    + " where message_id = '" + messageId.replace("'", "''") + "'");

            FaultLoad.figure("mailkill.milestones_alerted", alerts + " of " + milestones);
            FaultLoad.figure("mailkill.killed", node + " (pid " + pid + ") while it held " + messageId
                    + " after the mail server accepted it");
            FaultLoad.figure("mailkill.mails_received", mails.values().stream().mapToInt(Integer::intValue).sum() + " to "
                    + setup.address + ", " + mails.size() + " Message-IDs");
            FaultLoad.figure("mailkill.held_mail_received", mails.getOrDefault(messageId, 0) + " times with its Message-ID");
            FaultLoad.figure("mailkill.received_twice", twice);
            FaultLoad.figure("mailkill.received_more_than_twice", more);
            FaultLoad.figure("mailkill.held_mail_state", state + " (state, attempts)");
            FaultLoad.figure("mailkill.all_sent", mailed + " (" + settledAfter + " ms after the kill)");
            if (more > 0 || twice > 1 || (twice == 1 && mails.getOrDefault(messageId, 0) != 2)) {
                load.failures.add("duplicates beyond the held mail: " + mails);
            }
            if (mails.size() != alerts) {
                load.failures.add(mails.size() + " Message-IDs received for " + alerts + " alerts");
            }
            if (!mailed) {
                load.failures.add("not every mail was SENT within 300 s of the kill");
            }
        }
    }

    /** The node and Message-ID of the first hold the nodes log from now on. */
    private String[] awaitHold(int seconds) throws IOException {
        Map<String, Long> from = new HashMap<>();
        logOfNode.forEach((node, file) -> from.put(node, new java.io.File(file).length()));
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (Map.Entry<String, String> log : logOfNode.entrySet()) {
                try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.getValue(), "r")) {
                    file.seek(Math.min(from.get(log.getKey()), file.length()));
                    byte[] tail = new byte[(int) (file.length() - file.getFilePointer())];
                    file.readFully(tail);
                    String text = new String(tail, StandardCharsets.UTF_8);
                    int at = text.indexOf(HOLD_LINE);
                    if (at >= 0) {
                        String rest = text.substring(at + HOLD_LINE.length());
                        return new String[] {log.getKey(), rest.substring(0, rest.indexOf('>') + 1).strip()};
                    }
                }
            }
            FaultLoad.pause(100);
        }
        return null;
    }

    private boolean awaitMailsSent(Setup setup, long expected, int seconds) throws SQLException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        String counts = "select count(*) filter (where d.state = 'SENT') || ' ' || count(*) from mail_delivery d"
                + " join alert a on a.id = d.alert_id" + OF_PROGRAM + setup.program;
        while (System.nanoTime() < deadline) {
            String[] sentOfAll = load.stringQuery(counts).split(" ");
            if (Long.parseLong(sentOfAll[1]) >= expected && sentOfAll[0].equals(sentOfAll[1])) {
                return true;
            }
            FaultLoad.pause(500);
        }
        return false;
    }

    /** Message-ID → how many mails of the set-up's milestones the mail server holds for the lead. */
    private Map<String, Integer> mailsOf(Setup setup) throws IOException, InterruptedException {
        HttpResponse<String> inbox = load.send(HttpRequest.newBuilder(URI.create(mailApi + "/api/user/" + setup.address
                + "/messages/")).GET());
        Map<String, Integer> counts = new TreeMap<>();
        Matcher m = MAIL.matcher(inbox.statusCode() == 200 ? inbox.body() : "");
        while (m.find()) {
            if (m.group(2).contains(setup.titles)) {
                counts.merge(m.group(1), 1, Integer::sum);
            }
        }
        return counts;
    }

    // ---- alertkill: the sender dies between sending and marking ----

    void killBetweenSendAndMark(int milestones) throws Exception {
        Setup setup = setUp(milestones, true);
        try (Receiver receiver = setup.receiver) {
            HttpResponse<String> evaluated = post(load.lb + "/api/alerts/evaluations", null);
            if (evaluated.statusCode() != 200) {
                load.failures.add("the evaluation was answered " + evaluated.statusCode() + " " + evaluated.body());
                return;
            }
            long alerts = alertedOf(setup);
            long started = System.nanoTime();
            while (receiver.killed.get() == null && System.nanoTime() - started < 60_000_000_000L) {
                FaultLoad.pause(100);
            }
            Killed killed = receiver.killed.get();
            if (killed == null) {
                load.failures.add("no delivery arrived within 60 s, nothing was killed");
                return;
            }
            boolean settled = awaitDelivered(setup, 300);
            FaultLoad.pause(5_000);
            Tally tally = receiver.tally();
            List<Got> ofKilled = receiver.of(killed.delivery);
            long resentAfter = ofKilled.size() > 1 ? (ofKilled.get(1).atNanos - killed.atNanos) / 1_000_000 : -1;
            String state = load.stringQuery("select state || ', attempts ' || attempts from webhook_delivery where delivery_key = '"
                    + killed.delivery + "'");

            FaultLoad.figure("alertkill.milestones_alerted", alerts + " of " + milestones);
            FaultLoad.figure("alertkill.killed", killed.node + " (pid " + killed.pid + ") on receiving delivery "
                    + killed.delivery + ", before answering");
            FaultLoad.figure("alertkill.requests_received", tally.requests);
            FaultLoad.figure("alertkill.distinct_delivery_ids", tally.distinct);
            FaultLoad.figure("alertkill.received_twice", tally.twice);
            FaultLoad.figure("alertkill.received_more_than_twice", tally.moreThanTwice);
            FaultLoad.figure("alertkill.killed_delivery_received", ofKilled.size() + " times, same bytes: "
                    + (ofKilled.size() > 1 && sameBytes(ofKilled)) + ", resent " + resentAfter + " ms after the kill by "
                    + (ofKilled.size() > 1 ? ofKilled.get(1).sender : "nobody"));
            FaultLoad.figure("alertkill.killed_delivery_state", state);
            FaultLoad.figure("alertkill.bad_signatures", tally.badSignatures);
            FaultLoad.figure("alertkill.sent_by", tally.bySender);
            FaultLoad.figure("alertkill.all_delivered", settled);
            if (tally.moreThanTwice > 0 || tally.twice > 1 || (tally.twice == 1 && ofKilled.size() != 2)) {
                load.failures.add("duplicates beyond the one in flight at the kill: " + tally.twice + " received twice, "
                        + tally.moreThanTwice + " more often; the killed one " + ofKilled.size() + " times");
            }
            if (ofKilled.size() == 2 && !sameBytes(ofKilled)) {
                load.failures.add("the resent delivery's bytes differ from the first send's");
            }
            if (tally.distinct != alerts) {
                load.failures.add("the receiver got " + tally.distinct + " distinct deliveries for " + alerts + " alerted milestones");
            }
            if (tally.badSignatures > 0) {
                load.failures.add(tally.badSignatures + " requests carried a wrong signature");
            }
            if (!settled) {
                load.failures.add("not every delivery was DELIVERED within 300 s of the kill");
            }
            removeWebhook(setup.webhook);
        }
    }

    // ---- set-up: a program, its milestones due soon, a webhook to the receiver ----

    /** @param titles what the set-up's milestone titles start with; @param address the lead's, who is mailed */
    private record Setup(long program, long webhook, Receiver receiver, String titles, String address) {
    }

    private Setup setUp(int milestones, boolean killFirstSender) throws Exception {
        return setUp(milestones, killFirstSender, "support", killFirstSender ? "kill" : "once");
    }

    private Setup setUp(int milestones, boolean killFirstSender, String department, String label) throws Exception {
        load.ensureClient();
        admin = load.token("grant_type=password&client_id=" + FaultLoad.CLIENT + "&username=admin&password=admin");
        // the department's lead hears of due-soon alerts by e-mail, at once
        String lead = load.token("grant_type=password&client_id=" + FaultLoad.CLIENT + "&username=lead-" + department
                + "&password=lead-" + department);
        HttpResponse<String> chosen = load.send(HttpRequest.newBuilder(URI.create(load.lb + "/api/alert-preferences"))
                .header("Authorization", "Bearer " + lead).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"preferences":[{"kind":"DUE_SOON","channel":"EMAIL","frequency":"IMMEDIATE"}]}""")));
        if (chosen.statusCode() != 200) {
            throw new IllegalStateException("lead-" + department + "'s preference was refused: " + chosen.statusCode() + " " + chosen.body());
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long program = created(post(load.lb + "/api/programs", """
                {"name":"Alert proof %s %s","startDate":"%s"}""".formatted(load.run, label,
                today.minusMonths(1).withDayOfMonth(1))));
        // the webhook first: it hears of alerts raised after it was registered, and a node's schedule may run any time
        Receiver receiver = new Receiver(killFirstSender);
        HttpResponse<String> hook = post(load.lb + "/api/webhooks", """
                {"programId":%d,"url":"%s","kinds":["DUE_SOON"]}""".formatted(program, receiver.url()));
        long webhook = created(hook);
        Matcher secret = SECRET.matcher(hook.body());
        if (!secret.find()) {
            receiver.close();
            throw new IllegalStateException("no secret in the registration's answer: " + hook.body());
        }
        receiver.secret = secret.group(1);
        long initiative = created(post(load.lb + "/api/initiatives", """
                {"programId":%d,"phaseNumber":1,"pillar":"MEASURE","title":"Alert proof %s","accountableDepartment":"%s"}"""
                .formatted(program, load.run, department)));
        for (int i = 0; i < milestones; i++) {
            created(post(load.lb + "/api/milestones", """
                    {"initiativeId":%d,"title":"Due soon %s-%s-%d","ownerDepartment":"%s","ownerPerson":"alice","due":"%s",
                     "evidence":["https://intranet.example.com/plan"]}""".formatted(initiative, load.run, label, i, department,
                    today.plusDays(3))));
        }
        return new Setup(program, webhook, receiver, "Due soon " + load.run + "-" + label + "-", "lead-" + department
                + "@cxtracker.example");
    }

    /** The due-soon alerts of the set-up's milestones: one per audience, so {@code count(*)} may exceed the milestones. */
    private long alertsOf(Setup setup) throws SQLException {
        return load.longQuery("select count(*) from alert a" + OF_PROGRAM + setup.program);
    }

    /** What a webhook hears of: one delivery per alerted thing and period, whatever the number of audiences. */
    private long alertedOf(Setup setup) throws SQLException {
        return load.longQuery("select count(distinct (a.kind, a.subject_id, a.period)) from alert a" + OF_PROGRAM + setup.program);
    }

    private boolean awaitDelivered(Setup setup, int seconds) throws SQLException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (load.longQuery("select count(*) from webhook_delivery where state <> 'DELIVERED' and webhook_id = "
                    + setup.webhook) == 0) {
                return true;
            }
            FaultLoad.pause(500);
        }
        return false;
    }

    private void removeWebhook(long webhook) throws Exception {
        HttpResponse<String> current = load.send(HttpRequest.newBuilder(URI.create(load.lb + "/api/webhooks/" + webhook))
                .header("Authorization", "Bearer " + admin).GET());
        String etag = current.headers().firstValue("ETag").orElse("\"0\"");
        load.send(HttpRequest.newBuilder(URI.create(load.lb + "/api/webhooks/" + webhook))
                .header("Authorization", "Bearer " + admin).header("If-Match", etag).DELETE());
    }

    private HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return load.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    private static long created(HttpResponse<String> answer) {
        Matcher id = ID.matcher(answer.body());
        if (answer.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("not created: " + answer.statusCode() + " " + answer.body());
        }
        return Long.parseLong(id.group(1));
    }

    private static boolean sameBytes(List<Got> got) {
        return got.stream().map(g -> HexFormat.of().formatHex(g.body)).distinct().count() == 1;
    }

    // ---- the receiver ----

    private record Got(String delivery, String signature, byte[] body, String sender, long atNanos) {
    }

    private record Killed(String delivery, long pid, String node, long atNanos) {
    }

    private record Tally(int requests, int distinct, int twice, int moreThanTwice, int badSignatures,
            Map<String, Integer> bySender) {
    }

    private final class Receiver implements AutoCloseable {
        private final HttpServer server;
        private final List<Got> got = Collections.synchronizedList(new ArrayList<>());
        private final Map<Integer, String> senderOfPort = new ConcurrentHashMap<>();
        private final AtomicBoolean armed;
        final AtomicReference<Killed> killed = new AtomicReference<>();
        volatile String secret;

        Receiver(boolean killFirstSender) throws IOException {
            armed = new AtomicBoolean(killFirstSender);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.createContext("/hook", this::handle);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        private void handle(HttpExchange exchange) throws IOException {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int port = exchange.getRemoteAddress().getPort();
            long pid = pidOnPort(port);
            String sender = senderOfPort.computeIfAbsent(port, p -> nodeOfPid.getOrDefault(pid, "pid " + pid));
            String delivery = exchange.getRequestHeaders().getFirst("X-CX-Delivery");
            got.add(new Got(delivery, exchange.getRequestHeaders().getFirst("X-CX-Signature"), body, sender, System.nanoTime()));
            if (armed.compareAndSet(true, false)) {
                // received, and its sender dies before it hears so: it cannot have marked the delivery sent
                try {
                    new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                killed.set(new Killed(delivery, pid, nodeOfPid.getOrDefault(pid, "?"), System.nanoTime()));
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        }

        /** The pid of the process whose socket has this local port on loopback: the node that sent the request. */
        private long pidOnPort(int port) {
            try {
                Process ss = new ProcessBuilder("ss", "-Htnp", "sport = :" + port).redirectErrorStream(true).start();
                String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                ss.waitFor();
                Matcher m = PID.matcher(out);
                return m.find() ? Long.parseLong(m.group(1)) : -1;
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        List<Got> of(String delivery) {
            synchronized (got) {
                return got.stream().filter(g -> delivery.equals(g.delivery)).toList();
            }
        }

        Tally tally() throws Exception {
            List<Got> all;
            synchronized (got) {
                all = List.copyOf(got);
            }
            Map<String, Integer> perDelivery = new HashMap<>();
            Map<String, Integer> bySender = new TreeMap<>();
            int bad = 0;
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (Got g : all) {
                perDelivery.merge(String.valueOf(g.delivery), 1, Integer::sum);
                bySender.merge(g.sender, 1, Integer::sum);
                if (!("sha256=" + HexFormat.of().formatHex(mac.doFinal(g.body))).equals(g.signature)) {
                    bad++;
                }
            }
            int twice = (int) perDelivery.values().stream().filter(n -> n == 2).count();
            int more = (int) perDelivery.values().stream().filter(n -> n > 2).count();
            return new Tally(all.size(), perDelivery.size(), twice, more, bad, bySender);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
