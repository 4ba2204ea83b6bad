#!/usr/bin/env bash
# Sulam's browser quality gate. Builds the example site, the basic fixture, and the basic
# fixture again under a 120-character title (long-title.site.yaml) with the release binary,
# checks every HTML file with the Nu Html Checker, then runs the browser
# checks (axe-core, layout, alt text, keyboard, switcher, filters, map, links, print, search,
# components, Lighthouse) in headless Chromium with node's test runner. Works from any directory:
#   bash tests/browser/run.sh [check files...]
#
#   PRINT_PDF=/path/file.pdf   also save the printed entry page there, for a person to look at
#   KEEP_OUTPUT=1              keep the built sites (their folder is printed)
#   CHROMIUM_PATH=...          another Chromium than /usr/bin/chromium
#   SULAM_BIN=path/to/sulam    use this binary instead of building the release one
#
# Needs: cargo, node 20+ with npm (the npm registry), java 11+, chromium. No browser download.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
started=$(date +%s%N)
elapsed() { echo "$(( ($(date +%s%N) - started) / 1000000 ))" | awk '{ printf "%.1f", $1 / 1000 }'; }

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
command -v java >/dev/null || { echo "run.sh: java is missing (apt-get install default-jre-headless)" >&2; exit 2; }
[ -x "$chromium_path" ] || { echo "run.sh: no Chromium at $chromium_path (apt-get install chromium)" >&2; exit 2; }

# The npm packages, from the lock file; install scripts off (vnu-jar's would fetch a Java).
if [ ! -f "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  echo "== npm ci"
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund)
fi

out="$(mktemp -d "${TMPDIR:-/tmp}/sulam-browser.XXXXXX")"
if [ -n "${KEEP_OUTPUT:-}" ]; then
  echo "built sites kept in $out"
else
  trap 'rm -rf "$out"' EXIT
fi

# SULAM_BIN names an already built binary (CI uses the one `cargo test` built); otherwise
# the release binary is built here.
if [ -n "${SULAM_BIN:-}" ]; then
  sulam="$(realpath "$SULAM_BIN")"
else
  echo "== build (release)"
  (cd "$repo" && cargo build --release --quiet)
  sulam="$repo/target/release/sulam"
fi
"$sulam" build --root "$repo" --output "$out/site"
"$sulam" build --root "$repo/tests/fixtures/basic" --output "$out/fixture"
# The same content under a 120-character site title, for the header's layout checks.
cp -r "$repo/tests/fixtures/basic" "$out/long-title-src"
cp "$here/long-title.site.yaml" "$out/long-title-src/site.yaml"
# And a page of wide media (a 560-px frame, a 640-px video, a long line of code, a wide table,
# and a picture described in each language),
# which must not widen the page on a 360-px phone.
mkdir -p "$out/long-title-src/content/pages/media"
cp "$here"/media-page/* "$out/long-title-src/content/pages/media/"
# And a page of Markdown's components (callouts, a quotation, YouTube, Vimeo and a file video),
# for the same 360-px check and checks/components.mjs.
mkdir -p "$out/long-title-src/content/pages/components"
cp "$here"/components-page/* "$out/long-title-src/content/pages/components/"
# And a partner whose name is wholly Latin, "Tech Forward Ltd.", in every language: on the
# Hebrew and Arabic pages its full stop must stay at its end.
mkdir -p "$out/long-title-src/content/partners/tech-forward"
cp "$here"/latin-partner/* "$out/long-title-src/content/partners/tech-forward/"
# And a page of charts (chart-page/): bars with a long label and columns from a CSV file.
mkdir -p "$out/long-title-src/content/pages/charts"
cp "$here"/chart-page/* "$out/long-title-src/content/pages/charts/"
# And a third initiative, planned, in Ofakim: long-title.site.yaml sets per_page: 1, so every
# list is split into pages, and checks/lists.mjs filters the list from its first page to find
# this one, which is on another.
mkdir -p "$out/long-title-src/content/initiatives/transition"
cp "$here"/paged-initiative/* "$out/long-title-src/content/initiatives/transition/"
"$sulam" build --root "$out/long-title-src" --output "$out/long-title"

site_pages=$(find "$out/site" -name '*.html' -type f | wc -l)
fixture_pages=$(find "$out/fixture" -name '*.html' -type f | wc -l)
long_pages=$(find "$out/long-title" -name '*.html' -type f | wc -l)

echo "== Nu Html Checker: $site_pages example pages, $fixture_pages fixture pages, $long_pages long-title pages"
if ! java -jar "$here/node_modules/vnu-jar/build/dist/vnu.jar" --skip-non-html --errors-only "$out/site" "$out/fixture" "$out/long-title"; then
  echo "Nu Html Checker: errors above (after $(elapsed)s)" >&2
  exit 1
fi
echo "Nu Html Checker: no errors ($(elapsed)s so far)"

echo "== browser checks"
checks=()
for a in "$@"; do checks+=("$(realpath "$a")"); done
if [ "${#checks[@]}" -gt 0 ]; then
  what="then only $*"
else
  checks=("$here/suite.test.mjs")
  what="axe light and dark + 360px on all $site_pages example pages and $fixture_pages fixture pages, links crawled on both sites, Lighthouse on six pages"
fi
status=0
(cd "$here" && SULAM_SITE_DIR="$out/site" SULAM_FIXTURE_DIR="$out/fixture" SULAM_FIXTURE_BASE=/kb/ \
  SULAM_LONG_TITLE_DIR="$out/long-title" CHROMIUM_PATH="$chromium_path" SULAM_BIN="$sulam" \
  node --test --test-reporter=spec "${checks[@]}") || status=$?

echo "browser gate: $((site_pages + fixture_pages + long_pages)) pages checked ($site_pages example site, $fixture_pages fixture," \
  "$long_pages long-title:" \
  "Nu Html Checker on all; $what) in $(elapsed)s, exit $status"
exit "$status"
