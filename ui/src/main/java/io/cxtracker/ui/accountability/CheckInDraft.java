package io.cxtracker.ui.accountability;

import io.cxtracker.domain.milestone.CheckInStatus;

/** What the check-in form edits: a plain holder, never the milestone itself. */
public class CheckInDraft {
    private CheckInStatus status;
    private Integer progress = 0;
    private String comment = "";
    private String evidence = "";

    public CheckInStatus getStatus() {
        return status;
    }

    public void setStatus(CheckInStatus status) {
        this.status = status;
    }

    public Integer getProgress() {
        return progress;
    }

    public void setProgress(Integer progress) {
        this.progress = progress;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    /** Evidence links, one per line. */
    public String getEvidence() {
        return evidence;
    }

    public void setEvidence(String evidence) {
        this.evidence = evidence;
    }

    public java.util.List<String> evidenceLinks() {
        return evidence == null ? java.util.List.of()
                : evidence.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
