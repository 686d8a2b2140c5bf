package lu.entreprinder.persistence.vinsdelux;

import java.util.List;

/** An available adoption plan (with its coffret) and the plots that offer it, by plot id. */
public record AvailablePlan(AdoptionPlan plan, List<PlotRef> plots) {
    public AvailablePlan {
        plots = List.copyOf(plots);
    }
}
