package lu.entreprinder.persistence.vinsdelux;

import lu.entreprinder.persistence.core.StoredValues;

/**
 * A producer with its plot counts.
 *
 * <p>Not {@link #valid()} when another writer stored coordinates the library cannot decode: {@code coordinates} is
 * then a {@link GeoJson.Invalid} holding the stored text (a warning is logged once per row).
 *
 * @param coordinates GeoJSON location, or null (the column is nullable), or {@link GeoJson.Invalid}
 */
public record ProducerSummary(long id, String name, String region, String description, String logo,
                              GeoJson coordinates, PlotCounts plots) {
    public ProducerSummary {
        if (coordinates instanceof GeoJson.Invalid invalid) {
            StoredValues.warnOnce("vinsdelux_vdlproducer", id, "coordinates", invalid.problem());
        }
    }

    /** False when a stored value of this record could not be decoded (see the class comment). */
    public boolean valid() {
        return coordinates == null || coordinates.valid();
    }
}
