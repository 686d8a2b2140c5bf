package lu.entreprinder.persistence.vinsdelux;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/**
 * Filters of {@link PlotDao#listPlots}. Every component is optional (null = no filter); build with
 * {@link #all()} and the {@code with…} methods.
 *
 * @param statuses     plots with one of these statuses (null or empty = any)
 * @param producerId   plots of this producer
 * @param grapeVariety plots whose grape varieties contain this text, ignoring case
 * @param soilType     plots with this soil type, ignoring case
 * @param minElevation lowest elevation, inclusive
 * @param maxElevation highest elevation, inclusive
 * @param minSize      smallest size in hectares, inclusive
 * @param maxSize      largest size in hectares, inclusive
 */
public record PlotFilter(Set<PlotStatus> statuses, Long producerId, String grapeVariety, String soilType,
                         Integer minElevation, Integer maxElevation, BigDecimal minSize, BigDecimal maxSize) {

    public PlotFilter {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    }

    /** No filter. */
    public static PlotFilter all() {
        return new PlotFilter(null, null, null, null, null, null, null, null);
    }

    public PlotFilter withStatuses(PlotStatus... values) {
        return new PlotFilter(Set.of(values), producerId, grapeVariety, soilType, minElevation, maxElevation,
                minSize, maxSize);
    }

    public PlotFilter withProducer(long value) {
        return new PlotFilter(statuses, value, grapeVariety, soilType, minElevation, maxElevation, minSize, maxSize);
    }

    public PlotFilter withGrapeVariety(String value) {
        return new PlotFilter(statuses, producerId, value, soilType, minElevation, maxElevation, minSize, maxSize);
    }

    public PlotFilter withSoilType(String value) {
        return new PlotFilter(statuses, producerId, grapeVariety, value, minElevation, maxElevation, minSize, maxSize);
    }

    public PlotFilter withElevation(Integer min, Integer max) {
        return new PlotFilter(statuses, producerId, grapeVariety, soilType, min, max, minSize, maxSize);
    }

    public PlotFilter withSize(BigDecimal min, BigDecimal max) {
        return new PlotFilter(statuses, producerId, grapeVariety, soilType, minElevation, maxElevation, min, max);
    }
}
