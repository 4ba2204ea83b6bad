# The example site's own UI strings. A site's i18n/<lang>.ftl overrides the theme's strings
# key by key (see docs/languages.md); here, the footer's line about the site.
footer-built-with = قاعدة معرفة نموذجية بُنيت باستخدام سُلّم. الحقائق الواردة فيها مأخوذة من وثائق البرامج التي تصفها.
