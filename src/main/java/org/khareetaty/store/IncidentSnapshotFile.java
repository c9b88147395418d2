package org.khareetaty.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@link IncidentSnapshot} as one binary file in the data folder's cache, so that a restart reads 1.5 million
 * incidents in a fraction of a second instead of scanning the database again (ADR 0005). The file carries the
 * fingerprint of the data it was made from; a file with another fingerprint, another format or a damaged body is
 * ignored (and rewritten after the next load), never trusted.
 */
final class IncidentSnapshotFile {

    private static final long MAGIC = 0x4b48_534e_4150_0001L;   // "KHSNAP" + format 1
    private static final int CHUNK = 1 << 20;

    private IncidentSnapshotFile() {
    }

    /** The snapshot stored in {@code file} when it was made from data with this fingerprint. */
    static Optional<IncidentSnapshot> read(Path file, String fingerprint, long version) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            // Read, not mapped: a mapped file stays locked on Windows until garbage collection, and the cache must be
            // replaceable at any time.
            ByteBuffer in = ByteBuffer.allocate(Math.toIntExact(channel.size())).order(ByteOrder.LITTLE_ENDIAN);
            while (in.hasRemaining() && channel.read(in) >= 0) {
                // keep reading
            }
            in.flip();
            if (in.getLong() != MAGIC || !fingerprint.equals(string(in))) {
                return Optional.empty();
            }
            int size = in.getInt();
            int categoryCount = in.getInt();
            List<String> categories = new ArrayList<>(categoryCount);
            for (int c = 0; c < categoryCount; c++) {
                categories.add(string(in));
            }
            long[] idHigh = new long[size];
            long[] idLow = new long[size];
            long[] occurred = new long[size];
            int[] day = new int[size];
            byte[] hour = new byte[size];
            byte[] dow = new byte[size];
            short[] category = new short[size];
            double[] lon = new double[size];
            double[] lat = new double[size];
            in.asLongBuffer().get(idHigh);
            in.position(in.position() + size * 8);
            in.asLongBuffer().get(idLow);
            in.position(in.position() + size * 8);
            in.asLongBuffer().get(occurred);
            in.position(in.position() + size * 8);
            in.asIntBuffer().get(day);
            in.position(in.position() + size * 4);
            in.get(hour);
            in.get(dow);
            in.asShortBuffer().get(category);
            in.position(in.position() + size * 2);
            in.asDoubleBuffer().get(lon);
            in.position(in.position() + size * 8);
            in.asDoubleBuffer().get(lat);
            in.position(in.position() + size * 8);
            int kinds = in.getInt();
            Map<String, IncidentSnapshot.AreaColumn> columns = new LinkedHashMap<>();
            for (int k = 0; k < kinds; k++) {
                String kind = string(in);
                int areaCount = in.getInt();
                List<UUID> ids = new ArrayList<>(areaCount);
                List<String> names = new ArrayList<>(areaCount);
                for (int a = 0; a < areaCount; a++) {
                    ids.add(new UUID(in.getLong(), in.getLong()));
                    names.add(string(in));
                }
                int[] areaOfIncident = new int[size];
                in.asIntBuffer().get(areaOfIncident);
                in.position(in.position() + size * 4);
                columns.put(kind, new IncidentSnapshot.AreaColumn(kind, ids, names, areaOfIncident));
            }
            if (in.getLong() != MAGIC) {
                return Optional.empty();   // cut short or overwritten
            }
            return Optional.of(new IncidentSnapshot(version, size, idHigh, idLow, occurred, day, hour, dow, category,
                    categories, lon, lat, columns));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();   // unreadable or damaged: the caller loads from the database
        }
    }

    /** Writes the snapshot atomically: a reader sees the old file or the whole new one. */
    static void write(Path file, String fingerprint, IncidentSnapshot snapshot) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        int size = snapshot.size;
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            Writer out = new Writer(channel);
            out.putLong(MAGIC);
            out.putString(fingerprint);
            out.putInt(size);
            out.putInt(snapshot.categories.size());
            for (String category : snapshot.categories) {
                out.putString(category);
            }
            for (long[] column : new long[][] {snapshot.idHigh, snapshot.idLow, snapshot.occurredEpochSecond}) {
                for (int i = 0; i < size; i++) {
                    out.putLong(column[i]);
                }
            }
            for (int i = 0; i < size; i++) {
                out.putInt(snapshot.localEpochDay[i]);
            }
            out.putBytes(snapshot.localHour, size);
            out.putBytes(snapshot.localDow, size);
            for (int i = 0; i < size; i++) {
                out.putShort(snapshot.category[i]);
            }
            for (double[] column : new double[][] {snapshot.lon, snapshot.lat}) {
                for (int i = 0; i < size; i++) {
                    out.putDouble(column[i]);
                }
            }
            out.putInt(snapshot.areaColumns.size());
            for (IncidentSnapshot.AreaColumn column : snapshot.areaColumns.values()) {
                out.putString(column.kind);
                out.putInt(column.areaIds.size());
                for (int a = 0; a < column.areaIds.size(); a++) {
                    out.putLong(column.areaIds.get(a).getMostSignificantBits());
                    out.putLong(column.areaIds.get(a).getLeastSignificantBits());
                    out.putString(column.areaNames.get(a));
                }
                for (int i = 0; i < size; i++) {
                    out.putInt(column.areaOfIncident[i]);
                }
            }
            out.putLong(MAGIC);
            out.flush();
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String string(ByteBuffer in) {
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A little-endian buffered writer over a channel. */
    private static final class Writer {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);

        Writer(FileChannel channel) {
            this.channel = channel;
        }

        private void room(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                flush();
            }
        }

        void putLong(long value) throws IOException {
            room(8);
            buffer.putLong(value);
        }

        void putDouble(double value) throws IOException {
            room(8);
            buffer.putDouble(value);
        }

        void putInt(int value) throws IOException {
            room(4);
            buffer.putInt(value);
        }

        void putShort(short value) throws IOException {
            room(2);
            buffer.putShort(value);
        }

        void putBytes(byte[] values, int length) throws IOException {
            for (int offset = 0; offset < length; ) {
                room(1);
                int n = Math.min(buffer.remaining(), length - offset);
                buffer.put(values, offset, n);
                offset += n;
            }
        }

        void putString(String value) throws IOException {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            putInt(bytes.length);
            putBytes(bytes, bytes.length);
        }

        void flush() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }
    }
}
