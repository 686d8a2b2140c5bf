package lu.entreprinder.persistence.vinsdelux;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import lu.entreprinder.persistence.core.StoredValues;

/**
 * A plot with its producer and adoption plans (each with its coffret, cheapest first).
 *
 * <p>Not {@link #valid()} when another writer stored coordinates the library cannot decode: {@code coordinates} is
 * then a {@link GeoJson.Invalid} holding the stored text (a warning is logged once per row); the page still returns.
 *
 * @param sizeHectares scale 2
 * @param coordinates  GeoJSON, or null (the column is nullable), or {@link GeoJson.Invalid}
 */
public record PlotListing(long id, String name, PlotStatus status, BigDecimal sizeHectares, String grapeVarieties,
                          String soilType, int elevation, GeoJson coordinates, ProducerRef producer,
                          List<AdoptionPlan> adoptionPlans) {
    public PlotListing {
        sizeHectares = sizeHectares == null ? null : sizeHectares.setScale(2, RoundingMode.HALF_EVEN);
        adoptionPlans = List.copyOf(adoptionPlans);
        if (coordinates instanceof GeoJson.Invalid invalid) {
            StoredValues.warnOnce("vinsdelux_vdlplot", id, "coordinates", invalid.problem());
        }
    }

    /** False when a stored value of this record could not be decoded (see the class comment). */
    public boolean valid() {
        return coordinates == null || coordinates.valid();
    }
}
