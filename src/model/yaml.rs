//! How every YAML file of a site is read: `site.yaml`, `common.yaml` and front matter alike.
//!
//! Strict booleans: `yes`, `no`, `on` and `off` are text, not true and false, so that a town
//! called "No" or an answer "yes" in a list stays what the author wrote.

pub fn yaml_options() -> serde_saphyr::Options {
    serde_saphyr::options! { strict_booleans: true }
}
