package lu.entreprinder.persistence.core;

import java.time.Duration;
import java.util.List;

/**
 * What {@link Database#adopt(boolean)} found and did on a database that Django made.
 *
 * @param findings every row or rule worth knowing about, refusals first
 * @param dryRun   true when nothing was meant to change
 * @param adopted  true when the database is now migrated to the library's latest version (never on a dry run)
 * @param took     wall time of the whole operation
 */
public record AdoptionReport(List<Finding> findings, boolean dryRun, boolean adopted, Duration took) {

    public AdoptionReport {
        findings = List.copyOf(findings);
    }

    /** How a finding affects adoption. */
    public enum Verdict {
        /** A migration cannot take this row: {@code adopt} refuses the whole database and changes nothing. */
        REFUSAL,
        /** The row breaks a rule only the library has: adoption goes on; the library's reads cope with it. */
        WARNING,
        /** {@code adopt} converts these values (e.g. an {@code ArrayField} into a JSON list). */
        CONVERSION
    }

    /**
     * One finding.
     *
     * @param verdict refusal, warning or conversion
     * @param table   the table
     * @param id      the row's id, or null for a finding about a whole column or rule
     * @param rule    the column or rule concerned (a constraint name where there is one)
     * @param value   the offending value as text (shortened), or a count
     * @param action  what to do about it
     */
    public record Finding(Verdict verdict, String table, Long id, String rule, String value, String action) {

        /** One line: {@code REFUSAL matching_match id=7 matching_match_pair_uniq value=(9, 4): delete …}. */
        public String describe() {
            return verdict + " " + table + (id == null ? "" : " id=" + id) + " " + rule + " value=" + value + ": " + action;
        }
    }

    /** True when at least one finding is a refusal. */
    public boolean refused() {
        return findings.stream().anyMatch(f -> f.verdict() == Verdict.REFUSAL);
    }

    /** The report as text: a header, then one line per finding. */
    public String describe() {
        long refusals = findings.stream().filter(f -> f.verdict() == Verdict.REFUSAL).count();
        long warnings = findings.stream().filter(f -> f.verdict() == Verdict.WARNING).count();
        StringBuilder text = new StringBuilder();
        text.append(dryRun ? "adopt --dry-run: " : "adopt: ")
                .append(refusals).append(" refusal(s), ").append(warnings).append(" warning(s); ")
                .append(refused() ? "the database would be refused, nothing changed"
                        : dryRun ? "the database can be adopted, nothing changed" : adopted ? "adopted" : "not adopted")
                .append(" (").append(took.toMillis()).append(" ms)\n");
        for (Finding finding : findings) {
            text.append(finding.describe()).append('\n');
        }
        return text.toString();
    }
}
