package io.cxtracker.ui.shared;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Users see a short message with a reference; the stack trace goes to the server log under the same
 * reference, so support can find it.
 */
@ApplicationScoped
public class FriendlyErrorHandler implements ErrorHandler {
    private static final Logger LOG = Logger.getLogger(FriendlyErrorHandler.class.getName());

    void install(@Observes ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "UI error " + reference, event.getThrowable());
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> {
                Notification n = Notification.show("Something went wrong (reference " + reference + "). Please try again.",
                        6000, Notification.Position.TOP_CENTER);
                n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            });
        }
    }
}
