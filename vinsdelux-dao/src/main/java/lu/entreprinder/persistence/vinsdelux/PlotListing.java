package lu.entreprinder.persistence.vinsdelux;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A plot with its producer and adoption plans (each with its coffret, cheapest first).
 *
 * @param sizeHectares scale 2
 * @param coordinates  GeoJSON, or null (the column is nullable)
 */
public record PlotListing(long id, String name, PlotStatus status, BigDecimal sizeHectares, String grapeVarieties,
                          String soilType, int elevation, GeoJson coordinates, ProducerRef producer,
                          List<AdoptionPlan> adoptionPlans) {
    public PlotListing {
        sizeHectares = sizeHectares == null ? null : sizeHectares.setScale(2, RoundingMode.HALF_EVEN);
        adoptionPlans = List.copyOf(adoptionPlans);
    }
}
