package com.govfeedback.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the audit chains against themselves and against the anchors. Which chains: every one an anchor names and every
 * one that grew on a day from the first anchor's up to {@code today} (the day index, never a Scan). What it finds:
 * <ul>
 * <li>{@code DELETED}: a place in a chain with no entry, or an anchored head that is gone;</li>
 * <li>{@code EDITED}: an entry whose content no longer gives its hash;</li>
 * <li>{@code REORDERED}: an entry under another place than its content names, or whose previous hash is not the hash of
 * the entry before it (an entry rewritten together with its hash, or moved);</li>
 * <li>{@code ANCHOR_MISMATCH}: a chain whose entry at an anchored head has another hash (rewritten after anchoring);</li>
 * <li>{@code ANCHOR_ALTERED} / {@code ANCHOR_GAP}: an anchor whose own hash is off, or that does not continue the day
 * before it.</li>
 * </ul>
 * Not detectable: removing the newest entries of a chain recorded since its last anchor (the next anchor covers them).
 */
public final class AuditVerifier {
    private final AuditStore store;

    public AuditVerifier(AuditStore store) {
        this.store = store;
    }

    public enum Kind {
        DELETED, EDITED, REORDERED, ANCHOR_MISMATCH, ANCHOR_ALTERED, ANCHOR_GAP
    }

    /** @param caseId null for a problem of an anchor; {@code seq} 0 when not about one entry */
    public record Problem(Kind kind, String caseId, long seq, String detail) {
        @Override
        public String toString() {
            return kind + (caseId == null ? "" : " case=" + caseId) + (seq == 0 ? "" : " seq=" + seq) + ": " + detail;
        }
    }

    public record Report(int chains, int entries, int anchors, List<Problem> problems) {
        public boolean clean() {
            return problems.isEmpty();
        }
    }

    /** @param anchors every anchor written, oldest first */
    public Report verify(List<Anchor> anchors, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        checkAnchors(anchors, problems);
        Map<String, List<Anchor.Head>> anchoredHeads = new HashMap<>();
        anchors.forEach(a -> a.heads().forEach(h -> anchoredHeads.computeIfAbsent(h.caseId(), id -> new ArrayList<>()).add(h)));
        Set<String> cases = new TreeSet<>(anchoredHeads.keySet());
        LocalDate from = anchors.isEmpty() ? today.minusDays(1) : anchors.get(0).day();
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            cases.addAll(store.headsOn(day).keySet());
        }
        int entries = 0;
        for (String caseId : cases) {
            List<AuditStore.Stored> chain = store.chain(caseId);
            entries += chain.size();
            Map<Long, AuditEntry> byPlace = checkChain(caseId, chain, problems);
            for (Anchor.Head head : anchoredHeads.getOrDefault(caseId, List.of())) {
                AuditEntry stored = byPlace.get(head.seq());
                if (stored == null) {
                    problems.add(new Problem(Kind.DELETED, caseId, head.seq(), "the anchored entry is gone"));
                } else if (!stored.hash().equals(head.hash())) {
                    problems.add(new Problem(Kind.ANCHOR_MISMATCH, caseId, head.seq(), "the entry's hash differs from the anchored one"));
                }
            }
        }
        return new Report(cases.size(), entries, anchors.size(), problems);
    }

    /** One chain's own consistency; answers its entries by the place their key gives them. */
    static Map<Long, AuditEntry> checkChain(String caseId, List<AuditStore.Stored> chain, List<Problem> problems) {
        Map<Long, AuditEntry> byPlace = new HashMap<>();
        long expected = 1;
        AuditEntry before = null;
        for (AuditStore.Stored stored : chain) {
            AuditEntry entry = stored.entry();
            byPlace.put(stored.keySeq(), entry);
            for (long missing = expected; missing < stored.keySeq(); missing++) {
                problems.add(new Problem(Kind.DELETED, caseId, missing, "no entry at this place"));
            }
            boolean adjacent = before != null && stored.keySeq() == expected;
            if (entry.seq() != stored.keySeq()) {
                problems.add(new Problem(Kind.REORDERED, caseId, stored.keySeq(), "the entry names place " + entry.seq()));
            } else if (!entry.hash().equals(entry.expectedHash())) {
                problems.add(new Problem(Kind.EDITED, caseId, stored.keySeq(), "the content does not give its hash"));
            } else if (stored.keySeq() == 1 && !entry.previousHash().equals(AuditEntry.GENESIS)) {
                problems.add(new Problem(Kind.REORDERED, caseId, 1, "the first entry links to an earlier one"));
            } else if (adjacent && !entry.previousHash().equals(before.hash())) {
                problems.add(new Problem(Kind.REORDERED, caseId, stored.keySeq(), "does not link to the entry before it"));
            }
            expected = stored.keySeq() + 1;
            before = entry;
        }
        return byPlace;
    }

    private static void checkAnchors(List<Anchor> anchors, List<Problem> problems) {
        Anchor before = null;
        for (Anchor anchor : anchors) {
            if (!anchor.intact()) {
                problems.add(new Problem(Kind.ANCHOR_ALTERED, null, 0, "the anchor of " + anchor.day() + " does not give its own hash"));
            }
            if (before != null && (!anchor.day().equals(before.day().plusDays(1)) || !anchor.previous().equals(before.hash()))) {
                problems.add(new Problem(Kind.ANCHOR_GAP, null, 0, "the anchor of " + anchor.day() + " does not continue the one of "
                        + before.day()));
            }
            before = anchor;
        }
    }
}
