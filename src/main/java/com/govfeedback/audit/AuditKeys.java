package com.govfeedback.audit;

import java.time.Instant;
import java.time.LocalDate;

import com.govfeedback.sla.CityZone;
import com.govfeedback.storage.TableSchema;

/**
 * The keys of the audit items (docs/storage.md).
 *
 * <pre>
 * PK = AUDIT#{case id}       SK = SEQ#{seq, 10 digits}         one chain entry; the chain in order
 * GSI2PK = AUDITDAY#{day}    GSI2SK = {case id}#{seq}          ByQueue, under a partition no queue uses: the entries recorded that day
 * PK = AUDIT_ANCHOR          SK = {day}                        the anchor written for a day (the daily job's bookkeeping)
 * </pre>
 * Days are the city's calendar days ({@link CityZone}).
 */
final class AuditKeys {
    static final String ENTITY = "AUDIT";
    static final String ANCHOR_PARTITION = "AUDIT_ANCHOR";
    /** The index that lists a day's entries. */
    static final TableSchema.Index BY_DAY = TableSchema.BY_QUEUE;

    private AuditKeys() {
    }

    static String chain(String caseId) {
        return "AUDIT#" + caseId;
    }

    static String entry(long seq) {
        return "SEQ#" + digits(seq);
    }

    static String day(LocalDate day) {
        return "AUDITDAY#" + day;
    }

    static String dayEntry(String caseId, long seq) {
        return caseId + "#" + digits(seq);
    }

    static LocalDate dayOf(Instant at) {
        return at.atZone(CityZone.ZONE).toLocalDate();
    }

    /** The first instant after {@code day} in the city. */
    static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(CityZone.ZONE).toInstant();
    }

    private static String digits(long seq) {
        return String.format("%010d", seq);
    }
}
