package io.cxtracker.domain.milestone;

import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.Violations;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A link to evidence (a report, a dashboard, a document): an absolute http(s) URL. */
public record EvidenceLink(String url) {
    public static final int MAX_LENGTH = 2000;
    public static final int MAX_LINKS = 50;

    /** @throws InvalidInputException on field {@code url} */
    public EvidenceLink {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException("url", "must not be blank");
        }
        url = url.strip();
        if (url.length() > MAX_LENGTH) {
            throw new InvalidInputException("url", "must be at most " + MAX_LENGTH + " characters");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidInputException("url", "must be an absolute http or https URL");
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "is not a valid URL: " + e.getReason());
        }
    }

    /**
     * The links of a list, each checked; bad ones are reported as {@code field[i]}.
     *
     * @return the links, or an empty list when one was refused (see {@code violations})
     */
    static List<String> checked(String field, List<String> urls, Violations violations) {
        if (urls == null) {
            return List.of();
        }
        if (urls.size() > MAX_LINKS) {
            violations.add(field, "must hold at most " + MAX_LINKS + " links");
            return List.of();
        }
        List<String> links = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i);
            EvidenceLink link = violations.capture(field + "[" + i + "]", () -> new EvidenceLink(url));
            if (link != null && !links.contains(link.url())) {
                links.add(link.url());
            }
        }
        return links;
    }
}
