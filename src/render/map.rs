//! The town map: an SVG drawn at build time from the towns' `coordinates`, with no tile
//! server and nothing loaded from anyone else.
//!
//! The projection is equirectangular, with longitudes narrowed by the cosine of the frame's
//! middle latitude so that distances look right at Israel's latitudes (a degree of longitude
//! there is about 0.85 of a degree of latitude). The frame is `map.bbox` of site.yaml when
//! given, else the extent of all the site's towns plus a margin, so every map of a site has the
//! same frame and a town is always in the same place. Under the towns is the site's
//! `map.outline` picture, else the land and the sea (`land`: Natural Earth's public-domain
//! coastline, never a political border).
//!
//! A map is geographic and never mirrors: east is right on Hebrew and Arabic pages too. Each
//! town on a page is a link with its name; `labels` places the names so that no two overlap.

use std::sync::OnceLock;

use serde::Serialize;

mod labels;
mod land;

use labels::{Place, label_box, label_width, place_labels};

use crate::model::content::{Collection, Entry, Facts};
use crate::render::{Link, Model, Text};
use crate::text::lang::{Dir, own_dir};

/// Width of the map in SVG units; the theme shows it at most 30rem wide, and at 360 pixels
/// one unit is about one pixel.
const WIDTH: f64 = 360.0;
/// Label size in SVG units (the theme's CSS sets the same): about 12 pixels on a phone.
const FONT: f64 = 15.0;
/// The radius of a town's dot (the theme's map.html draws it so).
const DOT: f64 = 5.0;
/// Around the frame, room for a label that cannot stay inside it.
const PAD: f64 = 6.0;

/// Up to this many other towns are drawn as grey dots on a network's or initiative's map.
pub const MAX_CONTEXT_TOWNS: usize = 100;

/// The area a map shows, in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl Frame {
    /// The frame around `points` (`[lat, lon]`): their extent, a margin of a tenth of the larger
    /// side, at least 0.2° each way, and neither side more than twice the other.
    pub fn around(points: &[[f64; 2]]) -> Option<Frame> {
        let first = points.first()?;
        let (mut s, mut n, mut w, mut e) = (first[0], first[0], first[1], first[1]);
        for [lat, lon] in points {
            s = s.min(*lat);
            n = n.max(*lat);
            w = w.min(*lon);
            e = e.max(*lon);
        }
        let k = ((s + n) / 2.0).to_radians().cos();
        let margin = ((n - s).max((e - w) * k) / 10.0).max(0.05);
        let (mut s, mut n) = (s - margin, n + margin);
        let (mut w, mut e) = (w - margin / k, e + margin / k);
        let grow = |lo: &mut f64, hi: &mut f64, to: f64| {
            let extra = (to - (*hi - *lo)) / 2.0;
            if extra > 0.0 {
                *lo -= extra;
                *hi += extra;
            }
        };
        grow(&mut s, &mut n, 0.2);
        grow(&mut w, &mut e, 0.2 / k);
        // Neither side more than twice the other (in distance), so a map is neither a sliver
        // nor a strip.
        let (height, width) = (n - s, (e - w) * k);
        grow(&mut s, &mut n, width / 2.0);
        grow(&mut w, &mut e, height / 2.0 / k);
        Some(Frame {
            west: w,
            south: s,
            east: e,
            north: n,
        })
    }

    fn k(&self) -> f64 {
        ((self.south + self.north) / 2.0).to_radians().cos()
    }

    fn scale(&self) -> f64 {
        WIDTH / ((self.east - self.west) * self.k())
    }

    pub fn height(&self) -> f64 {
        (self.north - self.south) * self.scale()
    }

    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        (self.south..=self.north).contains(&lat) && (self.west..=self.east).contains(&lon)
    }

    /// `[lat, lon]` as (x, y) in SVG units: x grows eastwards, y southwards.
    pub fn project(&self, lat: f64, lon: f64) -> (f64, f64) {
        let s = self.scale();
        ((lon - self.west) * self.k() * s, (self.north - lat) * s)
    }
}

/// A map as a template draws it. Numbers are SVG units, written with one decimal.
#[derive(Debug, Clone, Serialize)]
pub struct TownMap {
    /// `towns`, `network` or `initiative`: which map it is.
    pub kind: &'static str,
    /// The UI string of its caption: `map-caption-towns`.
    pub caption_key: String,
    pub view_box: String,
    pub width: String,
    pub height: String,
    /// The site's picture under the towns, drawn over the whole frame.
    pub outline: Option<String>,
    /// Without `outline`: the land in the frame, the `d` of an SVG path (`land`).
    pub land: Option<String>,
    /// The towns of the page: links with a name.
    pub towns: Vec<MapTown>,
    /// The site's other towns, as small dots for orientation.
    pub others: Vec<(String, String)>,
    /// Towns of the page that cannot be drawn: no coordinates, or outside the frame.
    pub unplaced: Vec<Link>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MapTown {
    pub id: String,
    pub url: String,
    pub title: Text,
    /// The label's direction, for `direction` on the SVG text.
    pub dir: &'static str,
    pub x: String,
    pub y: String,
    pub label_x: String,
    pub label_y: String,
    /// `start`, `middle` or `end`, for the label's direction.
    pub anchor: &'static str,
    /// A line from the dot to its label, when the label stands away from the dot.
    pub leader: Option<Leader>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Leader {
    pub x1: String,
    pub y1: String,
    pub x2: String,
    pub y2: String,
}

fn coordinates(e: &Entry) -> Option<[f64; 2]> {
    match &e.facts {
        Facts::Town(f) => f.coordinates.as_ref().map(|c| c.value),
        _ => None,
    }
}

fn num(v: f64) -> String {
    format!("{v:.1}")
}

/// The frame of every map of the site: `map.bbox`, else around all towns with coordinates.
pub fn frame(m: &Model) -> Option<Frame> {
    *m.maps.frame.get_or_init(|| site_frame(m))
}

/// What every map of a site shares, worked out for the first map and kept: the frame around
/// the site's towns and the land in it as an SVG path. A change to a town's place makes a new
/// `Site`, and so new ones.
#[derive(Default)]
pub struct Shared {
    frame: OnceLock<Option<Frame>>,
    land: OnceLock<Option<String>>,
}

fn site_frame(m: &Model) -> Option<Frame> {
    if let Some([west, south, east, north]) = m.config.map.as_ref().and_then(|c| c.bbox) {
        return Some(Frame {
            west,
            south,
            east,
            north,
        });
    }
    let points: Vec<[f64; 2]> = m
        .content
        .of(Collection::Towns)
        .filter_map(coordinates)
        .collect();
    Frame::around(&points)
}

/// The map on a page of the list of collection `c`, which shows `shown` of `total` entries: on
/// the towns list, every town when the list is one page; when it is split, the towns of the
/// page, named, with the others as grey dots while they are few (a map naming 667 towns made
/// a page of 213 KB that no one could read).
pub fn list_map(
    m: &Model,
    c: Collection,
    shown: &[crate::render::Link],
    total: usize,
    lang: &str,
) -> Option<TownMap> {
    if c != Collection::Towns {
        return None;
    }
    if shown.len() >= total {
        return town_map(m, "towns", None, lang);
    }
    let ids: Vec<&str> = shown.iter().map(|l| l.id.as_str()).collect();
    town_map(m, "towns-page", Some(&ids), lang)
}

/// A town drawn on the map, at (x, y) in SVG units.
type Drawn<'e> = (&'e Entry, f64, f64);

/// The map of the towns `ids` (every town of the site when `None`) on a page in `lang`;
/// `None` when none of them can be drawn.
pub fn town_map(
    m: &Model,
    kind: &'static str,
    ids: Option<&[&str]>,
    lang: &str,
) -> Option<TownMap> {
    let frame = frame(m)?;
    let mine = towns_of(m, ids);
    let (drawn, unplaced) = place_towns(m, &frame, &mine, lang);
    if drawn.is_empty() {
        return None;
    }
    let others = other_towns(m, &frame, &mine);
    let height = frame.height();
    let outline = m
        .config
        .map
        .as_ref()
        .and_then(|c| c.outline.as_ref())
        .map(|o| m.config.link(o));
    let land = match outline {
        Some(_) => None,
        None => m
            .maps
            .land
            .get_or_init(|| land::embedded().and_then(|l| l.path(&frame)))
            .clone(),
    };
    Some(TownMap {
        kind,
        caption_key: format!("map-caption-{kind}"),
        view_box: format!(
            "{} {} {} {}",
            num(-PAD),
            num(-PAD),
            num(WIDTH + 2.0 * PAD),
            num(height + 2.0 * PAD)
        ),
        width: num(WIDTH),
        height: num(height),
        outline,
        land,
        towns: labelled_towns(m, &drawn, &others, height, lang),
        others: others.into_iter().map(|(x, y)| (num(x), num(y))).collect(),
        unplaced,
    })
}

/// The towns `ids` (every town of the site when `None`), each once.
fn towns_of<'m>(m: &Model<'m>, ids: Option<&[&str]>) -> Vec<&'m Entry> {
    match ids {
        Some(ids) => {
            let mut v: Vec<&Entry> = ids
                .iter()
                .filter_map(|id| m.content.get(Collection::Towns, id))
                .collect();
            v.dedup_by(|a, b| a.id == b.id);
            v
        }
        None => m.content.of(Collection::Towns).collect(),
    }
}

/// The towns of `mine` that can be drawn in `frame`, in reading order (north to south, then
/// west to east), and links to those that cannot, sorted as lists are.
fn place_towns<'e>(
    m: &Model,
    frame: &Frame,
    mine: &[&'e Entry],
    lang: &str,
) -> (Vec<Drawn<'e>>, Vec<Link>) {
    let mut drawn: Vec<Drawn> = Vec::new();
    let mut unplaced: Vec<Link> = Vec::new();
    for e in mine {
        match coordinates(e) {
            Some([lat, lon]) if frame.contains(lat, lon) => {
                let (x, y) = frame.project(lat, lon);
                drawn.push((e, x, y));
            }
            _ => unplaced.extend(m.link_to(Collection::Towns, &e.id, lang)),
        }
    }
    // Reading order in the document: north to south, then west to east.
    drawn.sort_by(|a, b| {
        a.2.total_cmp(&b.2)
            .then(a.1.total_cmp(&b.1))
            .then(a.0.id.cmp(&b.0.id))
    });
    m.sort_links(&mut unplaced, lang);
    (drawn, unplaced)
}

/// The site's other towns in `frame`, as (x, y): none past `MAX_CONTEXT_TOWNS`.
fn other_towns(m: &Model, frame: &Frame, mine: &[&Entry]) -> Vec<(f64, f64)> {
    let mut others: Vec<(f64, f64)> = m
        .content
        .of(Collection::Towns)
        .filter(|e| !mine.iter().any(|t| t.id == e.id))
        .filter_map(coordinates)
        .filter(|[lat, lon]| frame.contains(*lat, *lon))
        .map(|[lat, lon]| frame.project(lat, lon))
        .collect();
    // The other towns give a small site's map its context; on a large one they would be a
    // cloud of dots on every page (and make every page grow with the number of towns).
    if others.len() > MAX_CONTEXT_TOWNS {
        others.clear();
    }
    others
}

/// The drawn towns with their names, placed apart from each other and off every dot
/// (`others` too).
fn labelled_towns(
    m: &Model,
    drawn: &[Drawn],
    others: &[(f64, f64)],
    height: f64,
    lang: &str,
) -> Vec<MapTown> {
    let titles: Vec<Text> = drawn.iter().map(|(e, _, _)| m.title_of(e, lang)).collect();
    let points: Vec<(f64, f64, f64)> = drawn
        .iter()
        .zip(&titles)
        .map(|((_, x, y), t)| (*x, *y, label_width(&t.text)))
        .collect();
    let dots: Vec<(f64, f64)> = points
        .iter()
        .map(|(x, y, _)| (*x, *y))
        .chain(others.iter().copied())
        .collect();
    let places = place_labels(&points, &dots, height);
    drawn
        .iter()
        .zip(titles)
        .zip(places)
        .map(|((town, title), place)| map_town(m, town, title, place, lang))
        .collect()
}

/// One drawn town with its label at `place` around its dot.
fn map_town(m: &Model, (e, x, y): &Drawn, title: Text, place: Place, lang: &str) -> MapTown {
    let dir = m
        .config
        .language(&title.lang)
        .map(|l| l.dir)
        .unwrap_or(Dir::of_language(&title.lang));
    // A wholly Latin name on a right-to-left map keeps its own direction, full stop at its end.
    let dir = own_dir(&title.text, dir);
    let w = label_width(&title.text);
    let r = label_box(*x, *y, w, place);
    // The text is anchored at the box's edge next to the dot (widths are estimates, a little
    // generous: the slack goes to the far end). A left-to-right label starts at its left
    // edge, a right-to-left one at its right edge.
    use labels::Side::*;
    let (label_x, anchor) = match (place.side, dir) {
        (North | South, _) => ((r.0 + r.2) / 2.0, "middle"),
        (East | NorthEast | SouthEast, Dir::Ltr) => (r.0, "start"),
        (East | NorthEast | SouthEast, Dir::Rtl) => (r.0, "end"),
        (West | NorthWest | SouthWest, Dir::Ltr) => (r.2, "end"),
        (West | NorthWest | SouthWest, Dir::Rtl) => (r.2, "start"),
    };
    MapTown {
        id: e.id.clone(),
        url: m.entry_url(Collection::Towns, &e.id, lang),
        dir: dir.as_str(),
        x: num(*x),
        y: num(*y),
        label_x: num(label_x),
        label_y: num(r.1 + labels::ASCENT),
        anchor,
        leader: labels::leader(*x, *y, place, r).map(|(x1, y1, x2, y2)| Leader {
            x1: num(x1),
            y1: num(y1),
            x2: num(x2),
            y2: num(y2),
        }),
        title,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn east_is_right_and_north_is_up_with_longitudes_narrowed_by_latitude() {
        let f = Frame {
            west: 34.0,
            south: 31.0,
            east: 36.0,
            north: 33.0,
        };
        let (x, y) = f.project(33.0, 34.0);
        assert!(x.abs() < 1e-9 && y.abs() < 1e-9);
        let (x, y) = f.project(31.0, 36.0);
        assert!((x - WIDTH).abs() < 1e-9);
        // Two degrees of latitude are taller than two of longitude are wide, by 1/cos(32°).
        assert!(
            (y / x - 1.0 / 32f64.to_radians().cos()).abs() < 1e-9,
            "{y} {x}"
        );
    }

    #[test]
    fn the_frame_holds_every_town_with_a_margin_and_a_sensible_shape() {
        let towns = [[31.52, 34.60], [32.70, 35.30], [32.95, 35.19]];
        let f = Frame::around(&towns).expect("frame");
        for [lat, lon] in towns {
            assert!(f.contains(lat, lon));
            let (x, y) = f.project(lat, lon);
            assert!(x > 10.0 && x < WIDTH - 10.0 && y > 10.0 && y < f.height() - 10.0);
        }
        let ratio = f.height() / WIDTH;
        assert!((0.5..=2.0).contains(&ratio), "{ratio}");
        // One town alone still gets a frame around it.
        let one = Frame::around(&[[31.52, 34.60]]).expect("frame");
        assert!(one.contains(31.52, 34.60) && one.north - one.south >= 0.2);
        assert!(Frame::around(&[]).is_none());
    }
}
