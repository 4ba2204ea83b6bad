// axe-core violations that come from template markup (themes/default/templates), which this
// suite does not own. Each entry makes the matching violations "failing-known" (a node:test
// TODO that is reported but does not fail the run) instead of failing the run.
// Remove an entry as soon as the templates are fixed.
//   rule:   the axe rule id
//   page:   optional RegExp over the site path ("/he/initiatives/")
//   target: optional RegExp every failing node's CSS target must match
//   why:    one line saying what is wrong in the markup and where
export const KNOWN_TEMPLATE_ISSUES = [];
