//! The link stage: every reference checked against the entries that exist, facts checked for
//! form (years, dates, coordinates, files), and back-references collected so that each side
//! of a link can show the other.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::model::content::{
    Collection, Content, Entry, EntryKey, Facts, Figure, FigureValue, InitiativeFacts,
    NetworkFacts, NewsFacts, PageFacts, PartnerFacts, PersonFacts, Ref, Role, TownFacts,
};
use crate::model::folders;

/// An entry that names another: `from` names the entry this is stored under.
#[derive(Debug, Clone)]
pub struct BackRef {
    pub from: Collection,
    pub id: String,
    pub role: Option<Role>,
}

/// References both ways: back-references by the entry they point to, and the entries each
/// entry names.
#[derive(Debug, Default)]
pub struct Links {
    back: HashMap<(Collection, String), Vec<BackRef>>,
    forward: HashMap<(Collection, String), Vec<(Collection, String)>>,
    /// The old ids of renamed entries (`aliases:`), each with the id the entry has now.
    pub aliases: super::aliases::Aliases,
}

impl Links {
    /// The entries that name (`c`, `id`).
    pub fn to(&self, c: Collection, id: &str) -> &[BackRef] {
        self.back
            .get(&(c, id) as &dyn EntryKey)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The ids of entries of collection `from` that name (`c`, `id`).
    pub fn from_collection<'a>(
        &'a self,
        c: Collection,
        id: &str,
        from: Collection,
    ) -> impl Iterator<Item = &'a BackRef> {
        self.to(c, id).iter().filter(move |b| b.from == from)
    }

    /// The existing entries that (`c`, `id`) names.
    pub fn named_by(&self, c: Collection, id: &str) -> &[(Collection, String)] {
        self.forward
            .get(&(c, id) as &dyn EntryKey)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

/// The link stage at work: the content it checks against, where mistakes go, and the links
/// found so far.
struct Checker<'a> {
    content: &'a Content,
    diags: &'a mut Diagnostics,
    links: Links,
}

impl Checker<'_> {
    /// Records a reference to an existing entry both ways, or reports the missing one at the
    /// line that names it.
    fn reference(
        &mut self,
        entry: &Entry,
        field: &str,
        r: &Ref,
        target: Collection,
        role: Option<Role>,
    ) {
        let id = r.value.trim();
        if self.content.get(target, id).is_some() {
            self.links
                .back
                .entry((target, id.to_string()))
                .or_default()
                .push(BackRef {
                    from: entry.collection,
                    id: entry.id.clone(),
                    role,
                });
            self.links
                .forward
                .entry((entry.collection, entry.id.clone()))
                .or_default()
                .push((target, id.to_string()));
            return;
        }
        let what = singular(target);
        let renamed = self.links.aliases.get(&(target, id.to_string()));
        let mut d = if self.content.draft(target, id).is_some() {
            Diagnostic::warning(format!(
                "'{field}' names the {what} '{id}', a draft: its name is shown without a link \
                 until it is published"
            ))
            .hint(format!(
                "nothing to do if that is what you want; to publish it, remove 'draft: true' \
                 from content/{target}/{id}/"
            ))
        } else if let Some(new) = renamed {
            Diagnostic::error(format!(
                "{what} '{id}' (in '{field}') was renamed to '{new}'"
            ))
            .hint(format!("write '{new}' instead of '{id}'"))
        } else {
            Diagnostic::error(format!("{what} '{id}' (in '{field}') does not exist")).hint_opt(
                did_you_mean(id, self.content.ids(target))
                    .or_else(|| Some(format!("create content/{target}/{id}/ or correct the id"))),
            )
        };
        d = d.at(r.referenced.line(), r.referenced.column());
        if let Some(f) = &entry.facts_file {
            d = d.in_file(f);
        }
        self.diags.push(d);
    }

    fn error(
        &mut self,
        entry: &Entry,
        at: &serde_saphyr::Location,
        message: String,
        hint: Option<String>,
    ) {
        let mut d = Diagnostic::error(message)
            .at(at.line(), at.column())
            .hint_opt(hint);
        if let Some(f) = &entry.facts_file {
            d = d.in_file(f);
        }
        self.diags.push(d);
    }

    fn year(&mut self, entry: &Entry, field: &str, y: &Option<serde_saphyr::Spanned<i64>>) {
        if let Some(y) = y
            && !(1000..=9999).contains(&y.value)
        {
            self.error(
                entry,
                &y.referenced,
                format!("'{field}' must be a year of four digits, not {}", y.value),
                Some(format!("write e.g. {field}: 2024")),
            );
        }
    }

    fn file(&mut self, entry: &Entry, field: &str, name: &Option<serde_saphyr::Spanned<String>>) {
        let Some(name) = name else { return };
        let n = name.value.trim();
        // An asset's name is the one it is published under, which may be `n` in another
        // Unicode form than the file's own (content::publish_as_named).
        let ok = !n.contains("..")
            && !n.starts_with('/')
            && (entry
                .assets
                .iter()
                .any(|a| a.as_path() == std::path::Path::new(n))
                || entry.dir.join(n).is_file());
        if !ok {
            let names: Vec<String> = entry
                .assets
                .iter()
                .map(|p| p.to_string_lossy().to_string())
                .collect();
            self.error(
                entry,
                &name.referenced,
                format!("'{field}' names '{n}', which is not a file in this entry's folder"),
                did_you_mean(n, names.iter().map(String::as_str)).or_else(|| {
                    let folder = folders::entry_dir(entry.collection, &entry.id);
                    Some(format!("put the file in {}/", folder.display()))
                }),
            );
        } else if field == "image" {
            self.described(entry, name);
        }
    }

    /// An e-mail address and a phone number a reader's device can use.
    fn contact(
        &mut self,
        entry: &Entry,
        email: &Option<serde_saphyr::Spanned<String>>,
        phone: &Option<serde_saphyr::Spanned<String>>,
    ) {
        if let Some(e) = email
            && !super::contact::is_email(e.value.trim())
        {
            self.error(
                entry,
                &e.referenced,
                format!(
                    "'email' must be an e-mail address, not '{}'",
                    e.value.trim().escape_debug()
                ),
                Some("write the address alone, e.g. email: info@example.org".into()),
            );
        }
        if let Some(p) = phone
            && super::contact::tel_uri(&p.value).is_none()
        {
            self.error(
                entry,
                &p.referenced,
                format!(
                    "'phone' must be a phone number, not '{}'",
                    p.value.trim().escape_debug()
                ),
                Some(
                    "write the number as people dial it, e.g. phone: 03-1234567, \
                     +972-3-123-4567 or *2345 (one number; put opening hours in the text)"
                        .into(),
                ),
            );
        }
    }

    /// An entry's `image` needs words for readers who cannot see it: `image_alt` in at least
    /// one language file (the others fall back to it, as any text does). Logos and photos are
    /// described by the entry's title.
    fn described(&mut self, entry: &Entry, name: &serde_saphyr::Spanned<String>) {
        if entry.texts.is_empty()
            || entry.texts.values().any(|lf| {
                lf.front
                    .image_alt
                    .as_deref()
                    .is_some_and(|a| !a.trim().is_empty())
            })
        {
            return;
        }
        let files: Vec<String> = entry
            .texts
            .values()
            .filter_map(|lf| {
                lf.path
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
            })
            .collect();
        let mut d = Diagnostic::warning(format!(
            "the picture '{}' has no image_alt: readers who cannot see it will not know what it shows",
            name.value.trim()
        ))
        .at(name.referenced.line(), name.referenced.column())
        .hint(format!(
            "describe what it shows in the front matter of {}, e.g. image_alt: children planting trees in the schoolyard",
            files.join(", ")
        ));
        if let Some(f) = &entry.facts_file {
            d = d.in_file(f);
        }
        self.diags.push(d);
    }

    fn website(&mut self, entry: &Entry, w: &Option<serde_saphyr::Spanned<String>>) {
        let Some(w) = w else { return };
        let v = w.value.trim();
        if web_address(v) {
            return;
        }
        // The hint repeats the value only when it is a plain host name the author forgot the
        // scheme of (`www.example.org`); anything else gets a fixed example, so a hint never
        // shows a dangerous value as if it were the fix.
        let plain_host = !v.is_empty()
            && v.contains('.')
            && v.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-./".contains(c));
        let hint = if plain_host {
            format!("write it in full, e.g. https://{v}")
        } else {
            "write the whole address of the site, e.g. https://www.example.org".to_string()
        };
        self.error(
            entry,
            &w.referenced,
            format!(
                "'website' must be an http:// or https:// address, not '{}'",
                v.escape_debug()
            ),
            Some(hint),
        );
    }
}

/// How a message names one entry of `c` ("town 'x' does not exist").
pub fn singular(c: Collection) -> &'static str {
    match c {
        Collection::Initiatives => "initiative",
        Collection::Partners => "partner",
        Collection::Towns => "town",
        Collection::Networks => "network",
        Collection::Domains => "domain",
        Collection::Sectors => "sector",
        Collection::People => "person",
        Collection::Pages => "page",
        Collection::News => "news item",
    }
}

/// Checks every entry's facts and collects back-references.
pub fn link(content: &Content, diags: &mut Diagnostics) -> Links {
    let aliases = super::aliases::collect(content, diags);
    let mut ck = Checker {
        content,
        diags,
        links: Links {
            aliases,
            ..Links::default()
        },
    };
    for entry in content.entries.values() {
        if facts_unread(entry) {
            // Its common.yaml did not parse: that one mistake is told, not what follows
            // from the facts being empty (no date, no towns, labels without values).
            continue;
        }
        match &entry.facts {
            Facts::Initiative(f) => ck.initiative(entry, f),
            Facts::Partner(f) => ck.partner(entry, f),
            Facts::Town(f) => ck.town(entry, f),
            Facts::Network(f) => ck.network(entry, f),
            Facts::Person(f) => ck.person(entry, f),
            Facts::News(f) => ck.news(entry, f),
            Facts::Page(f) => ck.page(entry, f),
            Facts::Term(_) => {}
        }
    }
    ck.links
}

/// The checks of each collection's facts, in the order their diagnostics are reported.
impl Checker<'_> {
    fn initiative(&mut self, entry: &Entry, f: &InitiativeFacts) {
        for p in &f.partners {
            self.reference(entry, "partners", &p.id, Collection::Partners, p.role);
        }
        for r in &f.towns {
            self.reference(entry, "towns", r, Collection::Towns, None);
        }
        for r in &f.networks {
            self.reference(entry, "networks", r, Collection::Networks, None);
        }
        for r in &f.domains {
            self.reference(entry, "domains", r, Collection::Domains, None);
        }
        for r in &f.related {
            if r.value == entry.id {
                self.error(
                    entry,
                    &r.referenced,
                    "an initiative cannot be related to itself".into(),
                    Some("remove it from 'related'".into()),
                );
                continue;
            }
            self.reference(entry, "related", r, Collection::Initiatives, None);
        }
        self.initiative_span(entry, f);
        self.file(entry, "image", &f.image);
        self.website(entry, &f.website);
    }

    /// The years and ages an initiative covers: each well formed, and in order.
    fn initiative_span(&mut self, entry: &Entry, f: &InitiativeFacts) {
        self.year(entry, "started", &f.started);
        self.year(entry, "ends", &f.ends);
        if let (Some(s), Some(e)) = (&f.started, &f.ends)
            && e.value < s.value
        {
            self.error(
                entry,
                &e.referenced,
                format!("'ends' ({}) is before 'started' ({})", e.value, s.value),
                None,
            );
        }
        if let Some(a) = &f.ages
            && a.value.from > a.value.to
        {
            self.error(
                entry,
                &a.referenced,
                format!(
                    "'ages' goes from {} to {}: 'from' must not be above 'to'",
                    a.value.from, a.value.to
                ),
                None,
            );
        }
    }

    fn partner(&mut self, entry: &Entry, f: &PartnerFacts) {
        if let Some(s) = &f.sector {
            self.reference(entry, "sector", s, Collection::Sectors, None);
        }
        self.file(entry, "logo", &f.logo);
        self.website(entry, &f.website);
        self.contact(entry, &f.email, &f.phone);
    }

    fn town(&mut self, entry: &Entry, f: &TownFacts) {
        if let Some(c) = &f.coordinates {
            let [lat, lon] = c.value;
            if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                self.error(
                    entry,
                    &c.referenced,
                    format!("coordinates [{lat}, {lon}] are not [latitude, longitude] in degrees"),
                    Some("write e.g. coordinates: [31.52, 34.60] (latitude first)".into()),
                );
            }
        }
        if let Some(c) = &f.cluster
            && !(1..=10).contains(&c.value)
        {
            self.error(
                entry,
                &c.referenced,
                format!(
                    "'cluster' is a socio-economic cluster from 1 to 10, not {}",
                    c.value
                ),
                None,
            );
        }
    }

    fn network(&mut self, entry: &Entry, f: &NetworkFacts) {
        if f.towns.is_empty() {
            let d = Diagnostic::error("a network needs 'towns': the towns that take part in it")
                .hint("add e.g. towns: [sderot, ofakim]")
                .in_file(facts_file(entry));
            self.diags.push(d);
        }
        for r in &f.towns {
            self.reference(entry, "towns", r, Collection::Towns, None);
        }
        for r in &f.initiatives {
            self.reference(entry, "initiatives", r, Collection::Initiatives, None);
        }
    }

    fn person(&mut self, entry: &Entry, f: &PersonFacts) {
        if let Some(o) = &f.organisation {
            self.reference(entry, "organisation", o, Collection::Partners, None);
        }
        self.file(entry, "photo", &f.photo);
        self.contact(entry, &f.email, &f.phone);
    }

    fn news(&mut self, entry: &Entry, f: &NewsFacts) {
        match &f.date {
            None => {
                let d = Diagnostic::error("a news item needs a 'date'")
                    .in_file(facts_file(entry))
                    .hint("add a line date: 2026-11-23 to common.yaml");
                self.diags.push(d);
            }
            Some(d) if crate::text::format::parse_date(d.value.trim()).is_none() => {
                self.error(
                    entry,
                    &d.referenced,
                    format!("'{}' is not a date", d.value),
                    Some("write dates as YYYY-MM-DD, e.g. 2026-11-23".into()),
                );
            }
            _ => {}
        }
        for r in &f.initiatives {
            self.reference(entry, "initiatives", r, Collection::Initiatives, None);
        }
        self.file(entry, "image", &f.image);
    }

    /// A page's figures: each id once in common.yaml, each value one the page can show, and
    /// every label in a language file naming one of them.
    fn page(&mut self, entry: &Entry, f: &PageFacts) {
        let mut seen = HashSet::new();
        for fig in &f.figures {
            self.figure_value(entry, &fig.value);
            if !seen.insert(fig.value.id.clone()) {
                self.error(
                    entry,
                    &fig.referenced,
                    format!("the figure id '{}' is used twice", fig.value.id),
                    None,
                );
            }
        }
        for (lang, lf) in &entry.texts {
            for key in lf.front.figures.iter().flat_map(|m| m.keys()) {
                if !seen.contains(key) {
                    self.diags.push(
                        Diagnostic::error(format!(
                            "the figure '{key}' has a label in {lang}.md but no value in common.yaml"
                        ))
                        .in_file(&lf.path)
                        .hint_opt(did_you_mean(key, seen.iter().map(String::as_str))),
                    );
                }
            }
        }
    }
}

impl Checker<'_> {
    /// A range goes from the smaller number to the larger; a unit or `approx` needs a number.
    fn figure_value(&mut self, entry: &Entry, fig: &Figure) {
        let at = &fig.value.referenced;
        match &fig.value.value {
            FigureValue::Range([from, to]) if from > to => self.error(
                entry,
                at,
                format!(
                    "the range [{from}, {to}] of the figure '{}' goes down",
                    fig.id
                ),
                Some(format!("write the smaller number first: [{to}, {from}]")),
            ),
            FigureValue::Text(text) if fig.unit.is_some() || fig.approx => {
                let field = if fig.unit.is_some() { "unit" } else { "approx" };
                self.error(
                    entry,
                    at,
                    format!(
                        "the figure '{}' has '{field}', which needs a number, but its value is the text '{text}'",
                        fig.id
                    ),
                    Some("write the value as a number (170) or a range of two numbers ([170, 200])".into()),
                );
            }
            _ => {}
        }
    }
}

/// Whether the entry's `common.yaml` could not be read or parsed.
fn facts_unread(entry: &Entry) -> bool {
    entry.facts_file.as_ref().is_some_and(|f| {
        entry.problems.iter().any(|p| {
            p.severity == crate::diagnostics::Severity::Error && p.file.as_ref() == Some(f)
        })
    })
}

/// Where an entry's facts are, or would be: the file to name in a message about a missing fact.
fn facts_file(entry: &Entry) -> PathBuf {
    entry
        .facts_file
        .clone()
        .unwrap_or_else(|| folders::entry_dir(entry.collection, &entry.id).join("common.yaml"))
}

/// Whether `v` is an http or https address with a host name: the value goes into an `href`
/// and into JSON-LD, so it may hold no spaces, quotes, `<`, `>` or control characters.
fn web_address(v: &str) -> bool {
    let Some(rest) = v
        .strip_prefix("https://")
        .or_else(|| v.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let (name, port) = host.split_once(':').unwrap_or((host, ""));
    !name.is_empty()
        && name.contains('.')
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
        && port.chars().all(|c| c.is_ascii_digit())
        && !v
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || "\"'<>`\\".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_web_address_has_a_host_name_and_nothing_that_would_break_out_of_an_attribute() {
        for ok in [
            "https://www.example.org",
            "http://example.org/a/b?c=d#e",
            "https://example.org:8443/x",
            "https://a-b.example.org",
            "https://דוגמה.co.il/עמוד",
        ] {
            assert!(web_address(ok), "{ok}");
        }
        for bad in [
            "www.example.org",
            "ftp://example.org",
            "https://",
            "https://:443",
            "https://localhost",
            "https://ex_ample.org",
            "https://example.org:80a",
            "https://javascript:alert(1)",
            "https://example.org/a b",
            "https://example.org/\u{7}",
            "https://example.org/\"x",
            "https://example.org/'x",
            "https://example.org/<x>",
            "https://example.org/`x`",
            "https://example.org/a\\b",
        ] {
            assert!(!web_address(bad), "{bad}");
        }
    }
}
