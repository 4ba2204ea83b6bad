// Problems found by the checks that come from template markup or from the generator
// (themes/default/templates, src), which this suite does not own. A matching finding is still a
// failure, counted in the closing line like any other; the entry only names it and says why
// ("known issue: ..."), so the report points at the cause. Remove an entry as soon as the markup
// is fixed; an entry that no longer matches anything is reported so it can go.

// axe-core violations.
//   rule:   the axe rule id
//   page:   optional RegExp over the site path ("/he/initiatives/")
//   target: optional RegExp every failing node's CSS selector must match
//   why:    one line: what is wrong in the markup and where
export const KNOWN_TEMPLATE_ISSUES = [];

// Root-relative links that answer 404.
//   url:  RegExp over the path asked for (with the base path, "/kb/he/pages/")
//   why:  one line: what is wrong and where
export const KNOWN_BROKEN_LINKS = [
  // Was: /<lang>/pages/ linked from every "pages" entry's breadcrumb with no list page built;
  // fixed in the templates (commit 21d84e0).
];
