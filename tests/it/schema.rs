//! `sulam schema`: the JSON Schemas accept every file of the example site, refuse what the
//! build refuses, and are what the repository's editor settings point to.

use std::path::Path;

use serde_json::Value;
use sulam::Collection;
use sulam::SiteConfig;
use sulam::diagnostics::Diagnostics;

use crate::common;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The schemas of the site at `root`, by file name.
fn schemas(root: &Path) -> std::collections::BTreeMap<String, Value> {
    let mut diags = Diagnostics::default();
    let config = SiteConfig::load(root, None, &mut diags).expect("site.yaml");
    let content = sulam::content::load(&config, &mut diags);
    sulam::commands::schema::schemas(&content)
        .into_iter()
        .collect()
}

fn yaml(text: &str) -> Value {
    serde_saphyr::from_str::<Value>(text).expect("YAML")
}

fn front_matter(text: &str) -> Value {
    let rest = text.strip_prefix("---\n").expect("front matter");
    let end = rest.find("\n---").expect("closing line");
    yaml(&rest[..end + 1])
}

/// The validation errors of `instance`, one per line; empty when it is valid.
fn errors(schema: &Value, instance: &Value) -> String {
    let validator = jsonschema::validator_for(schema).expect("a valid schema");
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_file_of_the_example_site_validates() {
    let schemas = schemas(repo());
    let site = std::fs::read_to_string(repo().join("site.yaml")).expect("site.yaml");
    assert_eq!(errors(&schemas["site.schema.json"], &yaml(&site)), "");

    let mut checked = 0;
    for c in Collection::ALL {
        let common = &schemas[&format!("{c}.common.schema.json")];
        let front = &schemas[&format!("{c}.front-matter.schema.json")];
        for item in std::fs::read_dir(repo().join("content").join(c.name())).expect("collection") {
            let dir = item.expect("entry").path();
            for file in std::fs::read_dir(&dir).expect("entry") {
                let path = file.expect("file").path();
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                let (schema, value) = if name == "common.yaml" {
                    (common, yaml(&text))
                } else if name.ends_with(".md") {
                    (front, front_matter(&text))
                } else {
                    continue;
                };
                assert_eq!(errors(schema, &value), "", "{}", path.display());
                checked += 1;
            }
        }
    }
    assert!(checked > 150, "only {checked} files checked");
}

#[test]
fn a_common_yaml_with_an_unknown_field_a_wrong_type_or_an_unknown_id_fails() {
    let schemas = schemas(repo());
    let initiative = &schemas["initiatives.common.schema.json"];
    assert_eq!(
        errors(initiative, &yaml("towns: [sderot]\nstarted: 2020\n")),
        ""
    );
    for (text, expected) in [
        ("twons: [sderot]\n", "twons"),
        ("started: twenty\n", "twenty"),
        ("status: finished\n", "finished"),
        ("towns: [sderrot]\n", "sderrot"),
        (
            "partners:\n  - {id: rashi-foundation, role: boss}\n",
            "boss",
        ),
        ("website: www.example.org\n", "www.example.org"),
    ] {
        let found = errors(initiative, &yaml(text));
        assert!(found.contains(expected), "{text:?} should fail: {found:?}");
    }
    let news = &schemas["news.common.schema.json"];
    assert!(errors(news, &yaml("initiatives: [ecostem21]\n")).contains("date"));
    let town_front = &schemas["towns.front-matter.schema.json"];
    assert!(errors(town_front, &yaml("title: x\npillars: []\n")).contains("pillars"));
    assert!(errors(town_front, &yaml("summary: x\n")).contains("title"));
}

#[test]
fn sulam_schema_writes_the_schemas_and_settings_without_replacing_the_authors() {
    let site = common::Site::fixture("basic");
    site.write(".vscode/extensions.json", "{\"recommendations\": []}\n");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sulam"))
        .arg("--root")
        .arg(site.root())
        .arg("schema")
        .output()
        .expect("run sulam");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for c in Collection::ALL {
        for kind in ["common", "front-matter"] {
            let path = site.root().join(format!("schemas/{c}.{kind}.schema.json"));
            let text = std::fs::read_to_string(&path).expect("schema written");
            let v: Value = serde_json::from_str(&text).expect("JSON");
            assert_eq!(v["$schema"], "http://json-schema.org/draft-07/schema#");
        }
    }
    let settings = std::fs::read_to_string(site.root().join(".vscode/settings.json"))
        .expect("settings written");
    assert!(settings.contains("\"./schemas/towns.common.schema.json\""));
    assert_eq!(
        std::fs::read_to_string(site.root().join(".vscode/extensions.json")).expect("kept"),
        "{\"recommendations\": []}\n",
        "an author's own file is kept"
    );
    // The fixture's town ids are offered in its schemas.
    let initiative: Value = serde_json::from_str(
        &std::fs::read_to_string(site.root().join("schemas/initiatives.common.schema.json"))
            .expect("schema"),
    )
    .expect("JSON");
    assert_eq!(
        initiative["properties"]["towns"]["items"]["enum"],
        serde_json::json!(["ofakim", "sderot"])
    );
}

#[test]
fn the_repository_schemas_and_settings_are_up_to_date() {
    for (name, schema) in schemas(repo()) {
        let path = repo().join("schemas").join(&name);
        let written: Value = serde_json::from_str(
            &std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}")),
        )
        .expect("JSON");
        assert!(
            written == schema,
            "schemas/{name} is out of date: run `cargo run -- schema`"
        );
    }
    assert_eq!(
        std::fs::read_to_string(repo().join(".vscode/settings.json")).expect("settings"),
        sulam::commands::schema::vscode_settings()
    );
    assert_eq!(
        std::fs::read_to_string(repo().join(".vscode/extensions.json")).expect("extensions"),
        sulam::commands::schema::VSCODE_EXTENSIONS
    );
}

#[test]
fn a_new_site_has_editor_settings_and_schemas_that_a_new_entry_updates() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    let mut diags = Diagnostics::default();
    assert!(sulam::commands::scaffold::init(&site, &mut diags));
    assert_eq!(
        std::fs::read_to_string(site.join(".vscode/settings.json")).expect("settings"),
        sulam::commands::schema::vscode_settings()
    );
    assert!(
        std::fs::read_to_string(site.join(".vscode/extensions.json"))
            .expect("extensions")
            .contains("redhat.vscode-yaml")
    );
    let towns = || -> Value {
        let text = std::fs::read_to_string(site.join("schemas/networks.common.schema.json"))
            .expect("schema");
        serde_json::from_str::<Value>(&text).expect("JSON")["properties"]["towns"]["items"]["enum"]
            .clone()
    };
    assert_eq!(towns(), serde_json::json!(["sample-town"]));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sulam"))
        .arg("--root")
        .arg(&site)
        .args(["new", "towns", "another-town"])
        .output()
        .expect("run sulam");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(towns(), serde_json::json!(["another-town", "sample-town"]));
}
