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

// Results axe could not decide that a person reviewed, each with the reason it passes; any
// other undecided result fails the check.
//   rule:   the axe rule id;  target: RegExp over the node's CSS selector;  why: one line
export const REVIEWED = [
  {
    rule: 'color-contrast',
    target: /^(\.map-town:nth-child\(\d+\) > \.label|text(\[[^\]]*\])*)$/,
    why: 'the town map\'s SVG labels: axe cannot find the colour behind SVG text; map.mjs measures each name\'s contrast with the land and the sea in both schemes',
  },
  {
    rule: 'color-contrast',
    target: /^svg(\[[^\]]*\])* > \.chart-(label|value)(\[[^\]]*\])*$/,
    why: 'a chart\'s SVG words (the SVG is aria-hidden; its table gives them to screen readers): axe cannot find the colour behind SVG text; charts.mjs measures them at 4.5:1 against the page in both schemes',
  },
];
export const isReviewed = (rule, target) => REVIEWED.some((r) => r.rule === rule && r.target.test(target));
