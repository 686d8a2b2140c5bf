package lu.entreprinder.persistence.crushlu;

/** The kinds of chapter reward ({@code crush_lu_journeyreward.reward_type}). */
public enum JourneyRewardType {
    POEM("poem"),
    PHOTO_REVEAL("photo_reveal"),
    FUTURE_LETTER("future_letter"),
    /** A picture in pieces, each unlocked with points ({@link JourneyDao#insertPuzzleReward}, since V21). */
    PUZZLE("puzzle");

    private final String dbValue;

    JourneyRewardType(String dbValue) {
        this.dbValue = dbValue;
    }

    public String dbValue() {
        return dbValue;
    }

    /** @throws IllegalStateException for a value the library does not write */
    public static JourneyRewardType fromDb(String value) {
        for (JourneyRewardType t : values()) {
            if (t.dbValue.equals(value)) {
                return t;
            }
        }
        throw new IllegalStateException("unknown reward type " + value);
    }
}
