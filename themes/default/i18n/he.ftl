# Sulam default theme: Hebrew UI strings.
# Plurals: one/two/other only (Fluent's CLDR 37 rules would send 20, 100, 1000 to "many").
skip-to-content = דילוג לתוכן
languages-label = שפה
main-nav-label = ראשי
menu-button = תפריט
footer-nav-label = על האתר
breadcrumbs-label = אתם נמצאים כאן
home = דף הבית
footer-built-with = נבנה באמצעות סולם.

collection-initiatives = יוזמות
collection-partners = שותפים
collection-towns = יישובים
collection-networks = רשתות יישובים
collection-domains = תחומי חיים
collection-sectors = מגזרים
collection-people = אנשים
collection-pages = דפים
collection-news = חדשות

singular-initiatives = יוזמה
singular-partners = שותף
singular-towns = יישוב
singular-networks = רשת יישובים
singular-domains = תחום חיים
singular-sectors = מגזר
singular-people = איש צוות
singular-pages = דף
singular-news = עדכון

count-initiatives = { $count ->
    [one] יוזמה אחת
    [two] שתי יוזמות
   *[other] { $count } יוזמות
}
home-all-initiatives = לכל היוזמות ({ $count })
count-partners = { $count ->
    [one] שותף אחד
    [two] שני שותפים
   *[other] { $count } שותפים
}
count-towns = { $count ->
    [one] יישוב אחד
    [two] שני יישובים
   *[other] { $count } יישובים
}
count-networks = { $count ->
    [one] רשת אחת
    [two] שתי רשתות
   *[other] { $count } רשתות
}
count-domains = { $count ->
    [one] תחום חיים אחד
    [two] שני תחומי חיים
   *[other] { $count } תחומי חיים
}
count-sectors = { $count ->
    [one] מגזר אחד
    [two] שני מגזרים
   *[other] { $count } מגזרים
}
count-people = { $count ->
    [one] אדם אחד
    [two] שני אנשים
   *[other] { $count } אנשים
}
count-news = { $count ->
    [one] עדכון אחד
    [two] שני עדכונים
   *[other] { $count } עדכונים
}
count-pages = { $count ->
    [one] דף אחד
    [two] שני דפים
   *[other] { $count } דפים
}

fallback-notice = דף זה טרם תורגם לעברית. הטקסט מוצג ב{ $language }.
partial-notice = חלקים מדף זה טרם תורגמו לעברית ומוצגים ב{ $language }.

fact-status = סטטוס
fact-years = שנים
fact-ages = גילים
fact-audience = למי זה מיועד
fact-timeframe = מסגרת זמנים
fact-website = אתר אינטרנט
fact-email = דוא״ל
fact-phone = טלפון
fact-address = כתובת
fact-sector = מגזר
fact-district = מחוז
fact-kind = סוג
fact-cluster = אשכול חברתי-כלכלי
fact-role = תפקיד
fact-organisation = ארגון

years-since = משנת { $year }
years-until = עד { $year }
ages-range = מגיל { $from } עד { $to }

status-planned = מתוכננת
status-active = פעילה
status-completed = הסתיימה

role-lead = מובילים
role-funder = מממנים
role-operator = מפעילים
role-partner = שותפים

district-north = מחוז הצפון
district-haifa = מחוז חיפה
district-center = מחוז המרכז
district-tel-aviv = מחוז תל אביב
district-jerusalem = מחוז ירושלים
district-south = מחוז הדרום
district-judea-samaria = יהודה ושומרון

kind-city = עירייה
kind-local-council = מועצה מקומית
kind-regional-council = מועצה אזורית
kind-cluster = אשכול אזורי

section-pillars = ממדי פעולה
section-milestones = אבני דרך
section-outcomes = תוצאות מצופות
section-team = צוות
section-partners = שותפים
section-towns = יישובים
section-networks = רשתות יישובים
section-domains = תחומי חיים
section-related = יוזמות קשורות
section-news = עדכונים
section-initiatives = יוזמות
section-initiatives-here = יוזמות ביישוב
section-people = אנשים
section-figures = נתונים מרכזיים
section-latest-news = עדכונים אחרונים

partners-by-sector = שותפים לפי מגזר
figure-source = מקור:
logo-of = הלוגו של { $name }

# Figures and charts (docs/figures.md, docs/charts.md). $value is the number as written
# (with its percent sign or currency), $n the number itself, for plural forms.
figure-approx = { $unit ->
    [times] בערך { $value }
   *[other] כ־{ $value }
}
figure-range = { $from }–{ $to }
figure-times = פי { $value }
figure-times-range = פי { $value }
chart-label-column = פריט
chart-value-column = ערך

accessibility-statement = הצהרת נגישות
statement-standard-heading = תקן ורמה
statement-standard = האתר בנוי כך שיעמוד ב{ $standard }, כנדרש בתקנות שוויון זכויות לאנשים עם מוגבלות (התאמות נגישות לשירות), התשע״ג-2013.
statement-limits-heading = מה עדיין אינו נגיש
statement-coordinator-heading = רכז/ת הנגישות
statement-coordinator-name = שם
statement-email = דוא״ל
statement-phone = טלפון
statement-report-heading = איך מדווחים על בעיה
statement-report = אם חלק מהאתר אינו נגיש לכם, כתבו לרכז/ת הנגישות או התקשרו. ציינו באיזה עמוד מדובר, מה ניסיתם לעשות, ובאיזה דפדפן ובאיזו טכנולוגיה מסייעת אתם משתמשים. נחזור אליכם, נתקן את הבעיה או נמסור לכם את המידע בדרך אחרת.
statement-reviewed = עודכן לאחרונה:

not-found-title = הדף לא נמצא
not-found-text = הדף שביקשתם אינו כאן. ייתכן שהוא הועבר; אפשר להתחיל מחדש מדף הבית.
not-found-home = לדף הבית בעברית

feed-title = חדשות · { $site }

related-found-note = נמצאו לפי היישובים, השותפים ותחומי החיים המשותפים.
related-town = גם ב{ $name }
related-partner = גם עם { $name }
related-domain = גם בתחום { $name }
related-reason-separator = {" · "}

map-caption-towns = היכן נמצאים היישובים.
map-caption-towns-page = היכן נמצאים היישובים שבעמוד זה.
map-caption-network = היכן נמצאים יישובי הרשת.
map-caption-initiative = היכן פועלת היוזמה.
map-note = המפה משורטטת לפי הקואורדינטות של כל יישוב, והצפון למעלה; בחרו יישוב כדי לעבור לדף שלו.
map-others-note = הנקודות האפורות הן שאר היישובים באתר.
map-unplaced = לא מופיעים במפה (לא צוינו קואורדינטות, או שהם מחוץ לתחומה):
list-separator = {", "}

filters-heading = איתור יוזמות
filters-browse = דף עם היוזמות של כל תחום חיים, קבוצת גיל, יישוב, מחוז, שותף, מגזר או סטטוס:
filters-clear = ניקוי הסינון
filters-none = אף יוזמה אינה עונה על כל הסינונים שבחרתם.
filter-refine = סינון נוסף ברשימת כל היוזמות

# Long lists split into pages (per_page in site.yaml), and the news by year (docs/lists.md).
pager-label = עמודים
pager-previous = הקודם
pager-next = הבא
pager-page = עמוד { $page }
page-of = עמוד { $page } מתוך { $pages }
list-page = { $title }, עמוד { $page } מתוך { $pages }
news-year = חדשות { $year }
news-by-year = חדשות לפי שנה:
filters-browse-list = לכל אחד מהם דף עם היוזמות שלו:
filters-browse-first = דף לכל תחום חיים, קבוצת גיל, יישוב ועוד: בעמוד הראשון של הרשימה
facet-domain = תחום חיים
facet-ages = קבוצת גיל
facet-town = יישוב
facet-district = מחוז
facet-partner = שותף
facet-sector = מגזר השותף
facet-status = סטטוס
ages-and-over = מגיל { $from } ומעלה

search-title = חיפוש
search-label = חיפוש באתר
search-button = חיפוש
search-results = תוצאות
search-count = { $count ->
    [one] תוצאה אחת
    [two] שתי תוצאות
   *[other] { $count } תוצאות
}
search-none = לא נמצאו תוצאות
search-all = כל התוצאות
search-more = עוד תוצאות
search-in-language = הטקסט ב{ $language }
search-needs-js = החיפוש פועל בדפדפן ודורש JavaScript, שכבוי כעת. כל היוזמות, השותפים והיישובים מופיעים גם בתפריט שלמעלה.

social-image-alt = סולם על רקע כחול
search-description = חיפוש בכל { $site }: יוזמות, שותפים, יישובים, אנשים וחדשות.

# A page that is not published yet (serve and build --drafts only).
draft-mark = טיוטה:
draft-notice = הדף הזה עוד לא פורסם, ורק מי שמכין אותו רואה אותו.

# The old address of a renamed entry, with a link to the new page.
moved-text = הדף עבר לכתובת חדשה:

# Markdown components: a callout's label (> [!NOTE] ...), a video's play button.
callout-note = הערה
callout-tip = עצה
callout-important = חשוב
callout-warning = אזהרה
callout-caution = זהירות
video-play = הפעלת הסרטון: { $title }
