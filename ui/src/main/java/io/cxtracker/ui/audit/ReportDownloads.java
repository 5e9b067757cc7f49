package io.cxtracker.ui.audit;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.streams.DownloadEvent;
import io.cxtracker.domain.report.ReportFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.StringJoiner;
import java.util.logging.Logger;
import org.wildfly.security.http.oidc.OidcPrincipal;

/**
 * Streams the accountability report from the REST endpoint to the browser. The API accepts bearer tokens
 * only (no session cookie), and the report's renderers live in the api module, which the UI must not
 * touch; so the download asks the API on the server side, on behalf of the signed-in user, with that
 * user's own access token: the same authority checks, digests and audit records as any API export.
 */
@ApplicationScoped
public class ReportDownloads {
    private static final Logger LOG = Logger.getLogger(ReportDownloads.class.getName());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Download(InputStream body, String fileName) {
    }

    Download open(DownloadEvent event, ReportFormat format, String department, LocalDate from, LocalDate to) throws IOException {
        HttpServletRequest request = ((VaadinServletRequest) event.getRequest()).getHttpServletRequest();
        if (!(request.getUserPrincipal() instanceof OidcPrincipal<?> principal)) {
            throw new IOException("nobody is signed in");
        }
        String token = principal.getOidcSecurityContext().getTokenString();
        StringJoiner query = new StringJoiner("&", "?", "");
        query.add("format=" + format.extension());
        if (department != null) {
            query.add("department=" + URLEncoder.encode(department, StandardCharsets.UTF_8));
        }
        if (from != null) {
            query.add("from=" + from);
        }
        if (to != null) {
            query.add("to=" + to);
        }
        URI uri = URI.create("http://127.0.0.1:" + request.getLocalPort() + request.getContextPath()
                + "/api/reports/accountability" + query);
        HttpRequest call = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Accept", format.mediaType()).timeout(Duration.ofMinutes(5)).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(call, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                String problem = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
                LOG.warning("report export answered " + response.statusCode() + ": " + problem);
                throw new IOException("the report service answered " + response.statusCode());
            }
            String name = response.headers().firstValue("Content-Disposition")
                    .map(ReportDownloads::fileName).orElse("accountability-report." + format.extension());
            return new Download(response.body(), name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static String fileName(String disposition) {
        int at = disposition.indexOf("filename=");
        if (at < 0) {
            return null;
        }
        return disposition.substring(at + 9).replace("\"", "").split(";")[0].strip();
    }
}
