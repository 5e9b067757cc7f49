package io.cxtracker.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;

/**
 * The page every view is shown in. No {@code @PWA}: its service worker, registered on the first visit, fetched the
 * whole production bundle a second time to precache it (and the app's {@code /}) while the browser was still
 * evaluating the bundle and the server building the first view, on the same cores (first paint, issue 17). The app has
 * no offline use: every view needs the server.
 */
@StyleSheet(Lumo.STYLESHEET)
public class AppShell implements AppShellConfigurator {
}
