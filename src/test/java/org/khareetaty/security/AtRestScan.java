package org.khareetaty.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Byte-wise scans of folders for secrets and canaries (UTF-8, UTF-16LE/BE, inside .gz files and zip entries). */
final class AtRestScan {

    private AtRestScan() {
    }

    /** Every regular file under the folders (and what their .gz and zip wrappers hold), named relative to {@code root}. */
    static Map<String, byte[]> files(Path root, Path... folders) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Path scanned : folders) {
            try (Stream<Path> walk = Files.walk(scanned)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    collect(root.relativize(file).toString(), Files.readAllBytes(file), files);
                }
            }
        }
        return files;
    }

    /** The file's bytes, and (recursively) the contents of .gz files and zip entries, named file!entry. */
    private static void collect(String name, byte[] bytes, Map<String, byte[]> files) throws IOException {
        files.put(name, bytes);
        if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                collect(name + "!", in.readAllBytes(), files);
            }
        } else if (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K') {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    collect(name + "!" + entry.getName(), zip.readAllBytes(), files);
                }
            }
        }
    }

    static List<String> filesContaining(Map<String, byte[]> files, String text) {
        List<byte[]> needles = List.of(text.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_16LE),
                text.getBytes(StandardCharsets.UTF_16BE));
        List<String> found = new ArrayList<>();
        files.forEach((name, bytes) -> {
            if (needles.stream().anyMatch(needle -> indexOf(bytes, needle) >= 0)) {
                found.add(name);
            }
        });
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
