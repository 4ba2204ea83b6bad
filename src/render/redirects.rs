//! The pages at the old addresses of renamed entries (`aliases:`): in every language, a page
//! that sends the reader on to the entry's page at once, with a link for when it does not (no
//! refresh, a text browser), pointing search engines to the new page and kept out of their
//! index and of the sitemap.

use crate::diagnostics::Diagnostics;
use crate::model::urls::{entry_path, index_file};
use crate::output::Output;
use crate::render::Model;
use crate::render::chrome;
use crate::render::meta::Meta;
use crate::render::pages::render_one;

pub fn write_redirects(m: &Model, tera: &tera::Tera, out: &mut Output, diags: &mut Diagnostics) {
    for ((c, old), new) in &m.links.aliases {
        let Some(e) = m.content.get(*c, new) else {
            continue;
        };
        for l in &m.config.languages {
            let target = entry_path(*c, new, &l.code);
            let mut chrome = chrome::chrome(
                m,
                &l.code,
                &|lang| entry_path(*c, new, lang),
                &|_| true,
                None,
            );
            chrome.canonical = m.config.absolute(&target);
            chrome.hreflang.clear();
            let mut ctx = chrome::context(&chrome);
            ctx.insert(
                "meta",
                &Meta {
                    named: vec![("robots".into(), "noindex".into())],
                    ..Meta::default()
                },
            );
            ctx.insert("target", &m.config.link(&target));
            ctx.insert("title", &m.title_of(e, &l.code));
            let path = index_file(&entry_path(*c, old, &l.code));
            render_one(tera, "redirect.html", &ctx, &path, out, diags);
        }
    }
}
