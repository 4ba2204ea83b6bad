// The whole browser gate in one process, so one Chromium serves every check.
// run.sh runs this file; a single check file also runs alone with `node --test checks/<name>.mjs`.
import './checks/links.mjs';
import './checks/layout.mjs';
import './checks/alt-text.mjs';
import './checks/keyboard.mjs';
import './checks/switcher.mjs';
import './checks/filters.mjs';
import './checks/lists.mjs';
import './checks/map.mjs';
import './checks/charts.mjs';
import './checks/print.mjs';
import './checks/serve.mjs';
import './checks/components.mjs';
import './checks/search-core.mjs';
import './checks/search.mjs';
import './checks/every-page.mjs';
import './checks/lighthouse.mjs';
