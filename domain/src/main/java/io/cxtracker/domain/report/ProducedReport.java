package io.cxtracker.domain.report;

/**
 * What a renderer produced.
 *
 * @param fileSha256 SHA-256 (lower-case hex) of every byte of the file, as served
 * @param embeddedSha256 the digest the file carries inside itself (what it covers depends on the format)
 * @param bytes the size of the file
 */
public record ProducedReport(String fileSha256, String embeddedSha256, long bytes) {
}
