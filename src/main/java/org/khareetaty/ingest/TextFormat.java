package org.khareetaty.ingest;

import java.nio.charset.Charset;
import java.util.List;

/**
 * What sniffing found out about a delimited text file: compression, character set (and whether a BOM
 * must be skipped), delimiter and header columns.
 */
public record TextFormat(boolean gzip, Charset charset, boolean bom, char delimiter, List<String> header) {
}
