package lu.entreprinder.persistence.vinsdelux;

/** A producer's number of plots per status. */
public record PlotCounts(int available, int reserved, int adopted, int unavailable) {

    /** All plots of the producer. */
    public int total() {
        return available + reserved + adopted + unavailable;
    }
}
