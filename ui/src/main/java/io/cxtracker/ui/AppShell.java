package io.cxtracker.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;

@StyleSheet(Lumo.STYLESHEET)
@PWA(name = "CX Tracker", shortName = "CX Tracker", offlineResources = {})
public class AppShell implements AppShellConfigurator {
}
