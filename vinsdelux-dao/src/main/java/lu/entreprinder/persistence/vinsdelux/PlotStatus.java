package lu.entreprinder.persistence.vinsdelux;

/** The status of a vineyard plot, stored as Django's choice value ({@link #dbValue()}). */
public enum PlotStatus {
    AVAILABLE("available"),
    RESERVED("reserved"),
    ADOPTED("adopted"),
    UNAVAILABLE("unavailable");

    private final String dbValue;

    PlotStatus(String dbValue) {
        this.dbValue = dbValue;
    }

    /** The value stored in {@code vinsdelux_vdlplot.status}. */
    public String dbValue() {
        return dbValue;
    }

    /**
     * The status of a stored value.
     *
     * @throws IllegalStateException if the value is none of the four choices (the check constraint forbids it)
     */
    public static PlotStatus fromDb(String value) {
        for (PlotStatus s : values()) {
            if (s.dbValue.equals(value)) {
                return s;
            }
        }
        throw new IllegalStateException("unknown plot status in the database: " + value);
    }
}
