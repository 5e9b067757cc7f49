package io.cxtracker.ui.alert;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.cxtracker.domain.alert.AlertChannel;
import io.cxtracker.domain.alert.AlertFrequency;
import io.cxtracker.domain.alert.AlertKind;
import io.cxtracker.domain.alert.AlertPreference;
import io.cxtracker.domain.alert.AlertPreferenceService;
import io.cxtracker.domain.alert.PreferenceChoice;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.ui.layout.MainLayout;
import io.cxtracker.ui.shared.Views;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The signed-in user's own choice of channel and frequency for each kind of alert. */
@Route(value = "alerts/preferences", layout = MainLayout.class)
@PageTitle("Alert preferences · CX Tracker")
public class AlertPreferencesView extends VerticalLayout {

    private final AlertPreferenceService preferences;
    private final Map<AlertKind, Select<AlertChannel>> channels = new EnumMap<>(AlertKind.class);
    private final Map<AlertKind, Select<AlertFrequency>> frequencies = new EnumMap<>(AlertKind.class);

    @Inject
    public AlertPreferencesView(AlertPreferenceService preferences) {
        this.preferences = preferences;
        setId("alert-preferences");
        add(new H1("Alert preferences"));
        add(new Paragraph("For each kind of alert: where you hear of it (in the app, also by e-mail, or not at all) and "
                + "how often. Off in either column silences the kind: it leaves your inbox and the bell's count."));
        add(new Paragraph("By e-mail, the frequency says when the mail comes: immediately, one mail per alert; daily, one "
                + "digest each morning with everything since the last; weekly, one digest on Monday mornings. The inbox "
                + "shows every alert as it comes either way."));
        Grid<AlertPreference> grid = new Grid<>();
        grid.setId("alert-preference-list");
        grid.addColumn(p -> p.kind().label()).setHeader("Kind").setFlexGrow(1);
        grid.addComponentColumn(p -> channels.computeIfAbsent(p.kind(), k -> select(AlertChannel.values(), p.channel(),
                "channel-" + k.name()))).setHeader("Channel").setAutoWidth(true);
        grid.addComponentColumn(p -> frequencies.computeIfAbsent(p.kind(), k -> select(AlertFrequency.values(),
                p.frequency(), "frequency-" + k.name()))).setHeader("Frequency").setAutoWidth(true);
        grid.setItems(preferences.mine());
        grid.setAllRowsVisible(true);
        Button save = new Button("Save", e -> save());
        save.setId("alert-preferences-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(grid, save);
    }

    private static <E extends Enum<E>> Select<E> select(E[] values, E value, String id) {
        Select<E> select = new Select<>();
        select.setItems(values);
        select.setItemLabelGenerator(v -> Views.statusText(v));
        select.setValue(value);
        select.setId(id);
        select.setAriaLabel(id.replace('-', ' '));
        return select;
    }

    private void save() {
        List<PreferenceChoice> choices = new ArrayList<>();
        for (AlertKind kind : AlertKind.values()) {
            Select<AlertChannel> channel = channels.get(kind);
            Select<AlertFrequency> frequency = frequencies.get(kind);
            if (channel != null && frequency != null) {
                choices.add(new PreferenceChoice(kind.name(), channel.getValue().name(), frequency.getValue().name()));
            }
        }
        try {
            preferences.update(choices);
            Views.success("Saved");
            MainLayout.refreshBell();
        } catch (InvalidInputException e) {
            Views.error(Views.violations(e.violations()));
        }
    }
}
