# Sulam default theme: Arabic UI strings.
# Plurals: zero/one/two/few/many/other (CLDR): 0, 1, 2, 3–10, 11–99, 100–102.
skip-to-content = انتقل إلى المحتوى
languages-label = اللغة
main-nav-label = القائمة الرئيسية
menu-button = القائمة
footer-nav-label = عن الموقع
breadcrumbs-label = أنت هنا
home = الصفحة الرئيسية
footer-built-with = بُني بواسطة سُلَّم.

collection-initiatives = المبادرات
collection-partners = الشركاء
collection-towns = البلدات
collection-networks = شبكات البلدات
collection-domains = مجالات الحياة
collection-sectors = القطاعات
collection-people = الأشخاص
collection-pages = الصفحات
collection-news = الأخبار

singular-initiatives = مبادرة
singular-partners = شريك
singular-towns = بلدة
singular-networks = شبكة بلدات
singular-domains = مجال حياة
singular-sectors = قطاع
singular-people = شخص
singular-pages = صفحة
singular-news = خبر

count-initiatives = { $count ->
    [zero] لا توجد مبادرات
    [one] مبادرة واحدة
    [two] مبادرتان
    [few] { $count } مبادرات
    [many] { $count } مبادرة
   *[other] { $count } مبادرة
}
home-all-initiatives = جميع المبادرات ({ $count })
count-partners = { $count ->
    [zero] لا يوجد شركاء
    [one] شريك واحد
    [two] شريكان
    [few] { $count } شركاء
    [many] { $count } شريكًا
   *[other] { $count } شريك
}
count-towns = { $count ->
    [zero] لا توجد بلدات
    [one] بلدة واحدة
    [two] بلدتان
    [few] { $count } بلدات
    [many] { $count } بلدة
   *[other] { $count } بلدة
}
count-networks = { $count ->
    [zero] لا توجد شبكات
    [one] شبكة واحدة
    [two] شبكتان
    [few] { $count } شبكات
    [many] { $count } شبكة
   *[other] { $count } شبكة
}
count-domains = { $count ->
    [zero] لا توجد مجالات
    [one] مجال واحد
    [two] مجالان
    [few] { $count } مجالات
    [many] { $count } مجالًا
   *[other] { $count } مجال
}
count-sectors = { $count ->
    [zero] لا توجد قطاعات
    [one] قطاع واحد
    [two] قطاعان
    [few] { $count } قطاعات
    [many] { $count } قطاعًا
   *[other] { $count } قطاع
}
count-people = { $count ->
    [zero] لا يوجد أشخاص
    [one] شخص واحد
    [two] شخصان
    [few] { $count } أشخاص
    [many] { $count } شخصًا
   *[other] { $count } شخص
}
count-news = { $count ->
    [zero] لا توجد أخبار
    [one] خبر واحد
    [two] خبران
    [few] { $count } أخبار
    [many] { $count } خبرًا
   *[other] { $count } خبر
}
count-pages = { $count ->
    [zero] لا توجد صفحات
    [one] صفحة واحدة
    [two] صفحتان
    [few] { $count } صفحات
    [many] { $count } صفحة
   *[other] { $count } صفحة
}

fallback-notice = لم تُترجم هذه الصفحة إلى العربية بعد. يظهر نصّها باللغة { $language }.
partial-notice = لم تُترجم أجزاء من هذه الصفحة إلى العربية بعد، وهي تظهر باللغة { $language }.

fact-status = الحالة
fact-years = السنوات
fact-ages = الأعمار
fact-audience = الفئة المستهدفة
fact-timeframe = الإطار الزمني
fact-website = الموقع الإلكتروني
fact-email = البريد الإلكتروني
fact-phone = الهاتف
fact-address = العنوان
fact-sector = القطاع
fact-district = اللواء
fact-kind = النوع
fact-cluster = العنقود الاجتماعي-الاقتصادي
fact-role = الوظيفة
fact-organisation = المؤسسة

years-since = منذ { $year }
years-until = حتى { $year }
ages-range = من سن { $from } حتى { $to }

status-planned = مخطَّطة
status-active = فعّالة
status-completed = انتهت

role-lead = جهة قائدة
role-funder = جهة مموِّلة
role-operator = جهة منفِّذة
role-partner = شريك

district-north = لواء الشمال
district-haifa = لواء حيفا
district-center = لواء المركز
district-tel-aviv = لواء تل أبيب
district-jerusalem = لواء القدس
district-south = لواء الجنوب
district-judea-samaria = الضفة الغربية

kind-city = بلدية
kind-local-council = مجلس محلي
kind-regional-council = مجلس إقليمي
kind-cluster = عنقود إقليمي

section-pillars = محاور العمل
section-milestones = المحطات الأساسية
section-outcomes = النتائج المتوقعة
section-team = الطاقم
section-partners = الشركاء
section-towns = البلدات
section-networks = شبكات البلدات
section-domains = مجالات الحياة
section-related = مبادرات ذات صلة
section-news = أخبار
section-initiatives = المبادرات
section-initiatives-here = مبادرات في هذه البلدة
section-people = أشخاص
section-figures = معطيات أساسية
section-latest-news = آخر الأخبار

partners-by-sector = الشركاء حسب القطاع
figure-source = المصدر:
logo-of = شعار { $name }

# Figures and charts (docs/figures.md, docs/charts.md). $value is the number as written
# (with its percent sign or currency), $n the number itself, for plural forms.
figure-approx = { $unit ->
    [times] { $value } تقريبًا
   *[other] حوالي { $value }
}
figure-range = { $from }–{ $to }
figure-times = { $n ->
    [zero] { $value } ضعف
    [one] ضعف واحد
    [two] ضعفان
    [few] { $value } أضعاف
    [many] { $value } ضعفًا
   *[other] { $value } ضعف
}
figure-times-range = { $n ->
    [few] { $value } أضعاف
    [many] { $value } ضعفًا
   *[other] { $value } ضعف
}
chart-label-column = البند
chart-value-column = القيمة

accessibility-statement = بيان الإتاحة
statement-standard-heading = المعيار والمستوى
statement-standard = بُني هذا الموقع ليستوفي { $standard }، كما تشترط أنظمة المساواة في الحقوق للأشخاص ذوي الإعاقة (ملاءمات الإتاحة للخدمة) لسنة 2013.
statement-limits-heading = ما الذي لم يُتَح بعد
statement-coordinator-heading = مركّز/ة الإتاحة
statement-coordinator-name = الاسم
statement-email = البريد الإلكتروني
statement-phone = الهاتف
statement-report-heading = كيف تبلّغون عن مشكلة
statement-report = إذا لم يكن جزء من الموقع متاحًا لكم، اكتبوا إلى مركّز/ة الإتاحة أو اتصلوا. اذكروا الصفحة، وما حاولتم فعله، وأيّ متصفّح وأيّ تقنية مساعدة تستخدمون. سنردّ عليكم ونصلح المشكلة أو نوفّر لكم المعلومات بطريقة أخرى.
statement-reviewed = آخر مراجعة:

not-found-title = الصفحة غير موجودة
not-found-text = الصفحة التي طلبتها ليست هنا. ربما نُقلت؛ يمكنك البدء من جديد من الصفحة الرئيسية.
not-found-home = الصفحة الرئيسية بالعربية

feed-title = الأخبار · { $site }

related-found-note = وُجدت بحسب البلدات والشركاء ومجالات الحياة المشتركة.
related-town = أيضًا في { $name }
related-partner = أيضًا مع { $name }
related-domain = أيضًا في مجال { $name }
related-reason-separator = {" · "}

map-caption-towns = أين تقع البلدات.
map-caption-towns-page = أين تقع البلدات في هذه الصفحة.
map-caption-network = أين تقع بلدات الشبكة.
map-caption-initiative = أين تعمل المبادرة.
map-note = رُسمت الخريطة وفق إحداثيات كل بلدة، والشمال إلى الأعلى؛ اختاروا بلدة للانتقال إلى صفحتها.
map-others-note = النقاط الرمادية هي سائر البلدات في الموقع.
map-unplaced = غير ظاهرة على الخريطة (لم تُذكر إحداثياتها، أو تقع خارج حدودها):
list-separator = {"، "}

filters-heading = البحث عن مبادرات
filters-browse = صفحة لمبادرات كل مجال حياة أو فئة عمرية أو بلدة أو لواء أو شريك أو قطاع أو حالة:
filters-clear = مسح التصفية
filters-none = لا توجد مبادرة تستوفي كل ما اخترتموه من تصفية.
filter-refine = تصفية إضافية في قائمة كل المبادرات

# Long lists split into pages (per_page in site.yaml), and the news by year (docs/lists.md).
pager-label = الصفحات
pager-previous = السابق
pager-next = التالي
pager-page = الصفحة { $page }
page-of = الصفحة { $page } من { $pages }
list-page = { $title }، الصفحة { $page } من { $pages }
news-year = أخبار عام { $year }
news-by-year = الأخبار حسب السنة:
filters-browse-list = لكلٍّ منها صفحة فيها مبادراتها:
filters-browse-first = صفحة لكل مجال حياة وفئة عمرية وبلدة وغير ذلك: في الصفحة الأولى من القائمة
facet-domain = مجال الحياة
facet-ages = الفئة العمرية
facet-town = البلدة
facet-district = اللواء
facet-partner = الشريك
facet-sector = قطاع الشريك
facet-status = الحالة
ages-and-over = من سن { $from } فما فوق

search-title = بحث
search-label = البحث في الموقع
search-button = بحث
search-results = النتائج
search-count = { $count ->
    [zero] لا توجد نتائج
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $count } نتائج
    [many] { $count } نتيجة
   *[other] { $count } نتيجة
}
search-none = لا توجد نتائج
search-all = كل النتائج
search-more = مزيد من النتائج
search-in-language = النص باللغة { $language }
search-needs-js = يعمل البحث في المتصفح ويحتاج إلى JavaScript، وهو معطّل الآن. كل المبادرات والشركاء والبلدات مدرجة أيضًا في القائمة أعلاه.

social-image-alt = سُلّم على خلفية زرقاء
search-description = البحث في كل { $site }: المبادرات والشركاء والبلدات والأشخاص والأخبار.

# A page that is not published yet (serve and build --drafts only).
draft-mark = مسودة:
draft-notice = هذه الصفحة لم تُنشر بعد، ولا يراها إلا من يُعدّها.

# The old address of a renamed entry, with a link to the new page.
moved-text = انتقلت هذه الصفحة إلى عنوان جديد:

# Markdown components: a callout's label (> [!NOTE] ...), a video's play button.
callout-note = ملاحظة
callout-tip = نصيحة
callout-important = مهم
callout-warning = تحذير
callout-caution = احذر
video-play = تشغيل الفيديو: { $title }
