//! Discover and parse the knowledge base: `content/<collection>/<id>/` folders with a
//! `common.yaml` of facts and one `<lang>.md` of text per language.
//!
//! Each collection's fields are typed structs that refuse unknown keys, so a typo is an error
//! with a suggestion rather than a silently missing fact. References keep their YAML position,
//! so a broken one can be reported at its line.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};
use serde_saphyr::Spanned;

use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::model::config::SiteConfig;
use crate::model::files;
use crate::model::folders;
use crate::model::names::{self, Name};
use crate::model::stamp::Stamp;
use crate::model::yaml::{parse_error, yaml_options};
use crate::text::figure::Unit;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Collection {
    Initiatives,
    Partners,
    Towns,
    Networks,
    Domains,
    Sectors,
    People,
    Pages,
    News,
}

impl Collection {
    pub const ALL: [Collection; 9] = [
        Collection::Initiatives,
        Collection::Partners,
        Collection::Towns,
        Collection::Networks,
        Collection::Domains,
        Collection::Sectors,
        Collection::People,
        Collection::News,
        Collection::Pages,
    ];

    /// The folder name under `content/`, also the collection's part of every address.
    pub fn name(self) -> &'static str {
        match self {
            Collection::Initiatives => "initiatives",
            Collection::Partners => "partners",
            Collection::Towns => "towns",
            Collection::Networks => "networks",
            Collection::Domains => "domains",
            Collection::Sectors => "sectors",
            Collection::People => "people",
            Collection::Pages => "pages",
            Collection::News => "news",
        }
    }

    pub fn from_name(name: &str) -> Option<Collection> {
        Collection::ALL.into_iter().find(|c| c.name() == name)
    }
}

impl fmt::Display for Collection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An id written in a YAML file, with where it was written.
pub type Ref = Spanned<String>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Lead,
    Funder,
    Operator,
    Partner,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::Funder => "funder",
            Role::Operator => "operator",
            Role::Partner => "partner",
        }
    }
}

/// `partners:` items: an id, or `{id, role}`.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerRef {
    pub id: Ref,
    pub role: Option<Role>,
}

impl<'de> Deserialize<'de> for PartnerRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        // Read as a plain value first, so that a mistake gets a message about partners
        // rather than serde's "did not match any variant".
        let item: Spanned<serde_json::Value> = Spanned::deserialize(d)?;
        let spanned_id = |id: String| Spanned::new(id, item.referenced, item.defined);
        match &item.value {
            serde_json::Value::String(id) => Ok(PartnerRef {
                id: spanned_id(id.clone()),
                role: None,
            }),
            serde_json::Value::Object(map) => {
                if let Some(k) = map.keys().find(|k| *k != "id" && *k != "role") {
                    return Err(D::Error::custom(format!(
                        "unknown field `{k}`, expected one of `id`, `role`"
                    )));
                }
                let Some(serde_json::Value::String(id)) = map.get("id") else {
                    return Err(D::Error::custom("missing field `id`"));
                };
                let role = match map.get("role") {
                    None | Some(serde_json::Value::Null) => None,
                    Some(serde_json::Value::String(r)) => Some(match r.as_str() {
                        "lead" => Role::Lead,
                        "funder" => Role::Funder,
                        "operator" => Role::Operator,
                        "partner" => Role::Partner,
                        other => {
                            return Err(D::Error::custom(format!(
                                "unknown variant `{other}`, expected one of `lead`, `funder`, `operator`, `partner`"
                            )));
                        }
                    }),
                    Some(_) => {
                        return Err(D::Error::custom(
                            "unknown variant, expected one of `lead`, `funder`, `operator`, `partner`",
                        ));
                    }
                };
                Ok(PartnerRef {
                    id: spanned_id(id.clone()),
                    role,
                })
            }
            _ => Err(D::Error::custom(
                "a partner is an id (acme) or {id: acme, role: lead}; role is lead, funder, operator or partner",
            )),
        }
    }
}

// By hand, as its Deserialize is: an id, or `{id, role}`.
impl JsonSchema for PartnerRef {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartnerRef".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let role = generator.subschema_for::<Role>();
        schemars::json_schema!({
            "description": "A partner's id, or {id, role}.",
            "anyOf": [
                { "type": "string", "x-sulam-ref": "partners" },
                {
                    "type": "object",
                    "properties": {
                        "id": { "type": "string", "x-sulam-ref": "partners" },
                        "role": role
                    },
                    "required": ["id"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Planned,
    Active,
    Completed,
}

impl Status {
    /// In the order of an initiative's life.
    pub const ALL: [Status; 3] = [Status::Planned, Status::Active, Status::Completed];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum District {
    North,
    Haifa,
    Center,
    TelAviv,
    Jerusalem,
    South,
    JudeaSamaria,
}

impl District {
    /// North to south, as the Central Bureau of Statistics lists them.
    pub const ALL: [District; 7] = [
        District::North,
        District::Haifa,
        District::Center,
        District::TelAviv,
        District::Jerusalem,
        District::South,
        District::JudeaSamaria,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TownKind {
    City,
    LocalCouncil,
    RegionalCouncil,
    Cluster,
}

#[derive(Debug, Clone, PartialEq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ages {
    pub from: u8,
    pub to: u8,
}

type Extra = Option<serde_json::Value>;

#[derive(Debug, Clone, PartialEq, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InitiativeFacts {
    #[serde(default)]
    pub partners: Vec<PartnerRef>,
    #[serde(default)]
    #[schemars(with = "Vec<String>", extend("x-sulam-ref" = "towns"))]
    pub towns: Vec<Ref>,
    #[serde(default)]
    #[schemars(with = "Vec<String>", extend("x-sulam-ref" = "networks"))]
    pub networks: Vec<Ref>,
    #[serde(default)]
    #[schemars(with = "Vec<String>", extend("x-sulam-ref" = "domains"))]
    pub domains: Vec<Ref>,
    #[schemars(with = "Option<Ages>")]
    pub ages: Option<Spanned<Ages>>,
    #[schemars(with = "Option<i64>", extend("minimum" = 1000, "maximum" = 9999))]
    pub started: Option<Spanned<i64>>,
    #[schemars(with = "Option<i64>", extend("minimum" = 1000, "maximum" = 9999))]
    pub ends: Option<Spanned<i64>>,
    pub status: Option<Status>,
    #[serde(default)]
    #[schemars(with = "Vec<String>", extend("x-sulam-ref" = "initiatives"))]
    pub related: Vec<Ref>,
    #[schemars(with = "Option<String>")]
    pub image: Option<Spanned<String>>,
    #[schemars(with = "Option<String>", extend("pattern" = "^https?://"))]
    pub website: Option<Spanned<String>>,
    pub order: Option<i64>,
    /// Not published yet: `draft: true` (docs/drafts.md).
    pub draft: Option<bool>,
    /// The ids the entry had before a rename; each old address sends readers on.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Ref>,
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartnerFacts {
    #[schemars(with = "Option<String>", extend("x-sulam-ref" = "sectors"))]
    pub sector: Option<Ref>,
    #[schemars(with = "Option<String>")]
    pub logo: Option<Spanned<String>>,
    #[schemars(with = "Option<String>", extend("pattern" = "^https?://"))]
    pub website: Option<Spanned<String>>,
    #[schemars(with = "Option<String>")]
    pub email: Option<Spanned<String>>,
    /// As people write it in Israel: `03-1234567`, `+972-3-123-4567`, `*2345`.
    #[schemars(with = "Option<String>")]
    pub phone: Option<Spanned<String>>,
    /// Not published yet: `draft: true` (docs/drafts.md).
    pub draft: Option<bool>,
    /// The ids the entry had before a rename; each old address sends readers on.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Ref>,
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TownFacts {
    pub district: Option<District>,
    /// [latitude, longitude] in degrees.
    #[schemars(with = "Option<[f64; 2]>")]
    pub coordinates: Option<Spanned<[f64; 2]>>,
    /// The socio-economic cluster, 1 to 10.
    #[schemars(with = "Option<i64>", extend("minimum" = 1, "maximum" = 10))]
    pub cluster: Option<Spanned<i64>>,
    pub kind: Option<TownKind>,
    /// Not published yet: `draft: true` (docs/drafts.md).
    pub draft: Option<bool>,
    /// The ids the entry had before a rename; each old address sends readers on.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Ref>,
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NetworkFacts {
    #[serde(default)]
    #[schemars(with = "Vec<String>", extend("x-sulam-ref" = "towns"))]
    pub towns: Vec<Ref>,
    #[serde(default)]
    #[schemars(with = "Vec<String>", extend("x-sulam-ref" = "initiatives"))]
    pub initiatives: Vec<Ref>,
    /// Not published yet: `draft: true` (docs/drafts.md).
    pub draft: Option<bool>,
    /// The ids the entry had before a rename; each old address sends readers on.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Ref>,
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TermFacts {
    /// Not published yet: `draft: true` (docs/drafts.md).
    pub draft: Option<bool>,
    /// The ids the entry had before a rename; each old address sends readers on.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Ref>,
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonFacts {
    #[schemars(with = "Option<String>")]
    pub photo: Option<Spanned<String>>,
    #[schemars(with = "Option<String>", extend("x-sulam-ref" = "partners"))]
    pub organisation: Option<Ref>,
    pub order: Option<i64>,
    #[schemars(with = "Option<String>")]
    pub email: Option<Spanned<String>>,
    #[schemars(with = "Option<String>")]
    pub phone: Option<Spanned<String>>,
    /// Not published yet: `draft: true` (docs/drafts.md).
    pub draft: Option<bool>,
    /// The ids the entry had before a rename; each old address sends readers on.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Ref>,
    pub extra: Extra,
}

/// A key figure of a page (see docs/figures.md).
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: String,
    /// A number, a range `[from, to]`, or (as before units were known) a text shown as
    /// written.
    #[schemars(with = "FigureValue")]
    pub value: Spanned<FigureValue>,
    /// What the number counts: per cent, times as much, shekels, dollars; a plain count
    /// when absent.
    pub unit: Option<Unit>,
    /// `true`: shown as approximate ("about 170").
    #[serde(default)]
    pub approx: bool,
    pub year: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum FigureValue {
    Number(f64),
    /// From the first number to the second.
    Range([f64; 2]),
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PageFacts {
    #[serde(default)]
    #[schemars(with = "Vec<Figure>")]
    pub figures: Vec<Spanned<Figure>>,
    /// Not published yet: `draft: true` (docs/drafts.md).
    pub draft: Option<bool>,
    /// The ids the entry had before a rename; each old address sends readers on.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Ref>,
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewsFacts {
    /// YYYY-MM-DD.
    #[schemars(with = "Option<String>", extend("pattern" = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub date: Option<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>", extend("x-sulam-ref" = "initiatives"))]
    pub initiatives: Vec<Ref>,
    #[schemars(with = "Option<String>")]
    pub image: Option<Spanned<String>>,
    /// Not published yet: `draft: true` (docs/drafts.md).
    pub draft: Option<bool>,
    /// The ids the entry had before a rename; each old address sends readers on.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Ref>,
    pub extra: Extra,
}

/// The facts of an entry, by collection.
///
/// Two are equal when they say the same and were written at the same places: the YAML
/// positions kept for messages are compared too, so a fact moved to another line is a change.
/// Numbers compare as numbers (0 and -0.0 are the same; a NaN is never the same as anything).
#[derive(Debug, Clone, PartialEq)]
pub enum Facts {
    Initiative(Box<InitiativeFacts>),
    Partner(PartnerFacts),
    Town(TownFacts),
    Network(NetworkFacts),
    Term(TermFacts),
    Person(PersonFacts),
    Page(PageFacts),
    News(NewsFacts),
}

impl Facts {
    fn empty(c: Collection) -> Facts {
        match c {
            Collection::Initiatives => Facts::Initiative(Default::default()),
            Collection::Partners => Facts::Partner(Default::default()),
            Collection::Towns => Facts::Town(Default::default()),
            Collection::Networks => Facts::Network(Default::default()),
            Collection::Domains | Collection::Sectors => Facts::Term(Default::default()),
            Collection::People => Facts::Person(Default::default()),
            Collection::Pages => Facts::Page(Default::default()),
            Collection::News => Facts::News(Default::default()),
        }
    }

    fn parse(c: Collection, text: &str) -> Result<Facts, serde_saphyr::Error> {
        let o = yaml_options();
        if text.trim().is_empty() {
            return Ok(Facts::empty(c));
        }
        Ok(match c {
            Collection::Initiatives => {
                Facts::Initiative(serde_saphyr::from_str_with_options(text, o)?)
            }
            Collection::Partners => Facts::Partner(serde_saphyr::from_str_with_options(text, o)?),
            Collection::Towns => Facts::Town(serde_saphyr::from_str_with_options(text, o)?),
            Collection::Networks => Facts::Network(serde_saphyr::from_str_with_options(text, o)?),
            Collection::Domains | Collection::Sectors => {
                Facts::Term(serde_saphyr::from_str_with_options(text, o)?)
            }
            Collection::People => Facts::Person(serde_saphyr::from_str_with_options(text, o)?),
            Collection::Pages => Facts::Page(serde_saphyr::from_str_with_options(text, o)?),
            Collection::News => Facts::News(serde_saphyr::from_str_with_options(text, o)?),
        })
    }

    /// Every reference the facts hold, with the collection it points to.
    pub fn references(&self) -> Vec<(Collection, &Ref)> {
        use Collection as C;
        fn list(c: Collection, refs: &[Ref]) -> impl Iterator<Item = (Collection, &Ref)> {
            refs.iter().map(move |r| (c, r))
        }
        match self {
            Facts::Initiative(f) => f
                .partners
                .iter()
                .map(|p| (C::Partners, &p.id))
                .chain(list(C::Towns, &f.towns))
                .chain(list(C::Networks, &f.networks))
                .chain(list(C::Domains, &f.domains))
                .chain(list(C::Initiatives, &f.related))
                .collect(),
            Facts::Partner(f) => f.sector.iter().map(|s| (C::Sectors, s)).collect(),
            Facts::Network(f) => list(C::Towns, &f.towns)
                .chain(list(C::Initiatives, &f.initiatives))
                .collect(),
            Facts::Person(f) => f.organisation.iter().map(|o| (C::Partners, o)).collect(),
            Facts::News(f) => list(C::Initiatives, &f.initiatives).collect(),
            Facts::Town(_) | Facts::Term(_) | Facts::Page(_) => Vec::new(),
        }
    }

    /// Whether `common.yaml` says `draft: true`.
    pub fn is_draft(&self) -> bool {
        let d = match self {
            Facts::Initiative(f) => f.draft,
            Facts::Partner(f) => f.draft,
            Facts::Town(f) => f.draft,
            Facts::Network(f) => f.draft,
            Facts::Term(f) => f.draft,
            Facts::Person(f) => f.draft,
            Facts::Page(f) => f.draft,
            Facts::News(f) => f.draft,
        };
        d == Some(true)
    }

    /// The ids the entry had before (`aliases:`).
    pub fn aliases(&self) -> &[Ref] {
        match self {
            Facts::Initiative(f) => &f.aliases,
            Facts::Partner(f) => &f.aliases,
            Facts::Town(f) => &f.aliases,
            Facts::Network(f) => &f.aliases,
            Facts::Term(f) => &f.aliases,
            Facts::Person(f) => &f.aliases,
            Facts::Page(f) => &f.aliases,
            Facts::News(f) => &f.aliases,
        }
    }

    /// `extra:` of `common.yaml`: the author's own data, passed to the templates as written.
    pub fn extra(&self) -> Option<&serde_json::Value> {
        match self {
            Facts::Initiative(f) => f.extra.as_ref(),
            Facts::Partner(f) => f.extra.as_ref(),
            Facts::Town(f) => f.extra.as_ref(),
            Facts::Network(f) => f.extra.as_ref(),
            Facts::Term(f) => f.extra.as_ref(),
            Facts::Person(f) => f.extra.as_ref(),
            Facts::Page(f) => f.extra.as_ref(),
            Facts::News(f) => f.extra.as_ref(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, serde::Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TitleText {
    pub title: String,
    #[serde(default)]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleText {
    pub role: String,
    #[serde(default)]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Outcome {
    Plain(String),
    Group { title: String, items: Vec<String> },
}

#[derive(Debug, Clone, Deserialize, serde::Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FigureText {
    pub label: String,
    #[serde(default)]
    pub source: Option<String>,
}

/// The front matter of a language file. One struct serves every collection; the fields a
/// collection does not have are refused after parsing, with the collection named.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Front {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub pillars: Option<Vec<TitleText>>,
    pub outcomes: Option<Vec<Outcome>>,
    pub milestones: Option<Vec<TitleText>>,
    pub team: Option<Vec<RoleText>>,
    pub audience: Option<String>,
    pub timeframe: Option<String>,
    /// What the `image` of common.yaml shows, for readers who cannot see it (initiatives and
    /// news).
    pub image_alt: Option<String>,
    pub role: Option<String>,
    /// A partner's postal address, in the file's language.
    pub address: Option<String>,
    pub figures: Option<BTreeMap<String, FigureText>>,
    pub extra: Extra,
    /// This translation is not published yet: the page falls back as if the file were not
    /// there (docs/drafts.md).
    pub draft: Option<bool>,
    /// What the text was translated from (`sulam translations done`); any collection, never
    /// shown on a page.
    pub translation: Option<Stamp>,
}

impl Front {
    /// The front-matter fields a collection knows.
    pub fn fields_of(c: Collection) -> &'static [&'static str] {
        match c {
            Collection::Initiatives => &[
                "title",
                "summary",
                "pillars",
                "outcomes",
                "milestones",
                "team",
                "audience",
                "timeframe",
                "image_alt",
                "extra",
                "draft",
            ],
            Collection::People => &["title", "role", "extra", "draft"],
            Collection::Partners => &["title", "summary", "address", "extra", "draft"],
            Collection::Pages => &["title", "summary", "figures", "extra", "draft"],
            Collection::News => &["title", "summary", "image_alt", "extra", "draft"],
            _ => &["title", "summary", "extra", "draft"],
        }
    }

    fn present_fields(&self) -> Vec<&'static str> {
        let mut v = Vec::new();
        let pairs: [(&'static str, bool); 12] = [
            ("summary", self.summary.is_some()),
            ("pillars", self.pillars.is_some()),
            ("outcomes", self.outcomes.is_some()),
            ("milestones", self.milestones.is_some()),
            ("team", self.team.is_some()),
            ("audience", self.audience.is_some()),
            ("timeframe", self.timeframe.is_some()),
            ("image_alt", self.image_alt.is_some()),
            ("role", self.role.is_some()),
            ("address", self.address.is_some()),
            ("figures", self.figures.is_some()),
            ("extra", self.extra.is_some()),
        ];
        for (name, present) in pairs {
            if present {
                v.push(name);
            }
        }
        v
    }
}

/// One `<lang>.md` file.
#[derive(Debug, Clone)]
pub struct LangFile {
    pub path: PathBuf,
    /// Boxed: a `BTreeMap` of language files allocates room for eleven of them, and the
    /// front matter is most of a file's size (boxed, the entries of 10,000 initiatives take
    /// 229 MiB rather than 271).
    pub front: Box<Front>,
    pub body: String,
    /// Whether the body has any text. It stays true when a build lets the body go once it is
    /// rendered (`Content::forget_bodies`).
    pub has_body: bool,
    /// The line of the file on which the Markdown body starts.
    pub body_line: usize,
}

/// One `content/<collection>/<id>/` folder.
#[derive(Debug, Clone)]
pub struct Entry {
    pub collection: Collection,
    pub id: String,
    pub dir: PathBuf,
    pub facts: Facts,
    /// The site-relative path of `common.yaml`, when the entry has one.
    pub facts_file: Option<PathBuf>,
    pub texts: BTreeMap<String, LangFile>,
    /// Files of the entry that are neither `common.yaml` nor a language file, by the name
    /// they are published under, relative to `dir`.
    pub assets: Vec<PathBuf>,
    /// The assets published under another name than the file's own (the name `common.yaml`
    /// gives one, in another Unicode form): published name → file, relative to `dir`.
    pub renamed: BTreeMap<PathBuf, PathBuf>,
    /// The assets that are pictures (JPEG, PNG, GIF, WebP, SVG), by published name, with
    /// their format and size, read when the entry is read.
    pub pictures: BTreeMap<PathBuf, crate::media::Picture>,
    /// The mistakes found reading this entry's files, kept with it so that re-reading the
    /// entry alone (in `serve`) replaces them.
    pub problems: Vec<Diagnostic>,
}

/// The id of the page entry that is each language's home page (at `<lang>/`).
pub const HOME: &str = "home";
/// The id of the page entry that holds the accessibility statement's text.
pub const STATEMENT: &str = "accessibility";

/// Whether entry (`c`, `id`) is the home page.
pub fn is_home(c: Collection, id: &str) -> bool {
    c == Collection::Pages && id == HOME
}

impl Entry {
    /// Lets go of the Markdown of the entry's bodies (see `Content::forget_bodies`).
    pub fn forget_bodies(&mut self) {
        for lf in self.texts.values_mut() {
            lf.body = String::new();
        }
    }

    /// Whether this is the home page entry.
    pub fn is_home(&self) -> bool {
        is_home(self.collection, &self.id)
    }

    /// Whether the entry, or its text in `lang`, is not published yet (shown only by `serve`
    /// and `build --drafts`).
    pub fn is_draft(&self, lang: &str) -> bool {
        self.facts.is_draft()
            || self
                .texts
                .get(lang)
                .is_some_and(|t| t.front.draft == Some(true))
    }

    /// Whether this is the page entry of the accessibility statement.
    pub fn is_statement(&self) -> bool {
        self.collection == Collection::Pages && self.id == STATEMENT
    }

    /// The file on disk of `asset`, one of `assets`.
    pub fn asset_source(&self, asset: &Path) -> PathBuf {
        self.dir
            .join(self.renamed.get(asset).map_or(asset, PathBuf::as_path))
    }

    /// The name of the file that the facts give (`image`, `logo` or `photo`).
    pub fn file_ref(&self) -> Option<&Spanned<String>> {
        match &self.facts {
            Facts::Initiative(f) => f.image.as_ref(),
            Facts::Partner(f) => f.logo.as_ref(),
            Facts::Person(f) => f.photo.as_ref(),
            Facts::News(f) => f.image.as_ref(),
            _ => None,
        }
    }
}

/// An entry's key, `(collection, id)`, owned as the maps hold it or borrowed as a lookup
/// has it: `Content::get` finds an entry without making a `String` of its id (a page looks up
/// hundreds). Both order and hash as the owned tuple does.
pub(crate) trait EntryKey {
    fn key(&self) -> (Collection, &str);
}

impl EntryKey for (Collection, String) {
    fn key(&self) -> (Collection, &str) {
        (self.0, &self.1)
    }
}

impl EntryKey for (Collection, &str) {
    fn key(&self) -> (Collection, &str) {
        (self.0, self.1)
    }
}

impl<'a> std::borrow::Borrow<dyn EntryKey + 'a> for (Collection, String) {
    fn borrow(&self) -> &(dyn EntryKey + 'a) {
        self
    }
}

impl PartialEq for dyn EntryKey + '_ {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for dyn EntryKey + '_ {}

impl std::hash::Hash for dyn EntryKey + '_ {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl PartialOrd for dyn EntryKey + '_ {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for dyn EntryKey + '_ {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

/// All entries, by collection and id.
#[derive(Debug, Default)]
pub struct Content {
    pub entries: BTreeMap<(Collection, String), Entry>,
    /// The entries left out because they are drafts, when drafts are not published
    /// (`hide_drafts`): a reference to one shows its name without a link.
    pub drafts: BTreeMap<(Collection, String), Entry>,
}

impl Content {
    pub fn get(&self, c: Collection, id: &str) -> Option<&Entry> {
        self.entries.get(&(c, id) as &dyn EntryKey)
    }

    /// A draft left out of the site (see `hide_drafts`).
    pub fn draft(&self, c: Collection, id: &str) -> Option<&Entry> {
        self.drafts.get(&(c, id) as &dyn EntryKey)
    }

    /// Leaves out what is not published yet: a translation whose file says `draft: true` is
    /// dropped (its page falls back as if the file were not there), and an entry whose
    /// `common.yaml` says `draft: true`, or whose every file is a draft, moves to `drafts`.
    pub fn hide_drafts(&mut self) {
        let keys: Vec<(Collection, String)> = self.entries.keys().cloned().collect();
        for key in keys {
            let Some(e) = self.entries.get_mut(&key) else {
                continue;
            };
            let had_texts = !e.texts.is_empty();
            e.texts.retain(|_, lf| lf.front.draft != Some(true));
            if (e.facts.is_draft() || (had_texts && e.texts.is_empty()))
                && let Some(e) = self.entries.remove(&key)
            {
                self.drafts.insert(key, e);
            }
        }
    }

    /// Lets go of the Markdown of every body: a build renders each once, when the site is
    /// read, and needs only the HTML after that (`check` reports links by the Markdown, and
    /// `serve` reads a changed file again, so both keep it).
    pub fn forget_bodies(&mut self) {
        for e in self.entries.values_mut().chain(self.drafts.values_mut()) {
            e.forget_bodies();
        }
    }

    /// The home page entry, if the site has one.
    pub fn home(&self) -> Option<&Entry> {
        self.get(Collection::Pages, HOME)
    }

    /// The page entry of the accessibility statement, if the site has one.
    pub fn statement(&self) -> Option<&Entry> {
        self.get(Collection::Pages, STATEMENT)
    }

    /// The entries of one collection, in id order.
    pub fn of(&self, c: Collection) -> impl Iterator<Item = &Entry> {
        self.entries
            .range((c, String::new())..)
            .take_while(move |((ec, _), _)| *ec == c)
            .map(|(_, e)| e)
    }

    /// Every entry's reading mistakes, in entry order.
    pub fn problems(&self) -> impl Iterator<Item = &Diagnostic> {
        self.entries.values().flat_map(|e| e.problems.iter())
    }

    pub fn ids(&self, c: Collection) -> impl Iterator<Item = &str> {
        self.of(c).map(|e| e.id.as_str())
    }
}

pub(crate) fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Whether `id` is four digits: the address of a year's news (`/<lang>/news/<year>/`), which
/// no news item may take. Refused whatever the dates of the news, so that an item dated in a
/// new year never takes the address of an item written before.
pub(crate) fn year_like(id: &str) -> bool {
    id.len() == 4 && id.chars().all(|c| c.is_ascii_digit())
}

/// The mistake of a news item named `id`, when it is a year (see [`year_like`]).
pub(crate) fn year_id_problem(id: &str) -> Option<(String, String)> {
    year_like(id).then(|| {
        (
            format!("'{id}' is a year: /<lang>/news/{id}/ is the page of that year's news"),
            format!("give the news item a name with words, e.g. '{id}-annual-report'"),
        )
    })
}

fn rel(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Reads `content/`: every collection folder, every entry folder in it. Mistakes in the
/// folders go to `diags`; mistakes in an entry's files stay with the entry (`problems`).
pub fn load(config: &SiteConfig, diags: &mut Diagnostics) -> Content {
    let root = &config.root;
    let content_dir = root.join(folders::CONTENT);
    let mut content = Content::default();
    match files::check_path(root, &content_dir) {
        Ok(Some(files::Kind::Folder)) => {}
        Ok(_) => {
            diags.push(Diagnostic::error("the site has no content/ folder").hint(
                "create content/<collection>/<id>/ folders, e.g. content/initiatives/my-program/he.md",
            ));
            return content;
        }
        Err(d) => {
            diags.push(d);
            return content;
        }
    }
    let mut found = Vec::new();
    for item in walkdir::WalkDir::new(&content_dir)
        .min_depth(1)
        .max_depth(2)
        .sort_by_file_name()
    {
        let item = match item {
            Ok(i) => i,
            Err(e) => {
                diags.push(Diagnostic::error(format!(
                    "cannot read a folder in content/: {e}"
                )));
                continue;
            }
        };
        let path = item.path();
        let name = item.file_name().to_string_lossy().to_string();
        if name.starts_with('.') {
            continue;
        }
        let relp = rel(root, path);
        let is_dir = match files::check(root, path, item.file_type()) {
            Ok(kind) => kind == files::Kind::Folder,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        if item.depth() == 1 {
            collection_folder(&name, &relp, is_dir, diags);
            continue;
        }
        let parent = item
            .path()
            .parent()
            .and_then(|p| p.file_name())
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let Some(collection) = Collection::from_name(&parent) else {
            continue;
        };
        if !is_dir {
            diags.push(
                Diagnostic::warning(format!("a file directly in content/{collection}/ is ignored"))
                    .in_file(&relp)
                    .hint(format!("an entry is a folder: content/{collection}/<id>/ with common.yaml and <lang>.md")),
            );
            continue;
        }
        if !valid_id(&name) {
            diags.push(
                Diagnostic::error(format!("'{name}' is not a valid entry id"))
                    .in_file(&relp)
                    .hint(format!(
                        "use lower-case ASCII letters, digits and '-', e.g. '{}'",
                        suggest_id(&name)
                    )),
            );
            continue;
        }
        if collection == Collection::News
            && let Some((message, hint)) = year_id_problem(&name)
        {
            diags.push(Diagnostic::error(message).in_file(&relp).hint(hint));
            continue;
        }
        found.push((collection, name, path.to_path_buf()));
    }
    // Reading and parsing the entries' files is most of the time: each entry on its own, on
    // every core.
    let loaded: Vec<((Collection, String), Entry)> = found
        .into_par_iter()
        .map(|(c, name, path)| {
            let entry = load_entry(config, c, &name, &path);
            ((c, name), entry)
        })
        .collect();
    content.entries.extend(loaded);
    content
}

/// Checks an item directly in `content/`: a folder named after a collection.
fn collection_folder(name: &str, relp: &Path, is_dir: bool, diags: &mut Diagnostics) {
    if !is_dir {
        diags.push(
            Diagnostic::warning(
                "a file directly in content/ is not part of any entry and is ignored",
            )
            .in_file(relp)
            .hint("entries live in content/<collection>/<id>/"),
        );
    } else if Collection::from_name(name).is_none() {
        diags.push(
            Diagnostic::error(format!("'{name}' is not a collection"))
                .in_file(relp)
                .hint(
                    did_you_mean(name, Collection::ALL.iter().map(|c| c.name())).unwrap_or_else(
                        || {
                            format!(
                                "the collections are: {}",
                                Collection::ALL.map(|c| c.name()).join(", ")
                            )
                        },
                    ),
                ),
        );
    }
}

fn suggest_id(name: &str) -> String {
    let mut s = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    let s = s.trim_end_matches('-').to_string();
    if s.is_empty() { "my-entry".into() } else { s }
}

/// Reads one entry folder again, for a rebuild after its files changed. `None` when the
/// folder is gone.
pub fn reload_entry(config: &SiteConfig, collection: Collection, id: &str) -> Option<Entry> {
    let dir = config.root.join(folders::entry_dir(collection, id));
    dir.is_dir()
        .then(|| load_entry(config, collection, id, &dir))
}

/// Reads one entry folder: its facts, its language files and its other files. Mistakes stay
/// with the entry.
fn load_entry(config: &SiteConfig, collection: Collection, id: &str, dir: &Path) -> Entry {
    let mut reader = EntryReader::new(config, collection, dir);
    // Read again by `serve`, the folder may have become a link since it was found.
    if let Err(d) = files::check_path(&config.root, dir) {
        reader.fail(d);
        return reader.finish(id);
    }
    for item in walkdir::WalkDir::new(dir).min_depth(1).sort_by_file_name() {
        match item {
            Ok(item) => reader.file(&item),
            Err(e) => reader.fail(
                Diagnostic::error(format!("cannot read: {e}")).in_file(rel(&config.root, dir)),
            ),
        }
    }
    reader.finish(id)
}

/// One entry folder being read: what its files gave so far, and whether one of them failed
/// (then a missing language file is not reported on top).
struct EntryReader<'a> {
    root: &'a Path,
    collection: Collection,
    dir: &'a Path,
    lang_codes: Vec<&'a str>,
    problems: Diagnostics,
    facts: Facts,
    facts_file: Option<PathBuf>,
    texts: BTreeMap<String, LangFile>,
    assets: Vec<PathBuf>,
    /// The pictures among `assets`, by their name on disk.
    pictures: Vec<(PathBuf, crate::media::Picture)>,
    failed: bool,
}

impl<'a> EntryReader<'a> {
    fn new(config: &'a SiteConfig, collection: Collection, dir: &'a Path) -> Self {
        EntryReader {
            root: &config.root,
            collection,
            dir,
            lang_codes: config.languages.iter().map(|l| l.code.as_str()).collect(),
            problems: Diagnostics::default(),
            facts: Facts::empty(collection),
            facts_file: None,
            texts: BTreeMap::new(),
            assets: Vec::new(),
            pictures: Vec::new(),
            failed: false,
        }
    }

    fn fail(&mut self, d: Diagnostic) {
        self.problems.push(d);
        self.failed = true;
    }

    /// Sorts one file of the folder: facts, a language file, a stray YAML file, or an asset.
    /// Only ordinary files are read (or links to them inside the site); see `model::files`.
    fn file(&mut self, item: &walkdir::DirEntry) {
        let path = item.path();
        let relp = rel(self.root, path);
        let name = item.file_name().to_string_lossy().to_string();
        if name.starts_with('.') || name.ends_with('~') {
            return;
        }
        let top_level = item.depth() == 1;
        match files::check(self.root, path, item.file_type()) {
            Err(d) => return self.fail(d),
            Ok(files::Kind::Folder) => {
                if top_level {
                    self.folder(&name, &relp);
                }
                return;
            }
            Ok(files::Kind::File) => {}
        }
        let kind = if top_level {
            names::classify(&name, &self.lang_codes)
        } else {
            Name::Asset
        };
        match kind {
            Name::Facts => self.facts(path, relp),
            Name::Lang(code) => self.lang_file(code, path, &relp),
            Name::NearMiss(right) => self.fail(near_miss(&name, &right, &relp)),
            Name::Markdown(stem) => {
                let d = self.not_a_language(&name, stem, &relp);
                self.fail(d);
            }
            Name::Yaml => self.fail(
                Diagnostic::error(format!("'{name}' is not a file Sulam reads"))
                    .in_file(&relp)
                    .hint("facts go in common.yaml, texts in <lang>.md"),
            ),
            Name::Asset => {
                if let Some(d) = super::assets::asset_problem(path, &relp) {
                    return self.fail(d);
                }
                let asset = path.strip_prefix(self.dir).unwrap_or(path).to_path_buf();
                match super::assets::picture(path, &relp) {
                    Ok(Some(p)) => self.pictures.push((asset.clone(), p)),
                    Ok(None) => {}
                    // Still an asset: a page that shows it names the file, and only this
                    // mistake is told.
                    Err(d) => self.fail(d),
                }
                self.assets.push(asset);
            }
        }
    }

    /// A folder directly in the entry's folder: an asset folder, unless it bears the name of
    /// a file Sulam reads.
    fn folder(&mut self, name: &str, relp: &Path) {
        let right = match names::classify(name, &self.lang_codes) {
            Name::Facts | Name::Lang(_) => name.to_string(),
            Name::NearMiss(right) => right,
            _ => return,
        };
        self.fail(
            Diagnostic::error(format!("this is a folder, but {right} must be a file"))
                .in_file(relp)
                .hint(format!(
                    "move what is in it out of the folder, and make {right} a file"
                )),
        );
    }

    /// `common.yaml`. Its path is kept even when it does not parse, so messages can name it.
    fn facts(&mut self, path: &Path, relp: PathBuf) {
        if self.facts_file.is_some() {
            return self.fail(
                Diagnostic::error("the entry has both common.yaml and common.yml")
                    .in_file(&relp)
                    .hint("keep one: move the facts into common.yaml and remove common.yml"),
            );
        }
        let Some(text) = read_text(path, &relp, &mut self.problems) else {
            self.failed = true;
            return;
        };
        match Facts::parse(self.collection, &text) {
            Ok(f) => self.facts = f,
            Err(e) => self.fail(parse_error(&e, &relp, &text, 0)),
        }
        self.facts_file = Some(relp);
    }

    /// `<lang>.md`, with `stem` one of the site's languages.
    fn lang_file(&mut self, stem: &str, path: &Path, relp: &Path) {
        let Some(text) = read_text(path, relp, &mut self.problems) else {
            self.failed = true;
            return;
        };
        match parse_lang_file(self.collection, &text, relp) {
            Ok(lf) => {
                self.texts.insert(stem.to_string(), lf);
            }
            Err(ds) => {
                for d in ds {
                    self.problems.push(d);
                }
                self.failed = true;
            }
        }
    }

    fn not_a_language(&self, name: &str, stem: &str, relp: &Path) -> Diagnostic {
        let codes = &self.lang_codes;
        Diagnostic::error(format!(
            "'{name}' is a Markdown file, but '{stem}' is not one of the site's languages ({})",
            codes.join(", ")
        ))
        .in_file(relp)
        .hint(match did_you_mean(stem, codes.iter().copied()) {
            Some(h) => format!("{h} Language files are named after the language code."),
            None => format!(
                "name language files after the site's languages: {}",
                self.lang_file_names()
            ),
        })
    }

    /// `he.md, ar.md, en.md`: the language files the site's languages call for.
    fn lang_file_names(&self) -> String {
        self.lang_codes
            .iter()
            .map(|l| format!("{l}.md"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The entry as read. One with a broken file is kept (the build fails all the same), so
    /// that the entries naming it are not told that it does not exist.
    fn finish(mut self, id: &str) -> Entry {
        if self.texts.is_empty() && !self.failed {
            let d = Diagnostic::error(format!("the entry '{id}' has no language file"))
                .in_file(rel(self.root, self.dir))
                .hint(format!("add at least one of {}", self.lang_file_names()));
            self.problems.push(d);
        }
        let mut entry = Entry {
            collection: self.collection,
            id: id.to_string(),
            dir: self.dir.to_path_buf(),
            facts: self.facts,
            facts_file: self.facts_file,
            texts: self.texts,
            assets: self.assets,
            renamed: BTreeMap::new(),
            pictures: BTreeMap::new(),
            problems: self.problems.all().to_vec(),
        };
        publish_as_named(&mut entry);
        // Keyed by the name each is published under, which `publish_as_named` may change.
        for (published, picture) in self.pictures {
            let name = entry
                .renamed
                .iter()
                .find(|(_, on_disk)| **on_disk == published)
                .map_or(published, |(named, _)| named.clone());
            entry.pictures.insert(name, picture);
        }
        entry
    }
}

/// A near miss of `he.md` or `common.yaml` (see `model::names`).
fn near_miss(name: &str, right: &str, relp: &Path) -> Diagnostic {
    let what = if right == names::FACTS {
        "the facts file"
    } else {
        "a language file"
    };
    Diagnostic::error(format!(
        "'{name}' is not read: {what} is named exactly {right}"
    ))
    .in_file(relp)
    .hint(format!("rename it to {right}"))
}

/// When the facts name a file in another Unicode form than the file's own name (macOS writes
/// names decomposed, keyboards type them composed), the file is the one named, and it is
/// published under the name the facts use, so that the page's link to it works.
fn publish_as_named(entry: &mut Entry) {
    let Some(wanted) = entry.file_ref().map(|r| PathBuf::from(r.value.trim())) else {
        return;
    };
    if entry.assets.contains(&wanted) {
        return;
    }
    let key = names::nfc(&wanted.to_string_lossy()).into_owned();
    let found = entry
        .assets
        .iter_mut()
        .find(|a| names::nfc(&a.to_string_lossy()) == key.as_str());
    if let Some(asset) = found {
        let on_disk = std::mem::replace(asset, wanted.clone());
        entry.renamed.insert(wanted, on_disk);
    }
}

fn read_text(path: &Path, relp: &Path, diags: &mut Diagnostics) -> Option<String> {
    crate::model::read::read_text(path, relp)
        .map_err(|d| diags.push(d))
        .ok()
        .and_then(|s| super::limits::checked(s, relp, diags))
}

/// Splits `---` front matter from the body and parses it.
pub fn parse_lang_file(
    collection: Collection,
    text: &str,
    relp: &Path,
) -> Result<LangFile, Vec<Diagnostic>> {
    let text = text.replace("\r\n", "\n");
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    // Where the body starts: after the front matter's lines.
    let mut body_start = first.len();
    if first.trim_end() != "---" {
        return Err(vec![
            Diagnostic::error("the file does not start with front matter")
                .in_file(relp)
                .at(1, 1)
                .hint("start it with a line '---', then 'title: ...', then a closing '---'"),
        ]);
    }
    let mut yaml = String::new();
    let mut line_no = 1;
    let mut closed = false;
    for l in lines.by_ref() {
        line_no += 1;
        body_start += l.len();
        if l.trim_end() == "---" {
            closed = true;
            break;
        }
        yaml.push_str(l);
    }
    if !closed {
        return Err(vec![
            Diagnostic::error("the front matter is not closed")
                .in_file(relp)
                .at(1, 1)
                .hint("add a line '---' after the last field"),
        ]);
    }
    // Copied, not collected line by line, so that it holds no more than its length.
    let body = text[body_start..].to_string();
    let front: Front = if yaml.trim().is_empty() {
        Front::default()
    } else {
        serde_saphyr::from_str_with_options(&yaml, yaml_options())
            .map_err(|e| vec![parse_error(&e, relp, &yaml, 1)])?
    };
    let mut errors = Vec::new();
    let known = Front::fields_of(collection);
    for field in front.present_fields() {
        if !known.contains(&field) {
            let line = yaml
                .lines()
                .position(|l| l.starts_with(&format!("{field}:")))
                .map(|i| i as u64 + 2)
                .unwrap_or(1);
            errors.push(
                Diagnostic::error(format!("'{field}' is not a field of {collection}"))
                    .in_file(relp)
                    .at(line, 1)
                    .hint(format!(
                        "the fields of {collection} are: {}; put your own data under 'extra:'",
                        known.join(", ")
                    )),
            );
        }
    }
    if front.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        errors.push(
            Diagnostic::error("the required field 'title' is missing")
                .in_file(relp)
                .at(2, 1)
                .hint("add a line 'title: ...' to the front matter"),
        );
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(LangFile {
        path: relp.to_path_buf(),
        front: Box::new(front),
        has_body: !body.trim().is_empty(),
        body,
        body_line: line_no + 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_are_equal_when_written_the_same_at_the_same_places() {
        let parse = |text| Facts::parse(Collection::Initiatives, text).unwrap();
        let facts = parse("towns: [sderot]\nstarted: 2024\n");
        assert_eq!(facts, parse("towns: [sderot]\nstarted: 2024\n"));
        assert_ne!(facts, parse("towns: [ofakim]\nstarted: 2024\n"));
        // The same facts a line lower: their positions, kept for messages, moved.
        assert_ne!(facts, parse("\ntowns: [sderot]\nstarted: 2024\n"));
        assert_ne!(facts, Facts::empty(Collection::Initiatives));
    }
}
