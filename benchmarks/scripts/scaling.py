"""How cost grows with the data: p50 per variant against the data set's scale, from several launcher runs.

Each run directory (BenchmarkMain --out DIR --scale S --no-jmh --interleave-only list,detail,search,plots,candidates)
holds env.json (its scale) and interleaved.json (p50Ns per variant: every operation's own time over the measured
slices). Used by jmh_to_markdown.py (--scales DIR...): returns the markdown section and writes the SVG chart.
No plotting library: the SVG is written by hand so the script needs nothing beyond Python 3.
"""
import json
import math
import os

# interleaved key -> (title, [(variant, label)]); the first variant is the library's
WORKLOADS = [
    ("list", "1 Event listing (50 upcoming)", [("listLibrary", "library"), ("listJdbc", "JDBC"),
                                               ("listHibernate", "Hibernate"), ("listNPlusOne", "N+1")]),
    ("detail", "2 Event detail (attendees nested)", [("detailLibrary", "library"), ("detailJdbc", "JDBC"),
                                                     ("detailHibernate", "Hibernate"), ("detailNPlusOne", "N+1")]),
    ("search", "5 Full-text search (top 20)", [("searchLibrary", "library"), ("searchJdbc", "JDBC"),
                                               ("searchLike", "ILIKE scan")]),
    ("searchCommon", "5c Search, one common word", [("searchCommonLibrary", "library"), ("searchCommonJdbc", "JDBC"),
                                                    ("searchCommonVector", "rank every hit (V18)")]),
    ("candidates", "7 Candidates (page of 20)", [("candidatesLibrary", "library"), ("candidatesJdbc", "JDBC")]),
    ("plots", "8 Plot listing (20, plans nested)", [("plotsLibrary", "library"), ("plotsJdbc", "JDBC"),
                                                     ("plotsHibernate", "Hibernate"), ("plotsNPlusOne", "N+1")]),
]
COLORS = {"library": "#c0392b", "JDBC": "#2c3e50", "Hibernate": "#27ae60", "N+1": "#8e44ad", "ILIKE scan": "#d35400", "rank every hit (V18)": "#d35400"}


def load_runs(dirs):
    """[(scale, interleaved dict)] sorted by scale."""
    runs = []
    for d in dirs:
        with open(os.path.join(d, "env.json")) as f:
            scale = json.load(f)["scale"]
        with open(os.path.join(d, "interleaved.json")) as f:
            runs.append((scale, json.load(f)))
    return sorted(runs, key=lambda r: r[0])


def series(runs, key, variant):
    """[(scale, p50 ms)] for the runs that measured this variant."""
    points = []
    for scale, inter in runs:
        p50 = inter.get(key, {}).get("p50Ns", {}).get(variant)
        if p50:
            points.append((scale, p50 / 1e6))
    return points


def fmt_ms(ms):
    return "%.2f ms" % ms if ms < 10 else "%.0f ms" % ms


def growth_sentence(title, runs, key, variants):
    lib = series(runs, key, variants[0][0])
    if len(lib) < 2:
        return None
    (s0, t0), (s1, t1) = lib[0], lib[-1]
    factor = t1 / t0 if t0 else float("nan")
    others = []
    for variant, label in variants[1:]:
        pts = series(runs, key, variant)
        if len(pts) >= 2 and pts[0][1]:
            others.append("%s ×%.1f" % (label, pts[-1][1] / pts[0][1]))
    return ("- **%s**: from scale %g to %g (%g× the rows) the library's p50 goes from %s to %s (×%.1f)%s." % (
        title, s0, s1, s1 / s0, fmt_ms(t0), fmt_ms(t1), factor,
        ("; " + ", ".join(others)) if others else ""))


def section(dirs, svg_path, svg_link):
    runs = load_runs(dirs)
    scales = [s for s, _ in runs]
    out = ["## How cost grows with the data\n",
           "p50 of every operation's own time (all measured interleaved slices of a variant, one JVM per scale) "
           "at data scales %s (1.0 = 100,000 users and profiles, 2,000 events, 50,000 plots). Log-log axes: a "
           "flat line means the page costs the same however big the tables grow.\n" % ", ".join("%g" % s for s in scales),
           "![p50 against data scale](%s)\n" % svg_link,
           "| workload | variant | " + " | ".join("p50 at %g" % s for s in scales) + " |",
           "|---|---|" + "---:|" * len(scales)]
    for key, title, variants in WORKLOADS:
        for variant, label in variants:
            pts = dict(series(runs, key, variant))
            if not pts:
                continue
            out.append("| %s | %s | %s |" % (title, "**%s**" % label if label == "library" else label,
                                              " | ".join(fmt_ms(pts[s]) if s in pts else "n/a" for s in scales)))
    out.append("")
    for key, title, variants in WORKLOADS:
        sentence = growth_sentence(title, runs, key, variants)
        if sentence:
            out.append(sentence)
    out.append("")
    write_svg(runs, svg_path)
    return out


def write_svg(runs, path):
    panel_w, panel_h, margin_l, margin_b, margin_t = 300, 220, 55, 40, 30
    cols = 3
    rows = math.ceil(len(WORKLOADS) / cols)
    width, height = cols * (panel_w + margin_l + 20), rows * (panel_h + margin_b + margin_t) + 40
    scales = [s for s, _ in runs]
    svg = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="11">'
           % (width, height), '<rect width="100%" height="100%" fill="white"/>']
    for n, (key, title, variants) in enumerate(WORKLOADS):
        ox = (n % cols) * (panel_w + margin_l + 20) + margin_l
        oy = (n // cols) * (panel_h + margin_b + margin_t) + margin_t
        all_pts = [p for v, _ in variants for p in series(runs, key, v)]
        if not all_pts or len(scales) < 2:
            continue
        ymin, ymax = min(p[1] for p in all_pts), max(p[1] for p in all_pts)
        lo, hi = math.floor(math.log10(ymin)), math.ceil(math.log10(ymax))
        hi = max(hi, lo + 1)
        xlo, xhi = math.log10(min(scales)), math.log10(max(scales))

        def x(s):
            return ox + (math.log10(s) - xlo) / (xhi - xlo) * panel_w

        def y(ms):
            return oy + panel_h - (math.log10(ms) - lo) / (hi - lo) * panel_h

        svg.append('<text x="%d" y="%d" font-weight="bold">%s</text>' % (ox, oy - 10, title))
        svg.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#999"/>' % (ox, oy, panel_w, panel_h))
        for e in range(lo, hi + 1):
            yy = y(10 ** e)
            svg.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#eee"/>' % (ox, yy, ox + panel_w, yy))
            svg.append('<text x="%d" y="%.1f" text-anchor="end">%s</text>' % (ox - 4, yy + 4, fmt_ms(10 ** e)))
        for s in scales:
            svg.append('<text x="%.1f" y="%d" text-anchor="middle">%g</text>' % (x(s), oy + panel_h + 14, s))
        svg.append('<text x="%d" y="%d" text-anchor="middle" fill="#555">data scale</text>'
                   % (ox + panel_w / 2, oy + panel_h + 28))
        for i, (variant, label) in enumerate(variants):
            pts = series(runs, key, variant)
            if not pts:
                continue
            color = COLORS.get(label, "#7f8c8d")
            width_px = 3 if label == "library" else 1.5
            svg.append('<polyline fill="none" stroke="%s" stroke-width="%s" points="%s"/>' % (
                color, width_px, " ".join("%.1f,%.1f" % (x(s), y(ms)) for s, ms in pts)))
            for s, ms in pts:
                svg.append('<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>' % (x(s), y(ms), color))
            svg.append('<text x="%d" y="%d" fill="%s">%s</text>' % (ox + 6, oy + 14 + 13 * i, color, label))
    svg.append('</svg>')
    with open(path, "w") as f:
        f.write("\n".join(svg) + "\n")
