package org.khareetaty.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy in front of the test server that misbehaves on purpose: while chaos is on it now and then
 * drops a connection (clean close), resets it (RST) or stalls it (stops forwarding for a few seconds).
 */
final class ChaosProxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChaosProxy.class);

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final Random random;
    private volatile boolean chaos;
    private volatile boolean closed;
    final AtomicInteger drops = new AtomicInteger();
    final AtomicInteger resets = new AtomicInteger();
    final AtomicInteger stalls = new AtomicInteger();

    ChaosProxy(int targetPort, long seed) throws IOException {
        this.targetPort = targetPort;
        this.random = new Random(seed);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "chaos-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        Thread monkey = new Thread(this::misbehave, "chaos-proxy-monkey");
        monkey.setDaemon(true);
        monkey.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    void chaos(boolean on) {
        chaos = on;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5000);
                Link link = new Link(client, server);
                links.add(link);
                link.start();
            } catch (IOException e) {
                if (!closed) {
                    LOG.debug("proxy accept failed", e);
                }
            }
        }
    }

    private void misbehave() {
        while (!closed) {
            try {
                Thread.sleep(600 + random.nextInt(1800));
            } catch (InterruptedException e) {
                return;
            }
            if (!chaos || links.isEmpty()) {
                continue;
            }
            Link victim = links.get(random.nextInt(links.size()));
            switch (random.nextInt(3)) {
                case 0 -> {
                    drops.incrementAndGet();
                    victim.close(false);
                }
                case 1 -> {
                    resets.incrementAndGet();
                    victim.close(true);
                }
                default -> {
                    stalls.incrementAndGet();
                    victim.stallUntil = System.currentTimeMillis() + 500 + random.nextInt(2500);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        links.forEach(link -> link.close(false));
    }

    /** One proxied connection: two pumps, one per direction. */
    private final class Link {
        final Socket client;
        final Socket server;
        volatile long stallUntil;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() {
            pump(client, server, "up");
            pump(server, client, "down");
        }

        private void pump(Socket from, Socket to, String direction) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[16384];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int read;
                    while ((read = in.read(buffer)) >= 0) {
                        while (System.currentTimeMillis() < stallUntil) {
                            Thread.sleep(20);
                        }
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // connection ended or was cut on purpose
                } finally {
                    close(false);
                }
            }, "chaos-proxy-" + direction);
            thread.setDaemon(true);
            thread.start();
        }

        void close(boolean reset) {
            links.remove(this);
            for (Socket socket : new Socket[] {client, server}) {
                try {
                    if (reset && !socket.isClosed()) {
                        socket.setSoLinger(true, 0);
                    }
                    socket.close();
                } catch (IOException e) {
                    // already gone
                }
            }
        }
    }
}
