package io.cxtracker.domain.assessment;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The maturity assessments; persistence implements it. */
public interface AssessmentRepository {

    Optional<MaturityAssessment> findById(long id);

    /**
     * @throws io.cxtracker.domain.shared.AlreadyExistsException when the department was already assessed
     *         that day, also by a concurrent request
     */
    void add(MaturityAssessment assessment);

    /**
     * The history, newest first (for one department, or null for all). Sort properties: {@code assessedOn}
     * (the default, newest first), {@code level}, {@code meanScore}; unknown ones are refused.
     */
    Page<MaturityAssessment> page(Department department, PageRequest request);

    /** The level of each department's latest assessment on or before the day (one per assessed department). */
    List<MaturityLevel> latestLevels(LocalDate asOf);
}
