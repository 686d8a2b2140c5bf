package lu.entreprinder.persistence.crushlu;

/** The kinds of journey challenge ({@code crush_lu_journeychallenge.challenge_type}). */
public enum JourneyChallengeType {
    /** Free text compared after normalisation (case, whitespace, accents). */
    RIDDLE("riddle"),
    /** One of the challenge's options; {@code correct_answer} is the right option's text. */
    MULTIPLE_CHOICE("multiple_choice"),
    /** Free text compared after normalisation, like a riddle. */
    WORD_SCRAMBLE("word_scramble"),
    /**
     * An ordering of the challenge's items: {@code options} holds the items as shown (a JSON array),
     * {@code correct_answer} the right order as a JSON array of the same strings.
     */
    TIMELINE_SORT("timeline_sort"),
    /** Any non-empty answer (text or one of the options) completes it. */
    WOULD_YOU_RATHER("would_you_rather"),
    /** Any non-empty text completes it. */
    OPEN_TEXT("open_text");

    private final String dbValue;

    JourneyChallengeType(String dbValue) {
        this.dbValue = dbValue;
    }

    public String dbValue() {
        return dbValue;
    }

    /** @throws IllegalStateException for a value the library does not write */
    public static JourneyChallengeType fromDb(String value) {
        for (JourneyChallengeType t : values()) {
            if (t.dbValue.equals(value)) {
                return t;
            }
        }
        throw new IllegalStateException("unknown challenge type " + value);
    }
}
