package lu.entreprinder.persistence.vinsdelux;

import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.PageRequest;
import org.jooq.conf.ParamType;

/**
 * Diagnostics only: the SQL of {@link VinsDeluxCatalog#listPlots}'s one statement (package-private
 * {@code plotsQuery}, "for EXPLAIN in tests"), so the benchmark launcher can put its plan beside the hand-written one
 * in {@code plans.txt}. Lives in vinsdelux-dao's package for that reason alone.
 */
public final class PlotListPlan {

    private PlotListPlan() {
    }

    /** Workload 8's page of {@code size} available plots after {@code afterPlotId}, values inlined. */
    public static String sql(Database db, long afterPlotId, int size) {
        return new VinsDeluxCatalog(db).plotsQuery(PlotFilter.all().withStatuses(PlotStatus.AVAILABLE),
                PageRequest.first(size).next(PageRequest.encode(afterPlotId))).getSQL(ParamType.INLINED);
    }
}
