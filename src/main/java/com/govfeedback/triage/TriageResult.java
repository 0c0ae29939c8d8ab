package com.govfeedback.triage;

import java.util.List;

import com.govfeedback.sla.Colour;

/**
 * What triage decided for one feedback text: codes from the taxonomy, the masked text (the only
 * form that may be stored), confidences and the text fragments that weighed most.
 *
 * @param department lead department code; {@code copiedDepartments} are those of {@code alsoDomains}
 * @param sentiment negative, neutral or positive; {@code sentimentScore} in (-1, 1)
 * @param needsReview a confidence fell below the review threshold: route to the manual triage queue
 */
public record TriageResult(String maskedText, String type, Colour colour, String domain, List<String> alsoDomains,
        String department, List<String> copiedDepartments, List<String> tags, String sentiment, double sentimentScore,
        double typeConfidence, double domainConfidence, List<String> evidence, boolean needsReview) {

    /** The same decision with another text: a stored feedback keeps its masked text once, beside the decision. */
    public TriageResult withMaskedText(String text) {
        return new TriageResult(text, type, colour, domain, alsoDomains, department, copiedDepartments, tags, sentiment,
                sentimentScore, typeConfidence, domainConfidence, evidence, needsReview);
    }

    /** Whether the lead or a copied department is {@code departmentCode}. */
    public boolean involves(String departmentCode) {
        return departmentCode != null && (departmentCode.equals(department) || copiedDepartments.contains(departmentCode));
    }
}
