package io.cxtracker.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * A real SMTP server for the whole test run, in the test JVM: GreenMail on a free loopback port, no authentication,
 * every recipient accepted. The port is published as {@value #PORT} for arquillian.xml, which points the server under
 * test's mail session at it ({@code cx.smtp.port}); tests read what arrived with {@link #received}. Stopped when the
 * run ends.
 */
public class ThrowawayMail implements LauncherSessionListener {
    public static final String PORT = "cx.it.smtp.port";

    private static volatile GreenMail server;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (server != null) {
            return;
        }
        int port = freePort();
        GreenMail started = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        started.start();
        server = started;
        System.setProperty(PORT, Integer.toString(port));
        System.out.println("[it] GreenMail SMTP on 127.0.0.1:" + port);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        GreenMail running = server;
        if (running != null) {
            running.stop();
            server = null;
        }
    }

    /** Every mail the server accepted so far, in the order they arrived. */
    public static List<MimeMessage> received() {
        GreenMail running = server;
        if (running == null) {
            throw new IllegalStateException("the tests' mail server is not running (ThrowawayMail)");
        }
        return List.of(running.getReceivedMessages());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
