package org.khareetaty.map;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tiles from a configured XYZ tile server ({@code https://host/{z}/{x}/{y}.png}), kept in a disk cache
 * in the data folder so a region seen once stays available offline. When the server cannot be reached
 * the source says so once in the log and stays quiet (answering from the cache only) for a minute
 * before it tries again, so an offline workstation never fills its log.
 */
public final class RemoteTileSource implements TileSource {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteTileSource.class);
    static final Duration RETRY_AFTER = Duration.ofMinutes(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(6);

    private final String template;
    private final String attribution;
    private final TileFolder cache;
    private final HttpClient http;
    private final Clock clock;
    private final AtomicLong offlineUntilMillis = new AtomicLong();

    public RemoteTileSource(String template, String attribution, Path cacheRoot, Clock clock) {
        this.template = validate(template);
        this.attribution = attribution;
        this.cache = new TileFolder(cacheRoot.resolve("tiles").resolve(TileFolder.hash(template)), "img");
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Checks that a tile URL template is usable; the message says what is wrong. */
    public static String validate(String template) {
        String t = template == null ? "" : template.strip();
        if (!(t.startsWith("http://") || t.startsWith("https://"))) {
            throw new IllegalArgumentException("The tile server URL must start with http:// or https://, not '" + t + "'");
        }
        for (String placeholder : new String[] {"{z}", "{x}", "{y}"}) {
            if (!t.contains(placeholder)) {
                throw new IllegalArgumentException("The tile server URL '" + t + "' has no " + placeholder
                        + " (expected e.g. https://tiles.example.org/{z}/{x}/{y}.png)");
            }
        }
        return t;
    }

    Path cacheFile(int z, long x, long y) {
        return cache.file(z, x, y);
    }

    @Override
    public Optional<BufferedImage> tile(int z, long x, long y) {
        Optional<BufferedImage> cached = cache.read(z, x, y);
        if (cached.isPresent()) {
            return cached;
        }
        if (clock.millis() < offlineUntilMillis.get()) {
            return Optional.empty();
        }
        String url = template.replace("{z}", Integer.toString(z)).replace("{x}", Long.toString(x)).replace("{y}", Long.toString(y));
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("User-Agent", "Khareetaty-Workstation").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                LOG.debug("Tile server answered {} for {}", response.statusCode(), url);
                return Optional.empty();
            }
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
            if (image != null) {
                cache.store(z, x, y, response.body());
            }
            return Optional.ofNullable(image);
        } catch (IOException e) {
            if (offlineUntilMillis.getAndSet(clock.millis() + RETRY_AFTER.toMillis()) == 0) {
                LOG.info("The tile server {} cannot be reached ({}); using cached and locally drawn tiles", template, e.toString());
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public String attribution() {
        return attribution;
    }
}
