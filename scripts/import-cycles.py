#!/usr/bin/env python3
"""Import circles in the main code: between packages, and between classes of different packages.
Usage: scripts/import-cycles.py [checkout] (imports and same-package references; comments and strings ignored)."""
import os, re, sys, collections
root = sys.argv[1] if len(sys.argv) > 1 else '.'
classes = {}  # fqcn -> (path, text)
for d, _, fs in os.walk(root):
    if '/src/main/java' not in d and '/src/generated/java' not in d: continue
    for f in fs:
        if f.endswith('.java'):
            p = os.path.join(d, f); t = open(p, encoding='utf-8').read()
            m = re.search(r'^package ([\w.]+);', t, re.M)
            if m: classes[m.group(1) + '.' + f[:-5]] = (p, t)
bypkg = collections.defaultdict(set)
for c in classes: bypkg[c.rsplit('.', 1)[0]].add(c.rsplit('.', 1)[1])
graph = collections.defaultdict(set)
for c, (p, t) in classes.items():
    pkg = c.rsplit('.', 1)[0]
    body = re.sub(r'"(?:[^"\\\n]|\\.)*"', '""', t)
    body = re.sub(r'//.*|/\*.*?\*/', '', body, flags=re.S)
    for imp in re.findall(r'^import (?:static )?([\w.]+?)(?:\.\*)?;', t, re.M):
        parts = imp.split('.')
        for i in range(len(parts), 0, -1):
            cand = '.'.join(parts[:i])
            if cand in classes and cand != c: graph[c].add(cand); break
    for simple in bypkg[pkg]:
        other = pkg + '.' + simple
        if other != c and re.search(r'\b' + simple + r'\b', body): graph[c].add(other)
def sccs(nodes, g):
    idx, low, st, on, out, n = {}, {}, [], set(), [], [0]
    sys.setrecursionlimit(100000)
    def visit(v):
        idx[v] = low[v] = n[0]; n[0] += 1; st.append(v); on.add(v)
        for w in g.get(v, ()):
            if w not in idx: visit(w); low[v] = min(low[v], low[w])
            elif w in on: low[v] = min(low[v], idx[w])
        if low[v] == idx[v]:
            comp = []
            while True:
                w = st.pop(); on.discard(w); comp.append(w)
                if w == v: break
            if len(comp) > 1: out.append(comp)
    for v in nodes:
        if v not in idx: visit(v)
    return out
pg = collections.defaultdict(set)
for a, bs in graph.items():
    for b in bs:
        pa, pb = a.rsplit('.', 1)[0], b.rsplit('.', 1)[0]
        if pa != pb: pg[pa].add(pb)
pc = sccs(list(bypkg), pg)
print('package-level import cycles:', len(pc))
for comp in pc: print('  ' + ' <-> '.join(sorted(comp)))
cc = [c for c in sccs(list(classes), graph) if len({x.rsplit('.', 1)[0] for x in c}) > 1]
print('class-level import cycles that cross a package boundary:', len(cc))
for comp in cc:
    names = sorted(x.replace('lu.entreprinder.persistence.', '') for x in comp)
    print('  ' + str(len(names)) + ' classes: ' + ', '.join(names[:12]) + (' …' if len(names) > 12 else ''))
