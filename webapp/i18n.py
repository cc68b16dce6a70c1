"""Arabic/English interface strings and the language switch.

``?lang=ar`` or ``?lang=en`` on any page chooses the interface language and
keeps it in the session; otherwise the session's choice, then English.
Templates get ``t(key)``, ``tf(key, **params)`` (numbers and codes isolated
in ``<bdi>``), ``tn(key, n, **params)`` (``tf`` in the plural form of ``n``, see
:mod:`webapp.plurals`), ``tr(message)`` (an error's :class:`~webapp.messages.Message`, or a
library's English text, in the interface language; see :func:`localize`), ``event_label(name)``
(ACLED type names), ``actors_label(names)``, ``place_type_label(value)``,
``governorate_label(admin1)`` (:mod:`webapp.placenames`),
``isolate(text)`` (a name between Unicode isolates, for attributes), ``ui_lang``,
``ui_dir`` (``rtl`` in Arabic) and ``lang_url(code)``; the map's JavaScript gets :func:`strings` as JSON.
Article text keeps its own direction whatever the interface language.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from flask import Flask, has_request_context, request, session, url_for
from markupsafe import Markup, escape
from werkzeug import exceptions as http
from werkzeug.routing import BuildError

from .messages import Message
from .placenames import governorate_label
from .plurals import plural_form

LANGUAGES = ("en", "ar")
RTL = frozenset({"ar"})

#: key → (English, Arabic).  ``{name}`` marks a parameter (see :func:`format_markup`).
STRINGS: dict[str, tuple[str, str]] = {
    "app_title": ("Syria incident map", "خريطة الحوادث في سوريا"),
    "map": ("Map", "الخريطة"),
    "upload": ("Upload", "رفع مقال"),
    "articles": ("Articles", "المقالات"),
    "incidents": ("Incidents", "الحوادث"),
    "gazetteer": ("Gazetteer", "المعجم الجغرافي"),
    "unresolved_names": ("Names the gazetteer lacks", "أسماء لا يعرفها المعجم الجغرافي"),
    "unresolved_intro": (
        "Places the articles name that the gazetteer does not know, commonest first.",
        "أماكن تذكرها المقالات ولا يعرفها المعجم الجغرافي، الأكثر تكرارًا أولًا.",
    ),
    "name": ("Name", "الاسم"),
    "mentions_count": ("Mentions", "مرات الذكر"),
    "articles_count": ("Articles", "المقالات"),
    "cue": ("Marked by", "الكلمة الدالة"),
    "container": ("Named with", "ذُكر مع"),
    "example": ("Example", "مثال"),
    "read_sentence": ("read", "اقرأ"),
    "no_unresolved": (
        "Every name found so far is in the gazetteer.",
        "كل الأسماء حتى الآن موجودة في المعجم الجغرافي.",
    ),
    "pin_place": ("Pin on the map", "ثبّت على الخريطة"),
    "pin_hint": (
        "Click the map where the place is, check its names, type and parent, then save.",
        "انقر على الخريطة حيث يقع المكان، وتحقق من أسمائه ونوعه والمكان الأم، ثم احفظ.",
    ),
    "name_en": ("English name", "الاسم بالإنكليزية"),
    "name_ar": ("Arabic name", "الاسم بالعربية"),
    "parent_place": ("Parent (a place it lies in)", "المكان الأم (مكان يقع فيه)"),
    "latitude": ("Latitude", "خط العرض"),
    "longitude": ("Longitude", "خط الطول"),
    "save_place": ("Save the place", "احفظ المكان"),
    "place_pinned": (
        "The place is saved; the articles that named it were read again.",
        "حُفظ المكان، وأُعيدت قراءة المقالات التي ذكرته.",
    ),
    "language": ("العربية", "English"),
    "filters": ("Filters", "التصفية"),
    "from": ("From", "من"),
    "to": ("To", "إلى"),
    "type": ("Event type", "نوع الحدث"),
    "actor": ("Actor", "الفاعل"),
    "governorate": ("Governorate", "المحافظة"),
    "precision": ("Precision", "الدقة"),
    "search": ("Search", "بحث"),
    "source": ("Source", "المصدر"),
    "apply": ("Apply", "تطبيق"),
    "reset": ("Reset", "إعادة ضبط"),
    "any": ("Any", "الكل"),
    "in_view": ("incidents in view", "حادثة في العرض"),
    "matching": ("matching", "مطابقة"),
    "export": ("Export", "تصدير"),
    "timeline": ("Timeline", "الخط الزمني"),
    "timeline_day": ("per day", "يوميًا"),
    "timeline_week": ("per week", "أسبوعيًا"),
    "timeline_month": ("per month", "شهريًا"),
    "play": ("Play", "تشغيل"),
    "pause": ("Pause", "إيقاف"),
    "all_dates": ("All dates", "كل التواريخ"),
    "layers": ("Layers", "الطبقات"),
    "legend": ("Legend", "مفتاح الخريطة"),
    "heat": ("Heat (incident density)", "الكثافة الحرارية"),
    "choropleth": ("Incidents per governorate", "الحوادث حسب المحافظة"),
    "roads": ("Roads", "الطرق"),
    "outline": ("Syria outline", "حدود سوريا"),
    "incident_types": ("Incidents by type", "الحوادث حسب النوع"),
    "same_line": ("incidents drawn on this line", "حوادث مرسومة على هذا الخط"),
    "basemap_water": ("Rivers and lakes", "الأنهار والبحيرات"),
    "basemap_borders": ("Governorates and districts", "المحافظات والمناطق"),
    "basemap_roads": ("Main roads", "الطرق الرئيسية"),
    "basemap_labels": ("Cities and towns", "المدن والبلدات"),
    "date": ("Date", "التاريخ"),
    "place": ("Place", "المكان"),
    "where": ("Where", "الموقع"),
    "actors": ("Actors", "الأطراف"),
    "fatalities": ("Fatalities", "القتلى"),
    "exact": ("exact place", "مكان محدد"),
    "near": ("near", "بالقرب من"),
    "approximate": ("approximate (area)", "تقريبي (منطقة)"),
    "open_sentence": ("Open the sentence in the article", "افتح الجملة في المقال"),
    "show_on_map": ("Show on map", "اعرض على الخريطة"),
    "unknown": ("unknown", "غير معروف"),
    "cluster": ("incidents here; zoom in", "حادثة هنا؛ قرّب الخريطة"),
    "loading": ("Loading…", "جارٍ التحميل…"),
    "load_error": ("Could not load incidents", "تعذّر تحميل الحوادث"),
    "title": ("Title", "العنوان"),
    "published": ("Published", "تاريخ النشر"),
    "language_col": ("Language", "اللغة"),
    "previous": ("Previous", "السابق"),
    "next": ("Next", "التالي"),
    "page": ("Page", "صفحة"),
    "of": ("of", "من"),
    "no_results": ("Nothing matches.", "لا توجد نتائج."),
    "sentence": ("Sentence", "الجملة"),
    "article": ("Article", "المقال"),
    "sub_type": ("Sub-type", "النوع الفرعي"),
    "results": ("results", "نتيجة"),
    # Upload form (labels are lazy keys in webapp/articles/forms.py).
    "upload_title": ("Upload an article", "رفع مقال"),
    "field_text": ("Article text", "نص المقال"),
    "field_file": (
        "…or a file (.txt, .md, .html; UTF-8 or Windows-1256)",
        "…أو ملف نصي (txt أو md أو html، بترميز UTF-8 أو Windows-1256)",
    ),
    "field_published": ("Publication date", "تاريخ النشر"),
    "field_source_url": ("Source URL", "رابط المصدر"),
    "lang_auto": ("Detect automatically", "تحديد تلقائي"),
    "lang_ar": ("Arabic — العربية", "العربية"),
    "lang_en": ("English", "الإنكليزية"),
    "bad_extension": (
        "Upload a .txt, .md or .html file, or a .jsonl or .zip of articles.",
        "ارفع ملفًا بصيغة txt أو md أو html، أو ملف jsonl أو zip من المقالات.",
    ),
    "upload_limits": (
        "Up to {mb} MB and {chars} characters.",
        "الحجم الأقصى {mb} ميغابايت، والحد الأقصى لعدد الأحرف {chars}.",
    ),
    "extract": ("Extract incidents", "استخراج الحوادث"),
    # Article page.
    "published_on": ("Published {date}", "تاريخ النشر: {date}"),
    "n_sentences": ("{n} sentences", "عدد الجمل: {n}"),
    "n_mentions": ("{n} place mentions", "الأماكن المذكورة: {n}"),
    "n_incidents": ("{n} incidents", "عدد الحوادث: {n}"),
    "on_the_map": ("on the map", "على الخريطة"),
    "geo_precision": ("Precision", "الدقة الجغرافية"),
    "source_sentence": ("Sentence", "الجملة المصدر"),
    "no_incidents": ("No incidents were found in this article.", "لم يُعثر على حوادث في هذا المقال."),
    "unresolved": ("unresolved", "موقع غير محدد"),
    "precision_1": ("exact place", "المكان نفسه"),
    "precision_2": ("near the place", "بالقرب من المكان"),
    "precision_3": ("approximate: district or governorate", "تقريبي: منطقة أو محافظة"),
    "date_week": ("week", "بدقة الأسبوع"),
    "date_month": ("month", "بدقة الشهر"),
    "date_year": ("year", "بدقة السنة"),
    # The popup's badge for an incident not at its place's point (geo_precision 2 and 3).
    "precision_badge_2": ("near", "بالقرب"),
    "precision_badge_3": ("approximate", "تقريبي"),
    # Gazetteer pages.
    "place_name": ("Place name", "اسم المكان"),
    "n_places": ("{n} places for {q}", "نتائج البحث عن {q}: {n}"),
    "place_type": ("Type", "نوع المكان"),
    "place_id": ("Id", "المعرّف"),
    "pcode": ("P-code", "الرمز الإداري"),
    "coordinates": ("Coordinates", "الإحداثيات"),
    "parents": ("Parents", "التبعية الإدارية"),
    "other_names": ("Other names", "أسماء أخرى"),
    "population": ("Population", "عدد السكان"),
    "licence": ("Licence", "الترخيص"),
    "map_of": ("Map of {name}", "خريطة {name}"),
    # Job and error pages.
    "ingesting": ("Ingesting…", "جارٍ التحليل…"),
    "ingesting_article": ("Ingesting the article", "جارٍ تحليل المقال"),
    "back_to_form": ("Back to the form", "العودة إلى النموذج"),
    "job_status": (
        "Job {id} is {status}; this page refreshes until it is done.",
        "المهمة {id}: {status}. تُحدَّث هذه الصفحة تلقائيًا حتى تنتهي.",
    ),
    # Batch jobs (webapp/jobs).
    "jobs": ("Jobs", "المهام"),
    "jobs_title": ("Batch jobs", "مهام الدفعات"),
    "no_jobs": (
        "No batch job yet: upload a .jsonl or .zip of articles.",
        "لا توجد مهام دفعات بعد: ارفع ملف jsonl أو zip يضم مقالات.",
    ),
    "batch_job": ("Batch job {id}", "مهمة الدفعة {id}"),
    "job_source": ("File", "الملف"),
    "job_state": ("State", "الحالة"),
    "job_progress_col": ("Progress", "التقدم"),
    "job_started_at": ("Submitted", "تاريخ الإرسال"),
    "job_progress": ("{done} of {total} run", "نُفّذ {done} من {total}"),
    "job_counts": (
        "{created} created, {existing} existing, {failed} failed",
        "{created} جديد، {existing} موجود مسبقًا، {failed} فشل",
    ),
    "batch_queued": ("waiting", "بانتظار التنفيذ"),
    "batch_running": ("running", "قيد التنفيذ"),
    "batch_done": ("done", "اكتملت"),
    "batch_partial": ("partly done", "اكتملت جزئيًا"),
    "batch_failed": ("failed", "فشلت"),
    "job_refreshing": (
        "This page refreshes until the job ends.",
        "تُحدَّث هذه الصفحة تلقائيًا حتى تنتهي المهمة.",
    ),
    "job_resume": ("Run the failed and remaining articles again", "أعد تشغيل المقالات الفاشلة والمتبقية"),
    "job_resume_hint": ("From a shell:", "من سطر الأوامر:"),
    "failed_items": ("Articles that failed", "المقالات التي فشلت"),
    "job_item": ("Article", "المقال"),
    "job_error_col": ("Error", "الخطأ"),
    "upload_batch_hint": (
        "A .jsonl file (one JSON object a line: text, title, date) or a .zip of articles "
        "becomes one batch job, shown on the Jobs page.",
        "ملف jsonl (كائن JSON لكل مقال في كل سطر) أو أرشيف zip من المقالات "
        "يصبح مهمة دفعة واحدة تظهر في صفحة المهام.",
    ),
    "error_status": ("Error {status}", "خطأ {status}"),
    "article_existed": (
        "This article already existed; here is the stored copy.",
        "هذا المقال موجود مسبقًا، وهذه نسخته المحفوظة.",
    ),
    # Accounts (webapp/accounts).
    "sign_in": ("Sign in", "تسجيل الدخول"),
    "sign_out": ("Sign out", "تسجيل الخروج"),
    "user_name": ("User name", "اسم المستخدم"),
    "password": ("Password", "كلمة المرور"),
    "signed_in_as": ("{name} ({role})", "{name} ({role})"),
    "open_mode": (
        "Open mode: there are no accounts yet, so anyone who can reach this app may add to it and "
        "change it. An administrator ends this by creating the first account:",
        "وضع مفتوح: لا توجد حسابات بعد، فيستطيع كل من يصل إلى هذا التطبيق أن يضيف إليه ويعدّله. "
        "ينهي المدير هذا الوضع بإنشاء أول حساب:",
    ),
    # Review queue and history (webapp/review, the article page).
    "review": ("Review", "المراجعة"),
    "feeds": ("Feeds", "الموجزات"),
    "feeds_title": ("News feeds", "موجزات الأخبار"),
    "feeds_intro": (
        "RSS and Atom feeds whose new entries are fetched and ingested at each poll; cron polls them with",
        "موجزات الأخبار التي تُجلب مقالاتها الجديدة وتُحلَّل عند كل استطلاع؛ تستطلعها مهمة مجدولة بالأمر",
    ),
    "feed_url": ("Feed address", "عنوان الموجز"),
    "feed_name": ("Name", "الاسم"),
    "feed_add": ("Follow", "متابعة"),
    "feed_remove": ("Remove", "إزالة"),
    "feeds_poll": ("Poll all feeds now", "استطلع كل الموجزات الآن"),
    "feed_last_poll": ("Last poll", "آخر استطلاع"),
    "feed_result": ("Result", "النتيجة"),
    "feed_never": ("never", "لم يُستطلع بعد"),
    "feed_counts": (
        "{created} created, {existing} existing, {failed} failed",
        "{created} جديد، {existing} موجود، {failed} فشل",
    ),
    "feeds_none": ("No feed is followed yet.", "لا يُتابَع أي موجز بعد."),
    "feed_added": ("The feed was added.", "أُضيف الموجز."),
    "feed_removed": ("The feed was removed; its articles stay.", "أُزيل الموجز؛ وبقيت مقالاته."),
    "feeds_polled": ("The feeds were polled.", "استُطلعت الموجزات."),
    "review_title": ("Review queue", "قائمة المراجعة"),
    "review_intro": (
        "Unreviewed incidents, the least certain first: lowest resolution score, most names left "
        "unresolved, most candidate places.",
        "الحوادث التي لم تُراجع بعد، الأقل يقينًا أولًا: أدنى درجة تحديد للمكان، ثم أكثرها أسماء غير محددة، "
        "ثم أكثرها أماكن مرشحة.",
    ),
    "review_empty": ("Nothing is waiting for review.", "لا شيء بانتظار المراجعة."),
    "review_saved": ("Saved.", "حُفظ التعديل."),
    "score": ("Score", "الدرجة"),
    "n_unresolved": ("{n} unresolved names", "أسماء غير محددة: {n}"),
    "chosen_place": ("Chosen place", "المكان المختار"),
    "pick_place": ("Use this place", "اعتمد هذا المكان"),
    "move_to": ("Move to (place name or id)", "انقل إلى (اسم المكان أو معرّفه)"),
    "move": ("Move", "انقل"),
    "verify": ("Verify", "تأكيد"),
    "reject": ("Reject", "رفض"),
    "status": ("Status", "الحالة"),
    "status_unreviewed": ("unreviewed", "لم تُراجع"),
    "status_verified": ("verified", "مؤكدة"),
    "status_rejected": ("rejected", "مرفوضة"),
    "status_all": ("all, rejected too", "الكل، مع المرفوضة"),
    "status_default": ("not rejected", "غير المرفوضة"),
    "history": ("History", "سجل التعديلات"),
    "no_history": ("Nobody has changed these incidents.", "لم يعدّل أحد هذه الحوادث."),
    "when": ("When", "الوقت"),
    "who": ("Who", "من"),
    "what": ("What", "التعديل"),
    "incident": ("Incident", "الحادثة"),
    "before": ("Before", "قبل"),
    "after": ("After", "بعد"),
    "action_status": ("review status", "حالة المراجعة"),
    "action_place": ("place", "المكان"),
    "action_location": ("point", "النقطة"),
    "action_type": ("type", "النوع"),
    "action_merge": ("merge", "دمج"),
    "action_split": ("split", "فصل"),
    "action_re-resolution": ("re-resolution (a place was pinned)", "إعادة تحديد الموقع (بعد تثبيت مكان)"),
    # The incident page and merged reports (webapp/incidents, webapp/merging).
    "incident_n": ("Incident {id}", "الحادثة {id}"),
    "incident_page": ("incident page", "صفحة الحادثة"),
    "open_incident": ("Open the incident's page", "افتح صفحة الحادثة"),
    "sources": ("Sources", "المصادر"),
    "n_sources": ("{n} sources", "عدد المصادر: {n}"),
    "merged_report": (
        "This report was merged with others of the same event:",
        "دُمج هذا الخبر مع أخبار أخرى عن الحدث نفسه:",
    ),
    "merged_into": ("merged into incident {id}", "مدمجة في الحادثة {id}"),
    "merge_into": ("Merge into incident (id)", "ادمج في الحادثة (المعرّف)"),
    "merge": ("Merge", "ادمج"),
    "split_off": ("Split off", "افصل"),
    "incident_merged": ("Merged.", "دُمجت الحادثتان."),
    "incident_split": ("Split off: an incident of its own again.", "فُصلت: صارت حادثة مستقلة من جديد."),
    "injuries": ("Injuries", "الجرحى"),
    "counts": ("Counts", "الأعداد"),
    "no_history_incident": ("Nobody has changed this incident.", "لم يعدّل أحد هذه الحادثة."),
    "runner_up_hint": (
        "On the map: the chosen place (filled) and the runner-ups; click a runner-up to move the "
        "incident there.",
        "على الخريطة: المكان المختار (المعبّأ) والأماكن المرشحة الأخرى؛ انقر مرشحًا لنقل الحادثة إليه.",
    ),
    # Job states (rq's JobStatus values).
    "job_created": ("created", "أُنشئت"),
    "job_queued": ("queued", "في الانتظار"),
    "job_started": ("started", "قيد التنفيذ"),
    "job_deferred": ("deferred", "مؤجلة"),
    "job_scheduled": ("scheduled", "مجدولة"),
    "job_finished": ("finished", "انتهت"),
    "job_failed": ("failed", "فشلت"),
    "job_canceled": ("canceled", "أُلغيت"),
    "job_stopped": ("stopped", "أُوقفت"),
    "job_rate_limited": ("rate limited", "مؤجلة بسبب حد المعدل"),
    "job_ready_to_enqueue": ("ready to enqueue", "جاهزة للإدراج في الطابور"),
}

#: Place types (gazetteer.PlaceType values) in Arabic.
PLACE_TYPES_AR: dict[str, str] = {
    "country": "دولة",
    "governorate": "محافظة",
    "district": "منطقة",
    "subdistrict": "ناحية",
    "city": "مدينة",
    "town": "بلدة",
    "village": "قرية",
    "neighbourhood": "حي",
    "camp": "مخيم",
    "road": "طريق",
    "border_crossing": "معبر حدودي",
    "airport": "مطار",
    "military_base": "قاعدة عسكرية",
    "prison": "سجن",
    "dam": "سد",
    "hospital": "مستشفى",
    "region": "منطقة جغرافية",
    "landmark": "معلم",
    "foreign_city": "مدينة خارج سوريا",
}

#: ACLED event and sub-event types in Arabic: every type of the ACLED codebook
#: (gazetteer.extract.ACLED_TYPES), hence every type the extractor produces.
#: The map's script gets them in its options (webapp/maps/options.py).
EVENT_TYPES_AR: dict[str, str] = {
    "Explosions/Remote violence": "انفجارات/عنف عن بعد",
    "Battles": "معارك",
    "Violence against civilians": "عنف ضد المدنيين",
    "Strategic developments": "تطورات استراتيجية",
    "Protests": "احتجاجات",
    "Riots": "أعمال شغب",
    "Air/drone strike": "غارة جوية/بطائرة مسيّرة",
    "Shelling/artillery/missile attack": "قصف مدفعي/صاروخي",
    "Armed clash": "اشتباك مسلح",
    "Remote explosive/landmine/IED": "عبوة ناسفة/لغم",
    "Attack": "هجوم",
    "Peaceful protest": "احتجاج سلمي",
    "Agreement": "اتفاق",
    "Abduction/forced disappearance": "خطف/إخفاء قسري",
    "Arrests": "اعتقالات",
    "Chemical weapon": "سلاح كيميائي",
    "Grenade": "قنبلة يدوية",
    "Headquarters or base established": "إنشاء مقر أو قاعدة",
    "Non-state actor overtakes territory": "سيطرة جهة غير حكومية على منطقة",
    "Government regains territory": "استعادة الحكومة السيطرة على منطقة",
    "Suicide bomb": "تفجير انتحاري",
    "Other": "أخرى",
    "Sexual violence": "عنف جنسي",
    "Violent demonstration": "مظاهرة عنيفة",
    "Mob violence": "عنف جماعي من حشود",
    "Excessive force against protesters": "استخدام القوة المفرطة ضد المحتجين",
    "Protest with intervention": "احتجاج تعرّض لتدخل",
    "Looting/property destruction": "نهب/تدمير ممتلكات",
    "Disrupted weapons use": "إحباط استخدام أسلحة",
    "Change to group/activity": "تغيير في جماعة/نشاطها",
    "Non-violent transfer of territory": "انتقال السيطرة على منطقة دون قتال",
}

#: Actor names of the lexicon (gazetteer/data/lexicon/actors.yaml) as Syrian news sites write them.
ACTORS_AR: dict[str, str] = {
    "Russian forces": "القوات الروسية",
    "Turkish forces": "القوات التركية",
    "Syrian government forces": "قوات النظام",
    "HTS": "هيئة تحرير الشام",
    "Hurras al-Din": "حراس الدين",
    "SDF": "قسد",
    "ISIS": "تنظيم الدولة",
    "International coalition": "التحالف الدولي",
    "Israeli forces": "القوات الإسرائيلية",
    "SNA (Turkish-backed factions)": "الجيش الوطني (فصائل مدعومة من تركيا)",
    "Syrian opposition factions": "فصائل المعارضة",
    "Iran-backed militias": "الميليشيات المدعومة من إيران",
    "Hezbollah": "حزب الله",
    "Civilians": "مدنيون",
    "Unidentified": "جهة مجهولة",  # gazetteer.events.actors.UNIDENTIFIED
}

#: What other libraries write in English → Arabic, looked up by the exact text: werkzeug's HTTP
#: error descriptions and Flask-WTF's CSRF errors (WTForms' own Arabic catalogue has no entry for them).
LIBRARY_TEXTS_AR: dict[str, str] = {
    http.BadRequest.description: "الطلب غير صالح.",
    http.NotFound.description: "الصفحة المطلوبة غير موجودة. تحقق من الرابط.",
    http.MethodNotAllowed.description: "هذه الطريقة غير مسموح بها لهذا الرابط.",
    http.RequestEntityTooLarge.description: "حجم البيانات المرسلة أكبر من المسموح.",
    http.InternalServerError.description: "حدث خطأ داخلي في الخادم.",
    http.ServiceUnavailable.description: "الخدمة غير متاحة مؤقتًا.",
    "The CSRF token is missing.": "رمز الحماية (CSRF) مفقود: أعد تحميل الصفحة ثم أرسل النموذج.",
    "The CSRF session token is missing.": "انتهت الجلسة: أعد تحميل الصفحة ثم أرسل النموذج.",
    "The CSRF token has expired.": "انتهت صلاحية رمز الحماية (CSRF): أعد تحميل الصفحة ثم أرسل النموذج.",
    "The CSRF token is invalid.": "رمز الحماية (CSRF) غير صالح: أعد تحميل الصفحة ثم أرسل النموذج.",
    "The CSRF tokens do not match.": "رمز الحماية (CSRF) غير مطابق: أعد تحميل الصفحة ثم أرسل النموذج.",
}

_PARAM = re.compile(r"\{(\w+)\}")
# Unicode isolates: the plain-text <bdi>, so a number, code or quoted value keeps its order in Arabic.
_FSI, _PDI = "\u2068", "\u2069"


def current_lang() -> str:
    """The interface language: ``?lang=``, then the session, then English (also outside a request)."""
    if not has_request_context():
        return "en"
    asked = request.args.get("lang", "")
    if asked in LANGUAGES:
        return asked
    stored = session.get("lang", "")
    return stored if stored in LANGUAGES else "en"


def translate(key: str, lang: str | None = None) -> str:
    """The string ``key`` in ``lang`` (default: the current language); the key itself when unknown."""
    pair = STRINGS.get(key)
    if pair is None:
        return key
    return pair[1] if (lang or current_lang()) == "ar" else pair[0]


def format_markup(key: str, lang: str, *, template: str | None = None, **params: object) -> Markup:
    """``key`` in ``lang`` with each ``{name}`` replaced by ``params[name]``, escaped.

    Text parameters are wrapped in ``<bdi>`` (a name or code keeps its own direction); numbers
    only in a right-to-left language, where a bare number would be reordered with its neighbours.
    ``template`` replaces the catalogue's text (a plural form).  Raises KeyError when the string
    needs a parameter that is not given.
    """
    rtl = lang in RTL

    def fill(match: re.Match[str]) -> str:
        value = params[match.group(1)]
        if isinstance(value, (int, float)) and not rtl:
            return str(escape(value))
        return str(Markup("<bdi>%s</bdi>") % value)

    return Markup(_PARAM.sub(fill, str(escape(template if template is not None else translate(key, lang)))))


def format_count(key: str, n: int, lang: str, **params: object) -> Markup:
    """:func:`format_markup` of ``key`` in the plural form ``n`` takes in ``lang`` (:mod:`webapp.plurals`)."""
    return format_markup(key, lang, template=plural_form(key, n, lang), n=n, **params)


def localize(message: object, lang: str | None = None) -> object:
    """``message`` in ``lang`` (default: the current language), for a template.

    A :class:`~webapp.messages.Message` is rendered; a library's English text (see
    :data:`LIBRARY_TEXTS_AR`) is looked up; anything else (a lazy label, a message some
    validator already wrote in the interface language) is returned as it is.
    """
    lang = lang or current_lang()
    if isinstance(message, Message):
        return message.render(lang)
    if lang == "ar" and isinstance(message, str):
        return LIBRARY_TEXTS_AR.get(message, message)
    return message


def event_label(name: str | None, lang: str | None = None) -> str:
    """An ACLED event or sub-event type in ``lang`` (unknown types stay in English)."""
    if not name:
        return ""
    return EVENT_TYPES_AR.get(name, name) if (lang or current_lang()) == "ar" else name


def actors_label(names: list[str] | None, lang: str | None = None) -> str:
    """Actor names joined for display, in Arabic with the Arabic comma (unknown names stay as stored)."""
    if (lang or current_lang()) != "ar":
        return ", ".join(names or [])
    return "، ".join(ACTORS_AR.get(name, name) for name in names or [])


def place_type_label(value: str, lang: str | None = None) -> str:
    """A place type (``PlaceType.value``) in ``lang``."""
    return PLACE_TYPES_AR.get(value, value) if (lang or current_lang()) == "ar" else value


class LazyText:
    """A STRINGS key rendered in the language of the request it is shown in (for form labels)."""

    __slots__ = ("key",)

    def __init__(self, key: str) -> None:
        if key not in STRINGS:
            raise KeyError(key)
        self.key = key

    def __str__(self) -> str:
        return translate(self.key)

    def __html__(self) -> str:
        return str(escape(str(self)))

    def __eq__(self, other: object) -> bool:
        return str(self) == str(other)

    def __hash__(self) -> int:
        return hash(self.key)


def lazy(key: str) -> LazyText:
    """A label or message for ``key`` translated when rendered; raises KeyError for an unknown key."""
    return LazyText(key)


def strings(lang: str) -> dict[str, str]:
    """Every interface string in ``lang`` (for the map's JavaScript)."""
    return {key: (ar if lang == "ar" else en) for key, (en, ar) in STRINGS.items()}


def isolate(value: object) -> str:
    """``value`` as text between Unicode isolates (FSI…PDI): the plain-text ``<bdi>``, for attributes."""
    return f"{_FSI}{value}{_PDI}"


def text_dir(lang: str) -> str:
    """``rtl`` for right-to-left languages, else ``ltr``."""
    return "rtl" if lang in RTL else "ltr"


def lang_url(code: str) -> str:
    """The current page with ``lang=code`` (other query parameters kept), as a relative URL.

    The path is built by ``url_for`` from the matched route, never taken from the request:
    ``GET /%5Cevil.example`` would give ``/\\evil.example?lang=ar``, which browsers follow to
    another site.  A request that matched no route (a 404 page) gets the query alone, which
    stays on the page.  The query is encoded here rather than by ``url_for``: parameters named
    like its options (``_external``, ``_scheme``) or like the route's arguments stay plain
    parameters and never change the link.
    """
    pairs = [(k, v) for k, values in request.args.lists() if k != "lang" for v in values]
    pairs.append(("lang", code))
    query = "?" + urlencode(pairs)
    if request.url_rule is None or request.endpoint is None:
        return query
    try:
        return url_for(request.endpoint, **(request.view_args or {})) + query
    except BuildError:
        return query


def init_app(app: Flask) -> None:
    """Keep a ``?lang=`` choice in the session; templates get the helpers listed in the module docstring."""

    @app.before_request
    def remember_lang() -> None:
        asked = request.args.get("lang", "")
        if asked in LANGUAGES and session.get("lang") != asked:
            session["lang"] = asked

    @app.context_processor
    def inject() -> dict[str, object]:
        lang = current_lang()
        return {
            "t": lambda key: translate(key, lang),
            "tf": lambda key, **params: format_markup(key, lang, **params),
            "tn": lambda key, n, **params: format_count(key, n, lang, **params),
            "tr": lambda text: localize(text, lang),
            "event_label": lambda name: event_label(name, lang),
            "place_type_label": lambda value: place_type_label(value, lang),
            "actors_label": lambda names: actors_label(names, lang),
            "governorate_label": lambda admin1: governorate_label(admin1, lang),
            "isolate": isolate,
            "ui_lang": lang,
            "ui_dir": text_dir(lang),
            "lang_url": lang_url,
        }
