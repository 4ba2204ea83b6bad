# Sulam default theme: English UI strings.
skip-to-content = Skip to content
languages-label = Language
main-nav-label = Main
menu-button = Menu
footer-nav-label = About this site
breadcrumbs-label = You are here
home = Home
footer-built-with = Built with Sulam.

collection-initiatives = Initiatives
collection-partners = Partners
collection-towns = Towns
collection-networks = Town networks
collection-domains = Life domains
collection-sectors = Sectors
collection-people = People
collection-pages = Pages
collection-news = News

singular-initiatives = Initiative
singular-partners = Partner
singular-towns = Town
singular-networks = Town network
singular-domains = Life domain
singular-sectors = Sector
singular-people = Person
singular-pages = Page
singular-news = News

count-initiatives = { $count ->
    [one] One initiative
   *[other] { $count } initiatives
}
home-all-initiatives = All { $count } initiatives
count-partners = { $count ->
    [one] One partner
   *[other] { $count } partners
}
count-towns = { $count ->
    [one] One town
   *[other] { $count } towns
}
count-networks = { $count ->
    [one] One network
   *[other] { $count } networks
}
count-domains = { $count ->
    [one] One life domain
   *[other] { $count } life domains
}
count-sectors = { $count ->
    [one] One sector
   *[other] { $count } sectors
}
count-people = { $count ->
    [one] One person
   *[other] { $count } people
}
count-news = { $count ->
    [one] One news item
   *[other] { $count } news items
}
count-pages = { $count ->
    [one] One page
   *[other] { $count } pages
}

fallback-notice = This page has not been translated into English yet. Its text is shown in { $language }.
partial-notice = Parts of this page have not been translated into English yet; they are shown in { $language }.

fact-status = Status
fact-years = Years
fact-ages = Ages
fact-audience = Who it serves
fact-timeframe = Timeframe
fact-website = Website
fact-email = Email
fact-phone = Phone
fact-address = Address
fact-sector = Sector
fact-district = District
fact-kind = Kind
fact-cluster = Socio-economic cluster
fact-role = Role
fact-organisation = Organisation

years-since = Since { $year }
years-until = Until { $year }
ages-range = { $from } to { $to } years

status-planned = Planned
status-active = Active
status-completed = Completed

role-lead = Lead
role-funder = Funder
role-operator = Operator
role-partner = Partner

district-north = Northern District
district-haifa = Haifa District
district-center = Central District
district-tel-aviv = Tel Aviv District
district-jerusalem = Jerusalem District
district-south = Southern District
district-judea-samaria = Judea and Samaria

kind-city = City
kind-local-council = Local council
kind-regional-council = Regional council
kind-cluster = Regional cluster

section-pillars = Pillars of action
section-milestones = Milestones
section-outcomes = Expected outcomes
section-team = Team
section-partners = Partners
section-towns = Towns
section-networks = Town networks
section-domains = Life domains
section-related = Related initiatives
section-news = News
section-initiatives = Initiatives
section-initiatives-here = Initiatives in this town
section-people = People
section-figures = Key figures
section-latest-news = Latest news

partners-by-sector = Partners by sector
figure-source = Source:
logo-of = Logo of { $name }

# Figures and charts (docs/figures.md, docs/charts.md). $value is the number as written
# (with its percent sign or currency), $n the number itself, for plural forms.
figure-approx = about { $value }
figure-range = { $from }–{ $to }
figure-times = { $n ->
    [one] { $value } time
   *[other] { $value } times
}
figure-times-range = { $value } times
chart-label-column = Item
chart-value-column = Value

accessibility-statement = Accessibility statement
statement-standard-heading = Standard and level
statement-standard = This site is built to meet { $standard }, as the Equal Rights for Persons with Disabilities (Service Accessibility Adjustments) Regulations, 2013, require.
statement-limits-heading = What is not accessible yet
statement-coordinator-heading = Accessibility coordinator
statement-coordinator-name = Name
statement-email = Email
statement-phone = Phone
statement-report-heading = How to report a problem
statement-report = If part of the site does not work for you, write to the accessibility coordinator or call. Say which page it is, what you tried to do, and which browser and assistive technology you use. We will answer, and fix the problem or give you the information another way.
statement-reviewed = Last reviewed:

not-found-title = Page not found
not-found-text = The page you asked for is not here. It may have moved; start again from the home page.
not-found-home = Home page in English

feed-title = News · { $site }

related-found-note = Found by the towns, partners and life domains they share.
related-town = Also in { $name }
related-partner = Also with { $name }
related-domain = Also on { $name }
related-reason-separator = {" · "}

map-caption-towns = Where the towns are.
map-caption-towns-page = Where the towns on this page are.
map-caption-network = Where the network's towns are.
map-caption-initiative = Where the initiative runs.
map-note = Drawn from each town's coordinates, north up; choose a town to open its page.
map-others-note = Grey dots are the site's other towns.
map-unplaced = Not shown on the map (no coordinates given, or outside its area):
list-separator = {", "}

filters-heading = Find initiatives
filters-browse = A page of initiatives for each life domain, age group, town, district, partner, sector or status:
filters-clear = Clear the filters
filters-none = No initiative matches all the filters you chose.
filter-refine = Filter further in the list of all initiatives

# Long lists split into pages (per_page in site.yaml), and the news by year (docs/lists.md).
pager-label = Pages
pager-previous = Previous
pager-next = Next
pager-page = Page { $page }
page-of = Page { $page } of { $pages }
list-page = { $title }, page { $page } of { $pages }
news-year = News of { $year }
news-by-year = News by year:
filters-browse-list = Each has a page with its initiatives:
filters-browse-first = A page for each life domain, age group, town and more: on the first page of the list
facet-domain = Life domain
facet-ages = Age group
facet-town = Town
facet-district = District
facet-partner = Partner
facet-sector = Partner's sector
facet-status = Status
ages-and-over = { $from } years and over

search-title = Search
search-label = Search the site
search-button = Search
search-results = Results
search-count = { $count ->
    [one] One result
   *[other] { $count } results
}
search-none = No results
search-all = All results
search-more = More results
search-in-language = Text in { $language }
search-needs-js = Search runs in your browser and needs JavaScript, which is off. Every initiative, partner and town is also listed from the menu above.

social-image-alt = A ladder on a blue ground
search-description = Search everything on { $site }: initiatives, partners, towns, people and news.

# A page that is not published yet (serve and build --drafts only).
draft-mark = Draft:
draft-notice = this page is not published yet; only the people preparing it see it.

# The old address of a renamed entry, with a link to the new page.
moved-text = This page has moved to a new address:

# Markdown components: a callout's label (> [!NOTE] ...), a video's play button.
callout-note = Note
callout-tip = Tip
callout-important = Important
callout-warning = Warning
callout-caution = Caution
video-play = Play video: { $title }
