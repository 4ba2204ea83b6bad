//! The land under the town map when the site gives no `map.outline`: Natural Earth's land
//! around the Eastern Mediterranean (public domain; `themes/default/land/`, made once at
//! development time by `make.mjs` there), clipped to the map's frame, projected as the towns
//! are, and simplified to the drawing's scale so that a page carries a path of a few hundred
//! bytes, not the whole coastline. Land and sea only: no political border is drawn.
//!
//! A frame that is not wholly inside the data's box gets no land, since the box's edge would
//! be drawn as a coast that is not there.

use std::fmt::Write;
use std::sync::OnceLock;

use super::{Frame, WIDTH};

/// The file in the default theme (embedded by `render::theme`).
pub const FILE: &str = "land/land.txt";

/// Points closer than this (SVG units, about a pixel on a phone) to the line through their
/// neighbours are left out.
const TOLERANCE: f64 = 0.6;

/// The land of the data file: its box and its closed rings, in degrees (`[lon, lat]`).
#[derive(Debug)]
pub struct Land {
    /// `[west, south, east, north]`.
    pub bbox: [f64; 4],
    pub rings: Vec<Vec<[f64; 2]>>,
}

/// The embedded land, read once.
pub fn embedded() -> Option<&'static Land> {
    static LAND: OnceLock<Option<Land>> = OnceLock::new();
    LAND.get_or_init(|| {
        let (_, bytes) = crate::render::theme::DEFAULT
            .iter()
            .find(|(p, _)| *p == FILE)?;
        parse(std::str::from_utf8(bytes).ok()?)
    })
    .as_ref()
}

/// `land.txt`: `#` comments, `box W S E N`, then one ring a line: the first point, then each
/// next as the difference from the one before, in 1/1000 degree.
pub fn parse(text: &str) -> Option<Land> {
    const UNIT: f64 = 1000.0;
    let mut lines = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty());
    let numbers = |l: &str| -> Option<Vec<i64>> {
        l.split_ascii_whitespace().map(|n| n.parse().ok()).collect()
    };
    let b = numbers(lines.next()?.strip_prefix("box ")?)?;
    let bbox = [b.first()?, b.get(1)?, b.get(2)?, b.get(3)?].map(|v| *v as f64 / UNIT);
    let mut rings = Vec::new();
    for l in lines {
        let n = numbers(l)?;
        if n.len() % 2 != 0 || n.len() < 6 {
            return None;
        }
        let (mut x, mut y) = (0, 0);
        let ring = n
            .chunks(2)
            .map(|d| {
                x += d[0];
                y += d[1];
                [x as f64 / UNIT, y as f64 / UNIT]
            })
            .collect();
        rings.push(ring);
    }
    Some(Land { bbox, rings })
}

impl Land {
    /// The land inside `frame` as the `d` of an SVG path (fill even-odd) in the map's units;
    /// `None` when the frame is not inside the data's box, or holds no land.
    pub fn path(&self, frame: &Frame) -> Option<String> {
        let [w, s, e, n] = self.bbox;
        if frame.west < w || frame.east > e || frame.south < s || frame.north > n {
            return None;
        }
        let (width, height) = (WIDTH, frame.height());
        let mut d = String::new();
        for ring in &self.rings {
            let projected: Vec<(f64, f64)> = ring
                .iter()
                .map(|[lon, lat]| frame.project(*lat, *lon))
                .collect();
            let clipped = clip(&projected, width, height);
            let kept = simplify(&clipped, width, height);
            if kept.len() >= 3 {
                write_ring(&mut d, &kept);
            }
        }
        (!d.is_empty()).then_some(d)
    }
}

/// Sutherland–Hodgman: the part of a closed ring inside (0, 0)–(width, height). Where land
/// goes out of the frame and comes back, the result runs along the frame's edge (drawn under
/// the frame's border, so no false coast shows).
fn clip(ring: &[(f64, f64)], width: f64, height: f64) -> Vec<(f64, f64)> {
    type Inside = fn(&(f64, f64), f64) -> bool;
    let edges: [(Inside, usize, f64); 4] = [
        (|p, _| p.0 >= 0.0, 0, 0.0),
        (|p, v| p.0 <= v, 0, width),
        (|p, _| p.1 >= 0.0, 1, 0.0),
        (|p, v| p.1 <= v, 1, height),
    ];
    let mut pts = ring.to_vec();
    for (inside, axis, v) in edges {
        let mut out = Vec::with_capacity(pts.len());
        for i in 0..pts.len() {
            let (a, b) = (pts[(i + pts.len() - 1) % pts.len()], pts[i]);
            let (a_in, b_in) = (inside(&a, v), inside(&b, v));
            if a_in != b_in {
                out.push(cut(a, b, axis, v));
            }
            if b_in {
                out.push(b);
            }
        }
        pts = out;
        if pts.is_empty() {
            break;
        }
    }
    pts
}

/// Where the segment a–b crosses `axis` (0: x, 1: y) = `v`.
fn cut(a: (f64, f64), b: (f64, f64), axis: usize, v: f64) -> (f64, f64) {
    if axis == 0 {
        let t = (v - a.0) / (b.0 - a.0);
        (v, a.1 + t * (b.1 - a.1))
    } else {
        let t = (v - a.1) / (b.1 - a.1);
        (a.0 + t * (b.0 - a.0), v)
    }
}

/// The ring with the points that matter at the drawing's scale (Douglas–Peucker between
/// points on the frame's edge, which are all kept so the land still meets the edge).
fn simplify(ring: &[(f64, f64)], width: f64, height: f64) -> Vec<(f64, f64)> {
    let on_edge = |p: &(f64, f64)| {
        p.0.abs() < 1e-9
            || p.1.abs() < 1e-9
            || (p.0 - width).abs() < 1e-9
            || (p.1 - height).abs() < 1e-9
    };
    let n = ring.len();
    if n < 4 {
        return ring.to_vec();
    }
    let mut keep = vec![false; n];
    let mut anchors: Vec<usize> = (0..n).filter(|i| on_edge(&ring[*i])).collect();
    if anchors.is_empty() {
        // An island: start from its first point and the point farthest from it.
        let far = (1..n)
            .max_by(|a, b| dist2(ring[0], ring[*a]).total_cmp(&dist2(ring[0], ring[*b])))
            .unwrap_or(0);
        anchors = vec![0, far];
    }
    for (k, &a) in anchors.iter().enumerate() {
        keep[a] = true;
        let b = anchors[(k + 1) % anchors.len()];
        // The run from a to b around the ring (b after a, wrapping).
        let run: Vec<usize> = (0..=((b + n - a - 1) % n + 1))
            .map(|j| (a + j) % n)
            .collect();
        douglas_peucker(ring, &run, &mut keep);
    }
    (0..n).filter(|i| keep[*i]).map(|i| ring[i]).collect()
}

fn douglas_peucker(ring: &[(f64, f64)], run: &[usize], keep: &mut [bool]) {
    if run.len() < 3 {
        return;
    }
    let (a, b) = (ring[run[0]], ring[run[run.len() - 1]]);
    let (mut far, mut far_d) = (0, 0.0);
    for (j, &i) in run.iter().enumerate().take(run.len() - 1).skip(1) {
        let d = off_line(ring[i], a, b);
        if d > far_d {
            (far, far_d) = (j, d);
        }
    }
    if far_d > TOLERANCE {
        keep[run[far]] = true;
        douglas_peucker(ring, &run[..=far], keep);
        douglas_peucker(ring, &run[far..], keep);
    }
}

fn dist2(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)
}

/// How far p is from the segment a–b.
fn off_line(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let len2 = dist2(a, b);
    if len2 == 0.0 {
        return dist2(p, a).sqrt();
    }
    let t = (((p.0 - a.0) * (b.0 - a.0) + (p.1 - a.1) * (b.1 - a.1)) / len2).clamp(0.0, 1.0);
    dist2(p, (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1))).sqrt()
}

/// One ring as `M x y l dx dy … z` in whole units (about a pixel on a phone), each step from
/// the rounded point before it so that rounding never adds up; nothing when rounding leaves
/// fewer than three points.
fn write_ring(d: &mut String, ring: &[(f64, f64)]) {
    let mut pts: Vec<(i64, i64)> = Vec::with_capacity(ring.len());
    for p in ring {
        let r = (p.0.round() as i64, p.1.round() as i64);
        if pts.last() != Some(&r) {
            pts.push(r);
        }
    }
    if pts.len() < 3 {
        return;
    }
    let _ = write!(d, "M{} {}l", pts[0].0, pts[0].1);
    for (i, w) in pts.windows(2).enumerate() {
        let (dx, dy) = (w[1].0 - w[0].0, w[1].1 - w[0].1);
        // A minus sign separates numbers by itself.
        let sep = |v: i64| if v < 0 { "" } else { " " };
        let first = if i == 0 { "" } else { sep(dx) };
        let _ = write!(d, "{first}{dx}{}{dy}", sep(dy));
    }
    d.push('z');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example_frame() -> Frame {
        // The example site's towns, from Ofakim to Yarka.
        Frame::around(&[
            [31.31, 34.62],
            [32.95, 35.19],
            [32.79, 35.53],
            [31.67, 34.57],
        ])
        .expect("frame")
    }

    #[test]
    fn the_embedded_land_reads_and_covers_israel_and_its_neighbours() {
        let land = embedded().expect("land.txt parses");
        let [w, s, e, n] = land.bbox;
        assert!(
            w <= 30.0 && s <= 27.0 && e >= 38.0 && n >= 36.0,
            "{:?}",
            land.bbox
        );
        assert!(!land.rings.is_empty());
        for ring in &land.rings {
            for [lon, lat] in ring {
                assert!(
                    (w..=e).contains(lon) && (s..=n).contains(lat),
                    "{lon} {lat}"
                );
            }
        }
    }

    #[test]
    fn the_example_map_has_land_in_the_east_and_sea_in_the_west_in_a_few_hundred_bytes() {
        let f = example_frame();
        let d = embedded().and_then(|l| l.path(&f)).expect("land");
        assert!(d.starts_with('M') && d.ends_with('z'), "{d}");
        assert!(d.len() < 4000, "{} bytes", d.len());
        // Every point is inside the frame; the west (the sea off Ashkelon) is not land, the
        // east (the Galilee) is.
        let rings = rings(&d);
        assert!(rings.concat().len() > 10);
        for (x, y) in rings.concat() {
            assert!((-0.5..=WIDTH + 0.5).contains(&x) && (-0.5..=f.height() + 0.5).contains(&y));
        }
        let (sea, galilee) = (f.project(31.7, 34.4), f.project(32.8, 35.4));
        assert!(!inside(&rings, sea) && inside(&rings, galilee));
    }

    /// The rings of a path written by `write_ring`, as absolute points.
    fn rings(d: &str) -> Vec<Vec<(f64, f64)>> {
        let mut out = Vec::new();
        for ring in d.split('z').filter(|r| !r.is_empty()) {
            let (start, steps) = ring.trim_start_matches('M').split_once('l').expect("l");
            let n = |s: &str| -> Vec<f64> {
                s.replace('-', " -")
                    .split_whitespace()
                    .map(|v| v.parse().expect("number"))
                    .collect()
            };
            let (s0, st) = (n(start), n(steps));
            let (mut x, mut y) = (s0[0], s0[1]);
            let mut r = vec![(x, y)];
            for c in st.chunks(2) {
                (x, y) = (x + c[0], y + c[1]);
                r.push((x, y));
            }
            out.push(r);
        }
        out
    }

    /// Whether p is inside the rings (even-odd).
    fn inside(rings: &[Vec<(f64, f64)>], p: (f64, f64)) -> bool {
        let mut c = false;
        for pts in rings {
            for i in 0..pts.len() {
                let (a, b) = (pts[i], pts[(i + 1) % pts.len()]);
                if (a.1 > p.1) != (b.1 > p.1) && p.0 < a.0 + (p.1 - a.1) / (b.1 - a.1) * (b.0 - a.0)
                {
                    c = !c;
                }
            }
        }
        c
    }

    #[test]
    fn clipping_keeps_the_part_inside_and_runs_along_the_edge() {
        // A square half out of a 10 by 10 frame.
        let sq = [(5.0, 2.0), (15.0, 2.0), (15.0, 8.0), (5.0, 8.0)];
        let c = clip(&sq, 10.0, 10.0);
        assert_eq!(c.len(), 4);
        assert!(c.iter().all(|p| p.0 <= 10.0 && p.0 >= 5.0));
        assert!(c.contains(&(10.0, 2.0)) && c.contains(&(10.0, 8.0)));
        // Wholly outside: nothing.
        assert!(clip(&[(20.0, 2.0), (30.0, 2.0), (30.0, 8.0)], 10.0, 10.0).is_empty());
    }

    #[test]
    fn simplifying_drops_points_near_the_line_and_keeps_the_corners_on_the_edge() {
        let ring = [
            (0.0, 0.0),
            (5.0, 0.2),
            (10.0, 0.0),
            (10.0, 10.0),
            (5.0, 9.0),
            (0.0, 10.0),
        ];
        let s = simplify(&ring, 10.0, 10.0);
        assert!(!s.contains(&(5.0, 0.2)), "{s:?}");
        assert!(s.contains(&(5.0, 9.0)), "{s:?}");
        for corner in [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)] {
            assert!(s.contains(&corner), "{s:?}");
        }
    }

    #[test]
    fn a_frame_outside_the_data_gets_no_land() {
        let land = embedded().expect("land");
        let far = Frame {
            west: -10.0,
            south: 50.0,
            east: -9.0,
            north: 51.0,
        };
        assert!(land.path(&far).is_none());
    }
}
