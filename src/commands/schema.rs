//! `sulam schema`: JSON Schemas of `site.yaml`, of each collection's `common.yaml` and of each
//! collection's front matter, for editors that complete and check YAML as it is typed.
//!
//! The schemas are generated from the very types that parse those files (`schemars` derives
//! beside `serde`'s), so they cannot drift from what the build accepts. What a type cannot know
//! is added here: the ids that exist in this site, so that a reference completes to a real
//! entry (fields that refer to a collection carry an `x-sulam-ref` mark, replaced by an `enum`
//! of that collection's ids), and the few rules the build checks after parsing (a title, a news
//! date, a network's towns). Draft-07 is used because it is what the YAML extension of VS Code
//! reads best.

use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde_json::{Value, json};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::config::SiteConfig;
use crate::model::content::{
    Collection, Content, Front, InitiativeFacts, NetworkFacts, NewsFacts, PageFacts, PartnerFacts,
    PersonFacts, TermFacts, TownFacts,
};

/// The schema of `T`, with its definitions, as draft-07.
fn root_schema<T: JsonSchema>(title: &str) -> Value {
    let mut v = schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value();
    if let Some(o) = v.as_object_mut() {
        o.insert("title".into(), json!(title));
    }
    v
}

fn facts_schema(c: Collection) -> Value {
    let title = format!("common.yaml of an entry of {c}");
    let mut v = match c {
        Collection::Initiatives => root_schema::<InitiativeFacts>(&title),
        Collection::Partners => root_schema::<PartnerFacts>(&title),
        Collection::Towns => root_schema::<TownFacts>(&title),
        Collection::Networks => root_schema::<NetworkFacts>(&title),
        Collection::Domains | Collection::Sectors => root_schema::<TermFacts>(&title),
        Collection::People => root_schema::<PersonFacts>(&title),
        Collection::Pages => root_schema::<PageFacts>(&title),
        Collection::News => root_schema::<NewsFacts>(&title),
    };
    // Rules the build checks after parsing (link.rs): a news item's date, a network's towns.
    match c {
        Collection::News => v["required"] = json!(["date"]),
        Collection::Networks => {
            v["required"] = json!(["towns"]);
            v["properties"]["towns"]["minItems"] = json!(1);
        }
        _ => {}
    }
    v
}

/// The front matter of a language file: one type serves every collection, so the fields a
/// collection does not have are taken out, as the parser refuses them.
fn front_schema(c: Collection) -> Value {
    let mut v = root_schema::<Front>(&format!(
        "front matter of a language file (he.md, ar.md, en.md…) of {c}"
    ));
    let known = Front::fields_of(c);
    if let Some(props) = v["properties"].as_object_mut() {
        props.retain(|k, _| {
            known.contains(&k.as_str()) || k == crate::commands::translations::STAMP_KEY
        });
    }
    v["required"] = json!(["title"]);
    v
}

/// Replaces each `x-sulam-ref` mark with an `enum` of the ids of that collection (on the items,
/// for a list). A collection with no entries leaves the field a plain string.
fn fill_ids(v: &mut Value, content: &Content) {
    match v {
        Value::Object(o) => {
            if let Some(target) = o.remove("x-sulam-ref") {
                let ids: Vec<Value> = target
                    .as_str()
                    .and_then(Collection::from_name)
                    .map(|c| content.ids(c).map(|id| json!(id)).collect())
                    .unwrap_or_default();
                let nullable = o
                    .get("type")
                    .and_then(Value::as_array)
                    .is_some_and(|t| t.contains(&json!("null")));
                let slot = if o.get("type") == Some(&json!("array")) {
                    o.get_mut("items").and_then(Value::as_object_mut)
                } else {
                    Some(&mut *o)
                };
                if let Some(slot) = slot
                    && !ids.is_empty()
                {
                    let mut ids = ids;
                    if nullable {
                        ids.push(Value::Null);
                    }
                    slot.insert("enum".into(), Value::Array(ids));
                }
            }
            for child in o.values_mut() {
                fill_ids(child, content);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|c| fill_ids(c, content)),
        _ => {}
    }
}

/// Every schema of a site: (file name, schema).
pub fn schemas(content: &Content) -> Vec<(String, Value)> {
    let mut out = vec![(
        "site.schema.json".to_string(),
        root_schema::<crate::model::config::RawSite>("site.yaml"),
    )];
    for c in Collection::ALL {
        out.push((format!("{c}.common.schema.json"), facts_schema(c)));
        out.push((format!("{c}.front-matter.schema.json"), front_schema(c)));
    }
    for (_, v) in &mut out {
        fill_ids(v, content);
    }
    out
}

/// `sulam schema`: writes every schema into `output` (default `schemas/` in the site).
/// Returns the folder.
pub fn write(root: &Path, output: Option<&Path>) -> Result<PathBuf, Diagnostics> {
    let mut diags = Diagnostics::default();
    let Some(config) = SiteConfig::load(root, None, &mut diags) else {
        return Err(diags);
    };
    // A site with mistakes still gets its schemas: they help to fix them. Only the ids of
    // entries that were read are listed.
    let content = crate::model::content::load(&config, &mut diags);
    let dir = output.map_or_else(|| root.join("schemas"), Path::to_path_buf);
    let fail = |path: &Path, e: std::io::Error| {
        let mut d = Diagnostics::default();
        d.push(Diagnostic::error(format!(
            "cannot write {}: {e}",
            path.display()
        )));
        d
    };
    std::fs::create_dir_all(&dir).map_err(|e| fail(&dir, e))?;
    for (name, schema) in schemas(&content) {
        let path = dir.join(name);
        let text = serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n";
        std::fs::write(&path, text).map_err(|e| fail(&path, e))?;
    }
    Ok(dir)
}

/// `.vscode/settings.json`: the YAML extension's `yaml.schemas`, mapping each schema in
/// `schemas/` to its files. Front matter is left out: the extension does not read Markdown
/// files (docs/editor.md).
pub fn vscode_settings() -> String {
    let mut map = serde_json::Map::new();
    map.insert(
        "./schemas/site.schema.json".into(),
        json!(["site.yaml", "site.yml"]),
    );
    for c in Collection::ALL {
        map.insert(
            format!("./schemas/{c}.common.schema.json"),
            json!([
                format!("content/{c}/*/common.yaml"),
                format!("content/{c}/*/common.yml")
            ]),
        );
    }
    let settings = json!({ "yaml.schemas": map });
    serde_json::to_string_pretty(&settings).unwrap_or_default() + "\n"
}

/// `.vscode/extensions.json`: VS Code offers to install the YAML extension.
pub const VSCODE_EXTENSIONS: &str = "{\n  \"recommendations\": [\"redhat.vscode-yaml\"]\n}\n";

/// Writes `.vscode/settings.json` and `.vscode/extensions.json` where they do not exist yet;
/// an author's own settings are never replaced. Returns the files written.
pub fn write_editor_settings(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    let dir = root.join(".vscode");
    let mut written = Vec::new();
    for (name, text) in [
        ("settings.json", vscode_settings()),
        ("extensions.json", VSCODE_EXTENSIONS.to_string()),
    ] {
        let path = dir.join(name);
        if !path.exists() {
            std::fs::create_dir_all(&dir)?;
            std::fs::write(&path, text)?;
            written.push(path);
        }
    }
    Ok(written)
}
