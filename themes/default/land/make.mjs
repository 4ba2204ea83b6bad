// Writes land.txt: Natural Earth's land, clipped to a box around the Eastern Mediterranean,
// for the town map's default background. Run once, at development time, never by a build:
//
//   npm install --prefix /tmp/sulam-land world-atlas@2.0.2 topojson-client@3.1.0
//   node themes/default/land/make.mjs /tmp/sulam-land [10m|50m]
//
// Land only: the coastline and the land around it, never a political border.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const [modules, scale = '10m'] = process.argv.slice(2);
if (!modules) {
  console.error('usage: node make.mjs FOLDER_WITH_NODE_MODULES [10m|50m]');
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(modules), 'package.json'));
const { feature } = require('topojson-client');
const atlasVersion = require('world-atlas/package.json').version;
const topology = JSON.parse(fs.readFileSync(require.resolve(`world-atlas/land-${scale}.json`), 'utf8'));

// West, south, east, north in degrees: Israel and its neighbours with sea and land around them
// (Cyprus to the Nile delta, southern Turkey to the Red Sea), so that any Israeli town's map
// falls well inside.
const BOX = [28, 26, 40, 38];
// Coordinates are written in thousandths of a degree (about 100 m), finer than the source.
const UNIT = 1000;

/** Sutherland–Hodgman: the part of a closed ring inside BOX (its edges may run along BOX). */
function clip(ring) {
  const [w, s, e, n] = BOX;
  const edges = [
    [(p) => p[0] >= w, (a, b) => cut(a, b, 0, w)],
    [(p) => p[0] <= e, (a, b) => cut(a, b, 0, e)],
    [(p) => p[1] >= s, (a, b) => cut(a, b, 1, s)],
    [(p) => p[1] <= n, (a, b) => cut(a, b, 1, n)],
  ];
  let pts = ring.slice(0, -1);
  for (const [inside, cross] of edges) {
    const out = [];
    for (let i = 0; i < pts.length; i++) {
      const [a, b] = [pts[(i + pts.length - 1) % pts.length], pts[i]];
      if (inside(b)) {
        if (!inside(a)) out.push(cross(a, b));
        out.push(b);
      } else if (inside(a)) out.push(cross(a, b));
    }
    pts = out;
    if (!pts.length) break;
  }
  return pts;
}

function cut(a, b, axis, v) {
  const t = (v - a[axis]) / (b[axis] - a[axis]);
  const p = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  p[axis] = v;
  return p;
}

/** Rounded to UNIT, without repeated points or points in a straight line. */
function tidy(pts) {
  const r = pts.map(([x, y]) => [Math.round(x * UNIT), Math.round(y * UNIT)]);
  const out = [];
  for (const p of r) {
    const last = out[out.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) continue;
    if (out.length >= 2) {
      const q = out[out.length - 2];
      if ((last[0] - q[0]) * (p[1] - last[1]) === (last[1] - q[1]) * (p[0] - last[0])) out.pop();
    }
    out.push(p);
  }
  while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  return out;
}

const area = (pts) => pts.reduce((a, p, i) => {
  const q = pts[(i + 1) % pts.length];
  return a + p[0] * q[1] - q[0] * p[1];
}, 0) / 2;

const land = feature(topology, topology.objects.land);
const polygons = (land.features ?? [land]).flatMap((f) =>
  f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates);
const rings = [];
for (const polygon of polygons) {
  for (const ring of polygon) {
    const pts = tidy(clip(ring));
    if (pts.length >= 3 && area(pts) !== 0) rings.push(pts);
  }
}

const line = (pts) => pts.map((p, i) => (i === 0 ? p : [p[0] - pts[i - 1][0], p[1] - pts[i - 1][1]]).join(' ')).join(' ');
const here = path.dirname(fileURLToPath(import.meta.url));
const text = [
  `# Land around the Eastern Mediterranean, for the town map's background. No political borders.`,
  `# Source: Natural Earth ${scale.replace('m', '')}m land (public domain), as world-atlas ${atlasVersion} land-${scale}.json.`,
  `# Made by make.mjs in this folder (see README.md); do not edit by hand.`,
  `# "box" is west south east north; then one closed ring a line (outer rings and holes alike: fill`,
  `# even-odd): longitude latitude pairs in 1/${UNIT} degree, the first as is, each next one as the`,
  `# difference from the one before.`,
  `box ${BOX.map((v) => v * UNIT).join(' ')}`,
  ...rings.map(line),
  '',
].join('\n');
fs.writeFileSync(path.join(here, 'land.txt'), text);
const points = rings.reduce((n, r) => n + r.length, 0);
console.log(`land.txt: ${rings.length} rings, ${points} points, ${text.length} bytes (land-${scale}, world-atlas ${atlasVersion})`);
