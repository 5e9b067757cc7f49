package io.cxtracker.persistence.alert.webhook;

import io.cxtracker.domain.alert.webhook.DeliveryOutcome;
import io.cxtracker.domain.alert.webhook.WebhookTransport;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Deliveries over the JDK's HTTP client, with a connect timeout ({@code cx.webhooks.connect-timeout}, default
 * PT5S) and a timeout for the whole answer ({@code cx.webhooks.read-timeout}, default PT10S), so a receiver that
 * hangs costs one attempt, not a thread. Redirects are not followed: a receiver that moved is a failed attempt an
 * admin sees in the log, and the signed body never goes to an address nobody registered.
 *
 * <p>Outside local mode a receiver on a loopback, private or link-local address is refused before anything is sent
 * ({@code cx.webhooks.allow-private-addresses}, default true only with {@code cx.mode=local}): a webhook must not
 * become a way to POST from the server into the network behind it (the management port, a cloud's metadata service).
 */
@ApplicationScoped
public class HttpWebhookTransport implements WebhookTransport {
    private final HttpClient client;
    private final Duration readTimeout;
    private final boolean allowPrivateAddresses;

    public HttpWebhookTransport() {
        var config = ConfigProvider.getConfig();
        Duration connect = config.getOptionalValue("cx.webhooks.connect-timeout", String.class).map(Duration::parse)
                .orElse(Duration.ofSeconds(5));
        this.readTimeout = config.getOptionalValue("cx.webhooks.read-timeout", String.class).map(Duration::parse)
                .orElse(Duration.ofSeconds(10));
        boolean local = config.getOptionalValue("cx.mode", String.class).orElse("production").equals("local");
        this.allowPrivateAddresses = config.getOptionalValue("cx.webhooks.allow-private-addresses", Boolean.class)
                .orElse(local);
        this.client = HttpClient.newBuilder().connectTimeout(connect).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public DeliveryOutcome post(URI url, Map<String, String> headers, byte[] body) {
        long started = System.nanoTime();
        try {
            if (!allowPrivateAddresses) {
                for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                    if (isPrivate(address)) {
                        return DeliveryOutcome.failed("refused: " + url.getHost() + " is a loopback, private or link-local "
                                + "address (cx.webhooks.allow-private-addresses=false)", since(started));
                    }
                }
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(readTimeout)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return DeliveryOutcome.answered(response.statusCode(), since(started));
        } catch (IOException | IllegalArgumentException e) {
            // the exception's class says what went wrong (refused, timed out, reset); its message rarely names more
            return DeliveryOutcome.failed(e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), since(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryOutcome.failed("interrupted (the server is stopping)", since(started));
        }
    }

    static boolean isPrivate(InetAddress address) {
        // fc00::/7, IPv6's private range, is not among InetAddress's own checks
        boolean uniqueLocal = address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal;
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
