package org.khareetaty.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake Twilio Messages API on loopback, written on plain sockets so that it can do what a real network
 * does to us: answer 500 before or after accepting a message, 429, answer too late, or reset the connection
 * (TCP RST) after accepting. It keeps every message it accepted, so a test can count what really went out.
 */
final class FakeTwilioServer implements AutoCloseable {

    /** What the server does with one request. */
    enum Fault {
        NONE,
        /** 500 without creating the message. */
        ERROR_500_BEFORE,
        /** Creates the message, then answers 500: the client cannot know it went out. */
        ERROR_500_AFTER,
        /** 429 Too Many Requests (code 20429); nothing created. */
        RATE_LIMITED,
        /** Hangs past the client's timeout, then closes; nothing created. */
        TIMEOUT_BEFORE,
        /** Creates the message, then hangs past the client's timeout. */
        TIMEOUT_AFTER,
        /** Creates the message, then resets the connection (RST) without answering. */
        RESET_AFTER,
        /** Resets the connection without creating anything. */
        RESET_BEFORE
    }

    /** Decides the fault for a request; called concurrently. */
    interface FaultPlan {
        Fault next(String method, String to);
    }

    /** A message the server accepted. */
    record Accepted(String sid, String to, String from, String body, Instant created, String status, Integer errorCode) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter RFC2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);

    private final ServerSocket server;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fake-twilio");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Accepted> accepted = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Accepted> bySid = new ConcurrentHashMap<>();
    private final Map<String, Integer> permanentByNumber = new ConcurrentHashMap<>();
    private final Map<Fault, AtomicInteger> injected = Collections.synchronizedMap(new EnumMap<>(Fault.class));
    private final AtomicLong sids = new AtomicLong();
    private final AtomicInteger posts = new AtomicInteger();
    private final AtomicInteger gets = new AtomicInteger();
    private volatile FaultPlan plan = (method, to) -> Fault.NONE;
    private volatile long hangMillis = 2_000;
    private volatile String deliveryStatus = "delivered";
    private final Map<String, Integer> deliveryErrorByNumber = new ConcurrentHashMap<>();

    FakeTwilioServer() throws IOException {
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fake-twilio-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    void plan(FaultPlan newPlan) {
        plan = newPlan;
    }

    void hangMillis(long millis) {
        hangMillis = millis;
    }

    /** Every send to {@code number} fails with this Twilio error code (400). */
    void rejectNumber(String number, int code) {
        permanentByNumber.put(number, code);
    }

    /** Messages to {@code number} are accepted, then reported undelivered with {@code code} when fetched. */
    void failDelivery(String number, int code) {
        deliveryErrorByNumber.put(number, code);
    }

    List<Accepted> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    int posts() {
        return posts.get();
    }

    int gets() {
        return gets.get();
    }

    Map<Fault, Integer> injected() {
        Map<Fault, Integer> copy = new EnumMap<>(Fault.class);
        synchronized (injected) {
            injected.forEach((fault, count) -> copy.put(fault, count.get()));
        }
        return copy;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                workers.execute(() -> handle(socket));
            } catch (IOException e) {
                return;  // closed
            }
        }
    }

    private void handle(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String requestLine = readLine(in);
            if (requestLine == null || requestLine.isBlank()) {
                return;
            }
            Map<String, String> headers = new HashMap<>();
            String line;
            while ((line = readLine(in)) != null && !line.isEmpty()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = in.readNBytes(length);
            String[] parts = requestLine.split(" ");
            String method = parts[0];
            URI uri = URI.create(parts[1]);
            Map<String, String> query = form(uri.getRawQuery());
            Map<String, String> params = form(new String(body, StandardCharsets.UTF_8));
            if ("POST".equals(method)) {
                posts.incrementAndGet();
                create(socket, params);
            } else {
                gets.incrementAndGet();
                read(socket, uri.getPath(), query);
            }
        } catch (IOException e) {
            // the client went away; nothing to do
        }
    }

    private void create(Socket socket, Map<String, String> params) throws IOException {
        String to = params.get("To");
        Integer permanent = permanentByNumber.get(to);
        if (permanent != null) {
            respond(socket, 400, error(400, permanent, "Permanent error " + permanent));
            return;
        }
        Fault fault = plan.next("POST", to);
        count(fault);
        switch (fault) {
            case ERROR_500_BEFORE -> respond(socket, 500, error(500, 20500, "Internal Server Error"));
            case RATE_LIMITED -> respond(socket, 429, error(429, 20429, "Too Many Requests"));
            case TIMEOUT_BEFORE -> sleep(hangMillis);
            case RESET_BEFORE -> reset(socket);
            case ERROR_500_AFTER -> {
                store(params);
                respond(socket, 500, error(500, 20500, "Internal Server Error"));
            }
            case TIMEOUT_AFTER -> {
                Accepted message = store(params);
                sleep(hangMillis);
                respond(socket, 201, message(message));
            }
            case RESET_AFTER -> {
                store(params);
                reset(socket);
            }
            case NONE -> respond(socket, 201, message(store(params)));
            default -> throw new IllegalStateException("Unhandled fault " + fault);
        }
    }

    private void read(Socket socket, String path, Map<String, String> query) throws IOException {
        Fault fault = plan.next("GET", query.get("To"));
        if (fault == Fault.ERROR_500_BEFORE || fault == Fault.ERROR_500_AFTER) {
            count(fault);
            respond(socket, 500, error(500, 20500, "Internal Server Error"));
            return;
        }
        if (fault == Fault.RESET_BEFORE || fault == Fault.RESET_AFTER) {
            count(fault);
            reset(socket);
            return;
        }
        if (path.endsWith("/Messages.json")) {
            String to = query.get("To");
            int pageSize = Integer.parseInt(query.getOrDefault("PageSize", "50"));
            int page = Integer.parseInt(query.getOrDefault("Page", "0"));
            List<Accepted> matching = new ArrayList<>();
            synchronized (accepted) {
                for (int i = accepted.size() - 1; i >= 0; i--) {  // newest first, as Twilio lists
                    Accepted message = accepted.get(i);
                    if (to == null || to.equals(message.to())) {
                        matching.add(message);
                    }
                }
            }
            int from = Math.min(matching.size(), page * pageSize);
            int until = Math.min(matching.size(), from + pageSize);
            ObjectNode root = JSON.createObjectNode();
            ArrayNode list = root.putArray("messages");
            for (Accepted message : matching.subList(from, until)) {
                list.add(JSON.readTree(message(message)));
            }
            String base = path + "?To=" + encode(to) + "&PageSize=" + pageSize;
            root.put("uri", base + "&Page=" + page);
            root.put("first_page_uri", base + "&Page=0");
            root.put("page", page);
            root.put("page_size", pageSize);
            root.put("start", from);
            root.put("end", until);
            if (until < matching.size()) {
                root.put("next_page_uri", base + "&Page=" + (page + 1));
            } else {
                root.putNull("next_page_uri");
            }
            root.putNull("previous_page_uri");
            respond(socket, 200, JSON.writeValueAsString(root));
            return;
        }
        String sid = path.substring(path.lastIndexOf('/') + 1).replace(".json", "");
        Accepted message = bySid.get(sid);
        if (message == null) {
            respond(socket, 404, error(404, 20404, "Not found"));
            return;
        }
        Integer deliveryError = deliveryErrorByNumber.get(message.to());
        Accepted delivered = new Accepted(message.sid(), message.to(), message.from(), message.body(), message.created(),
                deliveryError == null ? deliveryStatus : "undelivered", deliveryError);
        respond(socket, 200, message(delivered));
    }

    private Accepted store(Map<String, String> params) {
        String sid = String.format("SM%032x", sids.incrementAndGet());
        Accepted message = new Accepted(sid, params.get("To"), params.get("From"), params.get("Body"), Instant.now(),
                "queued", null);
        bySid.put(sid, message);
        accepted.add(message);
        return message;
    }

    private void count(Fault fault) {
        if (fault != Fault.NONE) {
            injected.computeIfAbsent(fault, f -> new AtomicInteger()).incrementAndGet();
        }
    }

    private static String message(Accepted message) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("sid", message.sid());
        node.put("account_sid", "ACtest");
        node.put("to", message.to());
        node.put("from", message.from());
        node.put("body", message.body());
        node.put("status", message.status());
        node.put("direction", "outbound-api");
        node.put("num_segments", "1");
        node.put("api_version", "2010-04-01");
        node.put("date_created", RFC2822.format(message.created().atOffset(ZoneOffset.UTC)));
        node.put("date_updated", RFC2822.format(message.created().atOffset(ZoneOffset.UTC)));
        node.putNull("date_sent");
        if (message.errorCode() == null) {
            node.putNull("error_code");
            node.putNull("error_message");
        } else {
            node.put("error_code", message.errorCode());
            node.put("error_message", "Delivery failed");
        }
        node.put("uri", "/2010-04-01/Accounts/ACtest/Messages/" + message.sid() + ".json");
        return JSON.writeValueAsString(node);
    }

    private static String error(int status, int code, String text) {
        return "{\"code\": " + code + ", \"message\": \"" + text + "\", \"more_info\": \"https://www.twilio.com/docs/errors/"
                + code + "\", \"status\": " + status + "}";
    }

    private static void respond(Socket socket, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    /** Closes with SO_LINGER 0: the client sees a TCP reset, not an orderly end. */
    private static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return c == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(key, value);
        }
        return values;
    }

    private static String encode(String value) {
        return value == null ? "" : java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        server.close();
        workers.shutdownNow();
    }
}
