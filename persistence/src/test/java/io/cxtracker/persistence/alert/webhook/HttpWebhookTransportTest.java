package io.cxtracker.persistence.alert.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** Which receivers' addresses count as the server's own network (refused outside local mode). */
class HttpWebhookTransportTest {

    private static boolean privateAddress(String literal) throws UnknownHostException {
        return HttpWebhookTransport.isPrivate(InetAddress.getByName(literal));
    }

    @Test
    void loopbackPrivateLinkLocalAndUniqueLocalAddressesAreTheServersOwnNetwork() throws UnknownHostException {
        for (String literal : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "0.0.0.0", "::1", "fe80::1", "fd12:3456::1"}) {
            assertEquals(true, privateAddress(literal), literal);
        }
    }

    @Test
    void publicAddressesAreNot() throws UnknownHostException {
        for (String literal : new String[] {"8.8.8.8", "52.1.2.3", "172.32.0.1", "2a00:1450:4001::1"}) {
            assertEquals(false, privateAddress(literal), literal);
        }
    }
}
