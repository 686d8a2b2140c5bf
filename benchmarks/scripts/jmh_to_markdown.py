#!/usr/bin/env python3
"""Turns a benchmark run's JSON (BenchmarkMain --out DIR: jmh.json, env.json, statements.json, interleaved.json)
into the markdown of benchmarks/RESULTS.md.

    python3 benchmarks/scripts/jmh_to_markdown.py benchmarks/target/jmh benchmarks/RESULTS.md

Per workload and variant: ops/s (1 / mean time of JMH's SampleTime or SingleShotTime; one thread), p50 and p99,
the throughput ratio library / comparator (from the JMH means, and the median of the interleaved rounds), statements
per operation and bytes allocated per operation (JMH -prof gc, gc.alloc.rate.norm). Standard library only.
"""
import json
import os
import statistics
import sys

# workload -> (title, library benchmark, [(comparator benchmark, label)], target or [targets]);
# a target is (comparator benchmark, minimum ratio, description)
# A target is on the throughput ratio library/comparator (higher = library faster).
WORKLOADS = [
    ("0a", "Primary-key read: a user (auth_user)", "PkReadBenchmark.userLibrary",
     [("PkReadBenchmark.userJdbc", "hand-written JDBC"), ("PkReadBenchmark.userHibernate", "Hibernate session.find"),
      ("PkReadBenchmark.userLibraryRenderedPerCall", "library, jOOQ query rendered per call (no PreparedRead)"),
      ("PkReadBenchmark.userJooqOnly", "jOOQ alone: the same PreparedRead text through jOOQ's execute path on a bare DSLContext")],
     [("PkReadBenchmark.userJdbc", 0.95, "library >= 0.95x hand-written JDBC"),
      ("PkReadBenchmark.userHibernate", 1.0, "library >= 1.0x Hibernate"),
      ("bytes:PkReadBenchmark.userJdbc", 2.0, "bytes/op <= 2x JDBC's")]),
    ("0b", "Primary-key read: a plot (vinsdelux_vdlplot)", "PkReadBenchmark.plotLibrary",
     [("PkReadBenchmark.plotJdbc", "hand-written JDBC"), ("PkReadBenchmark.plotHibernate", "Hibernate session.find"),
      ("PkReadBenchmark.plotLibraryRenderedPerCall", "library, jOOQ query rendered per call (no PreparedRead)")],
     [("PkReadBenchmark.plotJdbc", 0.95, "library >= 0.95x hand-written JDBC"),
      ("PkReadBenchmark.plotHibernate", 1.0, "library >= 1.0x Hibernate"),
      ("bytes:PkReadBenchmark.plotJdbc", 2.0, "bytes/op <= 2x JDBC's")]),
    ("4", "Bulk import of users (one transaction)", "BulkImportBenchmark.importLibrary",
     [("BulkImportBenchmark.importCopy", "COPY (CopyManager)"),
      ("BulkImportBenchmark.importJdbcBatch", "hand-written JDBC executeBatch (same pool, reWriteBatchedInserts)"),
      ("BulkImportBenchmark.importLibraryGenericRecords", "diagnostic: bulkInsert, records built with set(field, value)"),
      ("BulkImportBenchmark.importLibraryTextCopy", "diagnostic: bulkInsert's COPY writer held to the text format"),
      ("BulkImportBenchmark.importLibraryBatch", "library jOOQ batch, first-row template"),
      ("BulkImportBenchmark.importLibraryNullTemplate", "library batch, null-placeholder template (jOOQ manual)"),
      ("BulkImportBenchmark.importLibraryPlainSql", "library batch, plain-SQL INSERT (no typed bindings)")],
     [("BulkImportBenchmark.importCopy", 0.9, "library bulkInsert >= 0.9x COPY"),
      ("bytes:BulkImportBenchmark.importJdbcBatch", 2.0, "bytes/op <= 2x JDBC batches'")]),
    ("7", "Candidate ranking (first page of 20)", "CandidateRankingBenchmark.candidatesLibrary",
     [("CandidateRankingBenchmark.candidatesJdbc", "hand-tuned JDBC"),
      ("CandidateRankingBenchmark.candidatesNPlusOne", "Django-style N+1")],
     [("CandidateRankingBenchmark.candidatesJdbc", 0.9, "library >= 0.9x hand-tuned JDBC"),
      ("bytes:CandidateRankingBenchmark.candidatesJdbc", 2.0, "bytes/op <= 2x JDBC's")]),
    ("1", "Event listing (50 upcoming, counts + viewer flag)", "EventListingBenchmark.listLibrary",
     [("EventListingBenchmark.listJdbc", "hand-written JDBC (LIMIT, then one lateral count pass)"),
      ("EventListingBenchmark.listNPlusOne", "Django-style N+1"),
      ("EventListingBenchmark.listHibernate", "Hibernate ORM 7.1 (HQL DTO projection, correlated counts, setMaxResults)")],
     [("EventListingBenchmark.listNPlusOne", 10.0, "library >= 10x the N+1 loop"),
      ("EventListingBenchmark.listHibernate", 1.0, "library >= 1.0x Hibernate"),
      ("EventListingBenchmark.listJdbc", 0.9, "library >= 0.9x hand-written JDBC"),
      ("bytes:EventListingBenchmark.listJdbc", 2.0, "bytes/op <= 2x JDBC's")]),
    ("2", "Event detail with confirmed attendees nested", "EventDetailBenchmark.detailLibrary",
     [("EventDetailBenchmark.detailJdbc", "hand-written JDBC (one row per attendee)"),
      ("EventDetailBenchmark.detailNPlusOne", "Django-style N+1"),
      ("EventDetailBenchmark.detailHibernate", "Hibernate ORM 7.1 (two HQL DTO projections: event + counts, attendees)")],
     [("EventDetailBenchmark.detailNPlusOne", 10.0, "library >= 10x the N+1 loop"),
      ("EventDetailBenchmark.detailJdbc", 0.9, "library >= 0.9x hand-written JDBC"),
      ("EventDetailBenchmark.detailHibernate", 1.0, "library >= 1.0x Hibernate"),
      ("bytes:EventDetailBenchmark.detailJdbc", 2.0, "bytes/op <= 2x JDBC's")]),
    ("5", "Full-text profile search (top 20 by rank)", "ProfileSearchBenchmark.searchLibrary",
     [("ProfileSearchBenchmark.searchJdbc", "hand-written JDBC (same tsvector)"),
      ("ProfileSearchBenchmark.searchLike", "ILIKE '%word%' scan of headline/bio")],
     [("ProfileSearchBenchmark.searchLike", 50.0, "library >= 50x the LIKE scan"),
      ("ProfileSearchBenchmark.searchJdbc", 0.9, "library >= 0.9x hand-written JDBC"),
      ("bytes:ProfileSearchBenchmark.searchJdbc", 2.0, "bytes/op <= 2x JDBC's")]),
    ("5c", "Full-text profile search, a common word (≈ 12,500 of 100,000 match)",
     "ProfileSearchBenchmark.searchCommonLibrary",
     [("ProfileSearchBenchmark.searchCommonJdbc", "hand-written JDBC (same schema: the stored one-word ranks of V24)"),
      ("ProfileSearchBenchmark.searchCommonVector", "JDBC ranking every hit's stored vector (V18, before V24)")],
     [("p50:ProfileSearchBenchmark.searchCommonLibrary", 0.020, "p50 <= 20 ms"),
      ("ProfileSearchBenchmark.searchCommonJdbc", 0.9, "library >= 0.9x hand-written JDBC"),
      ("bytes:ProfileSearchBenchmark.searchCommonJdbc", 2.0, "bytes/op <= 2x JDBC's")]),
    ("8", "Plot listing (20) with producer and adoption plans nested", "PlotListingBenchmark.plotsLibrary",
     [("PlotListingBenchmark.plotsJdbc", "hand-written JDBC (one row per plan)"),
      ("PlotListingBenchmark.plotsNPlusOne", "Django-style N+1"),
      ("PlotListingBenchmark.plotsHibernate", "Hibernate ORM 7.1 (two HQL DTO projections: page + producer, plans + coffrets)")],
     [("PlotListingBenchmark.plotsJdbc", 0.9, "library >= 0.9x hand-written JDBC"),
      ("PlotListingBenchmark.plotsHibernate", 1.0, "library >= 1.0x Hibernate"),
      ("bytes:PlotListingBenchmark.plotsJdbc", 2.0, "bytes/op <= 2x JDBC's")]),
    ("6", "Journey answer updating the progress JSON", "JourneyAnswerBenchmark.answerLibrary",
     [("JourneyAnswerBenchmark.answerJdbc", "hand-tuned JDBC (challenge read, then one locking CTE + jsonb || UPDATE)"),
      ("JourneyAnswerBenchmark.answerNPlusOne", "Django-style, autocommit, no select_for_update (racy)")],
     [("JourneyAnswerBenchmark.answerJdbc", 0.9, "library >= 0.9x hand-tuned JDBC"),
      ("bytes:JourneyAnswerBenchmark.answerJdbc", 2.0, "bytes/op <= 2x JDBC's")]),
]
INTERLEAVED_KEY = {"PkReadBenchmark.user": "user", "PkReadBenchmark.plot": "plot",
                   "BulkImportBenchmark.import": "import", "CandidateRankingBenchmark.candidates": "candidates",
                   "EventListingBenchmark.list": "list", "EventDetailBenchmark.detail": "detail",
                   "ProfileSearchBenchmark.searchCommon": "searchCommon", "ProfileSearchBenchmark.search": "search", "PlotListingBenchmark.plots": "plots",
                   "JourneyAnswerBenchmark.answer": "journey"}

TO_SECONDS = {"s/op": 1.0, "ms/op": 1e-3, "us/op": 1e-6, "ns/op": 1e-9}


def load(path, default=None):
    if not os.path.exists(path):
        return default
    with open(path) as f:
        return json.load(f)


def short(name):
    return name.split(".")[-2] + "." + name.split(".")[-1]


def fmt_time(seconds):
    if seconds is None:
        return "n/a"
    if seconds >= 1:
        return "%.2f s" % seconds
    if seconds >= 1e-3:
        return "%.2f ms" % (seconds * 1e3)
    return "%.0f µs" % (seconds * 1e6)


def fmt_bytes(b):
    if b is None:
        return "n/a"
    if b >= 1 << 20:
        return "%.1f MB" % (b / (1 << 20))
    if b >= 1 << 10:
        return "%.1f KB" % (b / (1 << 10))
    return "%.0f B" % b


def fmt_ops(x):
    if x is None:
        return "n/a"
    return "{:,.0f}".format(x) if x >= 100 else ("%.2f" % x if x < 10 else "%.1f" % x)


def main():
    src, dest = sys.argv[1], sys.argv[2]
    scale_dirs = sys.argv[sys.argv.index("--scales") + 1:] if "--scales" in sys.argv else []
    scale_dirs = [d for d in scale_dirs if os.path.exists(os.path.join(d, "interleaved.json"))]
    jmh = load(os.path.join(src, "jmh.json"), [])
    env = load(os.path.join(src, "env.json"), {})
    statements = load(os.path.join(src, "statements.json"), {})
    interleaved = load(os.path.join(src, "interleaved.json"), {})
    race = load(os.path.join(src, "race.json"), None)

    results = {}
    for r in jmh:
        name = short(r["benchmark"])
        pm = r["primaryMetric"]
        unit = pm["scoreUnit"]
        k = TO_SECONDS.get(unit, 1.0)
        pct = pm.get("scorePercentiles", {})
        mean = pm["score"] * k
        sec = r.get("secondaryMetrics", {})
        alloc = sec.get("gc.alloc.rate.norm", {}).get("score")
        results[name] = {
            "mean": mean,
            "p50": pct.get("50.0", None) * k if "50.0" in pct else None,
            "p99": pct.get("99.0", None) * k if "99.0" in pct else None,
            "samples": sum(len(x) for x in pm.get("rawDataHistogram", [])) if r["mode"] == "sample" else
            len([v for fork in pm.get("rawData", []) for v in fork]),
            "mode": r["mode"],
            "alloc": alloc,
            "ops": 1.0 / mean if mean else None,
        }
        if r["mode"] == "sample":
            hist = pm.get("rawDataHistogram", [])
            results[name]["samples"] = int(sum(c for fork in hist for it in fork for (_, c) in it))

    def inter_median(lib, comp):
        for prefix, key in INTERLEAVED_KEY.items():
            if lib.startswith(prefix):
                block = interleaved.get(key, {})
                return block.get("median_%s_vs_%s" % (lib.split(".")[1], comp.split(".")[1])), block.get("rounds")
        return None, None

    load_info = env.get("load", {})
    spec = env.get("spec", "")
    rows_import = statements.get("importRows")

    out = []
    out.append("# Benchmark results\n")
    out.append("Generated by `benchmarks/scripts/jmh_to_markdown.py` from one run of `BenchmarkMain` "
               "(see [README.md](README.md)). Numbers from a shared machine: read the ratios, not the absolutes.\n")
    out.append("| | |\n|---|---|")
    out.append("| date (UTC) | %s → %s |" % (env.get("date", "n/a"), env.get("dateEnd", "n/a")))
    out.append("| machine | %s CPUs (`nproc`), %s |" % (env.get("nproc", "n/a"), env.get("cpu", "n/a")))
    out.append("| load average (1/5/15 min) | start %s; before JMH %s; end %s |" % (
        " ".join(env.get("loadavgStart", "n/a").split()[:3]), " ".join(env.get("loadavgBeforeJmh", "n/a").split()[:3]),
        " ".join(env.get("loadavgEnd", "n/a").split()[:3])))
    out.append("| JVM | %s |" % env.get("java", "n/a"))
    out.append("| PostgreSQL | %s (%s) |" % (env.get("postgresVersion", "n/a").split(" on ")[0], env.get("postgres", "")))
    out.append("| data set | %s |" % spec)
    jmh_args = ""
    if jmh:
        r0 = jmh[0]
        jmh_args = "forks %s, warmup %s x %s, measurement %s x %s, %s" % (
            r0.get("forks"), r0.get("warmupIterations"), r0.get("warmupTime"), r0.get("measurementIterations"),
            r0.get("measurementTime"), "prof gc" if any("gc.alloc.rate.norm" in r.get("secondaryMetrics", {})
                                                        for r in jmh) else "no gc profiler")
    out.append("| JMH | %s |" % jmh_args)
    out.append("")

    out.append("## Results\n")
    out.append("ops/s = 1 / mean time per operation (one thread). Ratio = library ops/s ÷ comparator ops/s "
               "(> 1: the library is faster): first from the JMH means, then the median over interleaved rounds "
               "(variants alternating in short slices in one JVM, so a change in machine load hits all of them). "
               "Statements per operation: `Database.countStatements()` for the library (a JDBC batch counts once), "
               "own counters for JDBC, Hibernate statistics. Bytes/op: JMH `-prof gc` (`gc.alloc.rate.norm`).\n")
    out.append("| workload | variant | ops/s | p50 | p99 | samples | ratio lib/this (JMH) | ratio lib/this "
               "(interleaved median) | statements/op | bytes/op |")
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    verdicts = []
    for wid, title, lib, comps, target in WORKLOADS:
        if lib not in results:
            continue
        L = results[lib]
        rows = [(lib, "**library**")] + comps
        for name, label in rows:
            R = results.get(name)
            if R is None:
                continue
            if name == lib:
                ratio, inter = "—", "—"
            else:
                ratio = "%.2f" % (L["ops"] / R["ops"]) if L["ops"] and R["ops"] else "n/a"
                m, n = inter_median(lib, name)
                inter = ("%.2f (%d rounds)" % (m, n)) if m is not None else "n/a"
            st = statements.get(name)
            st_text = ("%.0f" % st if st is not None and abs(st - round(st)) < 1e-9 else
                       ("%.1f" % st if st is not None else "n/a"))
            out.append("| %s %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                wid, title if name == lib else "", label, fmt_ops(R["ops"]), fmt_time(R["p50"]),
                fmt_time(R["p99"]), R["samples"], ratio, inter, st_text, fmt_bytes(R["alloc"])))
        for tname, threshold, tdesc in (target if isinstance(target, list) else [target]):
            if tname.startswith("p50:"):  # a latency target: the interleaved rounds' p50, else JMH's
                block = interleaved.get(next((k for p, k in INTERLEAVED_KEY.items() if lib.startswith(p)), ""), {})
                p50 = block.get("p50Ns", {}).get(lib.split(".")[1])
                p50 = p50 / 1e9 if p50 is not None else L["p50"]
                if p50 is not None:
                    verdicts.append("| %s %s | %s | %s (JMH) | %s (interleaved p50) | %s |" % (
                        wid, title, tdesc, fmt_time(L["p50"]), fmt_time(p50),
                        "**met**" if p50 <= threshold else "**missed**"))
                continue
            if tname.startswith("bytes:"):
                comp = results.get(tname[len("bytes:"):])
                if comp and comp["alloc"] and L["alloc"]:
                    factor = L["alloc"] / comp["alloc"]
                    verdicts.append("| %s %s | %s | %.2fx (%s vs %s) | — | %s |" % (
                        wid, title, tdesc, factor, fmt_bytes(L["alloc"]), fmt_bytes(comp["alloc"]),
                        "**met**" if factor <= threshold else "**missed**"))
                continue
            if tname in results:
                jr = L["ops"] / results[tname]["ops"]
                im, _ = inter_median(lib, tname)
                basis = im if im is not None else jr
                verdicts.append("| %s %s | %s | %.2f | %s | %s |" % (
                    wid, title, tdesc, jr, "%.2f" % im if im is not None else "n/a",
                    "**met**" if basis >= threshold else "**missed**"))
    out.append("")
    if rows_import:
        for name in ("BulkImportBenchmark.importLibrary", "BulkImportBenchmark.importLibraryBatch",
                     "BulkImportBenchmark.importLibraryNullTemplate",
                     "BulkImportBenchmark.importLibraryPlainSql", "BulkImportBenchmark.importJdbcBatch",
                     "BulkImportBenchmark.importCopy"):
            if name in results:
                out.append("- %s: %s rows per import → %s rows/s." % (
                    name.split(".")[1], "{:,.0f}".format(rows_import), "{:,.0f}".format(rows_import * results[name]["ops"])))
    sqlite = (interleaved or {}).get("importSqlite")
    if sqlite:
        ns = sqlite["nsPerOp"]
        med = lambda v: sorted(v)[len(v) // 2]
        out.append("- SQLite (a file the library creates), %s rows per import, %d rounds: bulkInsert %s rows/s, "
                   "library row by row (record.insert() in one transaction, Django's save() in atomic) %s rows/s, "
                   "JDBC row by row (one reused PreparedStatement) %s rows/s; median ratio bulkInsert/row by row %.2f "
                   "(library), %.2f (JDBC); statements per row %s." % (
                       "{:,}".format(sqlite["rows"]), sqlite["rounds"],
                       "{:,.0f}".format(sqlite["rows"] / med(ns["sqliteBulkInsert"]) * 1e9),
                       "{:,.0f}".format(sqlite["rows"] / med(ns["sqliteRowByRow"]) * 1e9),
                       "{:,.0f}".format(sqlite["rows"] / med(ns["sqliteJdbcRowByRow"]) * 1e9),
                       sqlite["median_sqliteBulkInsert_vs_sqliteRowByRow"],
                       sqlite["median_sqliteBulkInsert_vs_sqliteJdbcRowByRow"],
                       ", ".join("%s %.3f" % kv for kv in sqlite["statementsPerRow"].items())))
    if load_info:
        rows = load_info.get("rows")
        line = "- Loading the whole data set (%s rows, 15 tables): COPY %.1f s (%s rows/s)" % (
            "{:,}".format(rows), load_info["copySeconds"], "{:,.0f}".format(rows / load_info["copySeconds"]))
        if "librarySeconds" in load_info:
            line += "; the library's batch path %.1f s (%s rows/s): ratio library/COPY %.2f" % (
                load_info["librarySeconds"], "{:,.0f}".format(rows / load_info["librarySeconds"]),
                load_info["copySeconds"] / load_info["librarySeconds"])
        out.append(line + " (one run each, not JMH).")
    out.append("")
    if race:
        out.extend(race_section(race, results, verdicts))
    out.append("## Targets\n")
    out.append("The verdict uses the interleaved median where there is one, else the JMH means.\n")
    out.append("| workload | target | ratio (JMH) | ratio (interleaved median) | verdict |")
    out.append("|---|---|---:|---:|---|")
    out.extend(verdicts)
    out.append("")
    if len(scale_dirs) >= 2:
        import scaling
        svg = os.path.join(os.path.dirname(os.path.abspath(dest)), "scaling.svg")
        out.extend(scaling.section(scale_dirs, svg, "scaling.svg"))
    with open(dest, "w") as f:
        f.write("\n".join(out) + "\n")
    print("wrote " + dest)


RACE_LABELS = [("library", "**library** `RegistrationService.register`", "RacingRegistrationBenchmark.raceLibrary"),
               ("jdbc", "hand-written JDBC, same strategy (FOR UPDATE joined with the user's rows, count, guarded insert)",
                "RacingRegistrationBenchmark.raceJdbc"),
               ("jdbcLockFirst", "hand-written JDBC, lock alone first (FOR UPDATE, who, count, insert)",
                "RacingRegistrationBenchmark.raceJdbcLockFirst"),
               ("counter", "counter column, one conditional UPDATE ... RETURNING (benchmark-only column)",
                "RacingRegistrationBenchmark.raceCounter"),
               ("unlocked", "negative control: JDBC lock first, without FOR UPDATE", "RacingRegistrationBenchmark.raceUnlocked")]


def race_section(race, results, verdicts):
    """Workload 3 from race.json: whole runs of racing registrations, interleaved, invariant checked per run."""
    out = ["## Workload 3: racing registrations\n",
           "%d registrations (%d users x %d events of %d spots) from %d threads, each in its own transaction; %d "
           "interleaved rounds after %s warm-up runs per variant; the invariant (no event over capacity, confirmed + "
           "waitlisted = registrations, counter = confirmed rows) checked after every run. Throughput = "
           "registrations / wall time of the run; p50/p99 per registration (median over rounds). %s\n" % (
               race.get("registrations", 0), race.get("registrationsPerEvent", 0), race.get("events", 0),
               race.get("capacity", 0), race.get("threads", 0), race.get("rounds", 0),
               race.get("warmupRunsPerVariant", "n/a"), race.get("note", "")),
           "| variant | registrations/s (median; per round) | p50 | p99 | statements/registration | JVM CPU ms/registration "
           "| racing threads' CPU ms and KB allocated per registration (median) "
           "| ratio lib/this (median) | invariant held | overbooked events per round | JMH run time |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---|---|---:|"]
    variants = race.get("variants", {})
    for key, label, bench in RACE_LABELS:
        v = variants.get(key)
        if v is None:
            continue
        ratio = "—" if key == "library" else (
            "%.2f" % race["median_library_vs_" + key] if "median_library_vs_" + key in race else "n/a")
        per_round = ", ".join("{:,.0f}".format(x) for x in v.get("registrationsPerSecond", []))
        cpu = ", ".join("%.2f" % x for x in v.get("jvmCpuMillisPerRegistration", []))
        worker_cpu = v.get("workerCpuMillisPerRegistration")
        worker_kb = v.get("workerKilobytesPerRegistration")
        worker = "%.3f ms, %.1f KB" % (statistics.median(worker_cpu), statistics.median(worker_kb)) if worker_cpu and worker_kb else "n/a"
        held = v.get("invariantHeld", [])
        jmh_time = fmt_time(results[bench]["mean"]) if bench in results else "n/a"
        out.append("| %s | %s (%s) | %.1f ms | %.1f ms | %.1f | %s | %s | %s | %s | %s | %s |" % (
            label, "{:,.0f}".format(v.get("medianRegistrationsPerSecond", 0)), per_round,
            v.get("medianP50Millis", 0), v.get("medianP99Millis", 0), v.get("statementsPerRegistration", 0), cpu,
            worker, ratio, "%d/%d" % (sum(1 for h in held if h), len(held)),
            ", ".join(str(x) for x in v.get("overbookedEvents", [])), jmh_time))
    out.append("")
    control = variants.get("unlocked", {})
    out.append("Negative control: %s (at most %s extra confirmed on one event)." % (
        "overbooked in every round" if race.get("controlOverbookedEveryRound") else
        "**did not overbook in every round** (the race proves less)", control.get("maxOverbooking", "n/a")))
    out.append("")
    if "median_library_vs_jdbc" in race:
        m = race["median_library_vs_jdbc"]
        verdicts.append("| 3 Racing registrations | library >= 0.9x raw JDBC, same strategy | n/a | %.2f | %s |" % (
            m, "**met**" if m >= 0.9 else "**missed**"))
    return out


if __name__ == "__main__":
    main()
