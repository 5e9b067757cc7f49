package io.cxtracker.domain.alert;

import java.util.List;

/** Each user's stored choices, by user name. */
public interface AlertPreferenceRepository {

    List<AlertPreference> of(String user);

    /** Replaces the user's choices for the kinds given; other kinds keep theirs. */
    void store(String user, List<AlertPreference> preferences);
}
