package io.cxtracker.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;
import java.util.Map;

@StyleSheet(Lumo.STYLESHEET)
@PWA(name = "CX Tracker", shortName = "CX Tracker", offlineResources = {})
public class AppShell implements AppShellConfigurator {

    /** The bundle's scripts start loading with the page, not after the server's first answer ({@link ScriptPreloads}). */
    @Override
    public void configurePage(AppShellSettings settings) {
        if (settings.getRequest() instanceof VaadinServletRequest request) {
            // absolute, as the bundle's imports resolve them: the page's base element may come after these links
            String build = request.getContextPath() + "/VAADIN/build/";
            for (String chunk : ScriptPreloads.of(request.getServletContext())) {
                settings.addLink(Inline.Position.PREPEND, build + chunk, Map.of("rel", "modulepreload", "crossorigin", ""));
            }
        }
    }
}
