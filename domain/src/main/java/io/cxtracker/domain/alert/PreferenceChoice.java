package io.cxtracker.domain.alert;

/** One choice as a form or API client sends it, unparsed: names are checked by {@link AlertPreferenceService}. */
public record PreferenceChoice(String kind, String channel, String frequency) {
}
