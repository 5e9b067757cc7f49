package io.cxtracker.domain.milestone;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A dated update of a milestone by a department lead: status, progress, comment, evidence. Append-only:
 * nothing about a check-in changes once it is made (the database refuses updates and deletes too).
 * Made by {@link Milestone#checkIn}.
 */
@Entity
@Table(name = "check_in")
public class CheckIn {
    public static final int COMMENT_MAX_LENGTH = 4000;
    public static final int AUTHOR_MAX_LENGTH = 120;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "milestone_id", nullable = false, updatable = false)
    private Milestone milestone;

    /** 1 for the milestone's first check-in; unique per milestone. */
    @Column(name = "sequence", nullable = false, updatable = false)
    private int sequence;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, updatable = false, length = 20)
    private CheckInStatus status;

    @Column(name = "progress", nullable = false, updatable = false)
    private int progress;

    @Column(name = "comment", updatable = false, length = COMMENT_MAX_LENGTH)
    private String comment;

    @ElementCollection
    @CollectionTable(name = "check_in_evidence", joinColumns = @JoinColumn(name = "check_in_id"))
    @OrderColumn(name = "position")
    @Column(name = "url", nullable = false, length = EvidenceLink.MAX_LENGTH)
    private List<String> evidence = new ArrayList<>();

    @Column(name = "author", nullable = false, updatable = false, length = AUTHOR_MAX_LENGTH)
    private String author;

    @Column(name = "checked_in_at", nullable = false, updatable = false)
    private Instant at;

    protected CheckIn() {
        // for JPA
    }

    CheckIn(Milestone milestone, int sequence, CheckInStatus status, int progress, String comment, List<String> evidence,
            String author, Instant at) {
        this.milestone = milestone;
        this.sequence = sequence;
        this.status = status;
        this.progress = progress;
        this.comment = comment;
        this.evidence.addAll(evidence);
        this.author = author;
        this.at = at;
    }

    public Long id() {
        return id;
    }

    public Milestone milestone() {
        return milestone;
    }

    public int sequence() {
        return sequence;
    }

    public CheckInStatus status() {
        return status;
    }

    public int progress() {
        return progress;
    }

    /** Null when the lead wrote none. */
    public String comment() {
        return comment;
    }

    public List<String> evidence() {
        return List.copyOf(evidence);
    }

    /** The user who checked in, as named by the identity provider. */
    public String author() {
        return author;
    }

    public Instant at() {
        return at;
    }
}
