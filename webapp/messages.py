"""What the app tells people when something goes wrong, by key, in English and Arabic.

A :class:`Message` is a key of :data:`CATALOGUE` and its parameters.  Each language's text
is a ``str.format`` template over the same parameters, with the same conversions and
format specs (``{value!r}``, ``{limit:,}``).  A parameter is a number or a text shown as
given (an id, a file name, a database driver's words), or another :class:`Message` (a field
name, a reason), rendered in the same language.  In Arabic every parameter is isolated
(FSI…PDI), so that a number, code or quoted value keeps its order in the sentence.

The errors of :mod:`webapp.errors` carry a message; the error handler renders it in the
request's language, the CLI and the JSON API in English, and a queued job stores it as
JSON (:meth:`Message.to_json`) for the job page to render in its viewer's language.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# Unicode isolates: the plain-text <bdi>.
_FSI, _PDI = "\u2068", "\u2069"

#: key → (English, Arabic).
CATALOGUE: dict[str, tuple[str, str]] = {
    # Article input (webapp/article_input.py, webapp/ingest.py).
    "article.empty": ("The article text is empty.", "نص المقال فارغ."),
    "article.no_letters": (
        "The article text has no letters (only digits, punctuation or invisible characters).",
        "نص المقال لا يحتوي على أي حرف (أرقام أو علامات ترقيم أو محارف غير مرئية فقط).",
    ),
    "article.too_long": (
        "The article is too long: {length:,} characters (the limit is {limit:,}).",
        "المقال طويل جدًا: {length:,} حرف (الحد الأقصى {limit:,}).",
    ),
    "article.too_many": (
        "The article names too many {kind}: {count:,} (the limit is {limit:,}); split it.",
        "يذكر المقال عددًا كبيرًا جدًا من {kind}: {count:,} (الحد الأقصى {limit:,})؛ قسّمه.",
    ),
    "article.bad_date": (
        "Invalid publication date {value!r}: use YYYY-MM-DD.",
        "تاريخ النشر {value!r} غير صالح: اكتبه بالصيغة YYYY-MM-DD.",
    ),
    "article.date_out_of_range": (
        "Publication date {value} is out of range: use a date from {first} to {last}.",
        "تاريخ النشر {value} خارج النطاق المقبول: اختر تاريخًا بين {first} و{last}.",
    ),
    "article.bad_field": ("Invalid {field}: {why}.", "قيمة غير صالحة في حقل {field}: {why}."),
    "article.bad_json": ("Bad JSON: {why}.", "JSON غير صالح: {why}."),
    "rows.mentions": ("place mentions", "الأماكن المذكورة"),
    "rows.incidents": ("incidents", "الحوادث"),
    "field.text": ("text", "النص"),
    "field.title": ("title", "العنوان"),
    "field.published": ("publication date", "تاريخ النشر"),
    "field.source_url": ("source URL", "رابط المصدر"),
    "field.language": ("language", "اللغة"),
    "field.source_name": ("source name", "اسم المصدر"),
    "field.author": ("author", "الكاتب"),
    "field.canonical_url": ("canonical URL", "الرابط الأصلي للصفحة"),
    "field.url": ("link", "الرابط"),
    "why.not_a_string": ("must be a string", "يجب أن يكون نصًا"),
    "why.longer_than": ("longer than {limit} characters", "أطول من {limit} حرف"),
    "why.http_url": (
        "use an http:// or https:// address",
        "استخدم عنوانًا يبدأ بـ http://\u200e أو https://\u200e",
    ),
    "why.language_code": ("use a language code such as ar or en", "استخدم رمز لغة مثل ar أو en"),
    "why.nul": ("it contains a NUL character (binary data?)", "فيه محرف NUL (بيانات ثنائية؟)"),
    "why.surrogate": (
        "it is not valid Unicode (an unpaired surrogate)",
        "ليس نص يونيكود صالحًا (فيه نصف زوج بديل)",
    ),
    "why.not_an_object": ("the request body is not a JSON object", "متن الطلب ليس كائن JSON"),
    "why.too_deep": ("it is nested too deeply", "بنيته متداخلة بعمق كبير"),
    # Uploaded files (webapp/decode.py) and upload sizes.
    "file.binary": (
        "{name} looks like a binary file; upload .txt, .md or .html text.",
        "يبدو أن {name} ملف ثنائي؛ ارفع نصًا بصيغة txt أو md أو html.",
    ),
    "file.undecodable": (
        "{name} is not UTF-8, UTF-16/32 with a byte-order mark, or Windows-1256 text.",
        "ترميز {name} ليس UTF-8 ولا UTF-16/32 بعلامة ترتيب البايتات ولا Windows-1256.",
    ),
    "file.too_deep": (
        "The HTML nests elements more than {limit} deep; save the article as plain text.",
        "عناصر ملف HTML متداخلة بعمق يتجاوز {limit} مستوى؛ احفظ المقال نصًا عاديًا.",
    ),
    "file.bad_extension": (
        "{name} is not a .txt, .md or .html file.",
        "{name} ليس ملفًا بصيغة txt أو md أو html.",
    ),
    "file.unnamed": ("The file", "الملف"),
    "upload.too_large": (
        "The upload is too large: the limit is {mb:.1f} MB.",
        "الملف المرفوع كبير جدًا: الحد الأقصى {mb:.1f} ميغابايت.",
    ),
    "upload.too_large_unsaved": (
        "The upload is too large: the limit is {mb:.1f} MB. Nothing was saved.",
        "الملف المرفوع كبير جدًا: الحد الأقصى {mb:.1f} ميغابايت. لم يُحفظ شيء.",
    ),
    # Batches of articles (webapp/jobs).
    "batch.bad_archive": ("{name} is not a readable .zip archive.", "{name} ليس أرشيف zip مقروءًا."),
    "batch.too_many": (
        "The batch holds {count} articles; the limit here is {limit}. "
        "Use flask ingest --jsonl, or a worker (REDIS_URL), for more.",
        "تضم الدفعة {count} مقالًا والحد هنا {limit}. "
        "استخدم flask ingest --jsonl أو عاملًا (REDIS_URL) لدفعات أكبر.",
    ),
    "batch.too_large": (
        "The archive unpacks to more than {mb:.1f} MB.",
        "حجم الأرشيف بعد فكّه يتجاوز {mb:.1f} ميغابايت.",
    ),
    "batch.empty": ("The batch holds no article.", "لا تضم الدفعة أي مقال."),
    "batch.interrupted": (
        "The job stopped before it finished (its process ended); resume it.",
        "توقفت المهمة قبل أن تنتهي (انتهت العملية التي تشغّلها)؛ استأنفها.",
    ),
    "batch.crashed": ("Unexpected error: {why}", "خطأ غير متوقع: {why}"),
    "batch.bad_line": ("bad JSON: {why}", "سطر JSON غير صالح: {why}"),
    # Ingestion, storage and the queue.
    # Fetching links and feeds (webapp/fetch.py, webapp/feeds/).
    "fetch.refused": ("Refused to fetch {url}: {why}.", "رُفض جلب {url}: {why}."),
    "fetch.failed": ("Could not fetch {url}: {why}.", "تعذّر جلب {url}: {why}."),
    "fetch.bad_scheme": (
        "only http:// and https:// links are fetched",
        "لا تُجلب إلا روابط http://\u200e وhttps://\u200e",
    ),
    "fetch.private": (
        "it points to a private, loopback or link-local address",
        "يشير إلى عنوان خاص أو محلي أو عنوان ربط محلي",
    ),
    "fetch.no_host": ("its host name does not resolve", "اسم المضيف لا يُعرف له عنوان"),
    "fetch.status": ("the site answered HTTP {status}", "أجاب الموقع برمز HTTP {status}"),
    "fetch.timeout": ("no answer within {seconds} seconds", "لا جواب خلال {seconds} ثانية"),
    "fetch.too_large": ("the page is larger than {limit:,} bytes", "الصفحة أكبر من {limit:,} بايت"),
    "fetch.redirects": ("more than {limit} redirects", "أكثر من {limit} تحويلات"),
    "fetch.connection": ("the connection failed ({error})", "فشل الاتصال ({error})"),
    "fetch.not_html": ("it is not a web page ({kind})", "ليس صفحة ويب ({kind})"),
    "fetch.no_text": ("no article text was found on the page", "لم يُعثر على نص مقال في الصفحة"),
    "fetch.not_a_feed": ("it is not an RSS or Atom feed", "ليس موجز RSS أو Atom"),
    "feed.bad_url": (
        "{url!r} is not an http:// or https:// feed address.",
        "{url!r} ليس عنوان موجز يبدأ بـ http://\u200e أو https://\u200e.",
    ),
    "feed.bad_language": (
        "Unknown feed language {language!r}: use ar or en.",
        "لغة الموجز {language!r} غير معروفة: استخدم ar أو en.",
    ),
    "feed.exists": ("The feed {url} is already followed.", "الموجز {url} متابَع من قبل."),
    "feed.unknown": ("No feed has the id or address {ident}.", "لا يوجد موجز رقمه أو عنوانه {ident}."),
    "ingest.failed": ("Ingestion failed: {why}", "تعذّر تحليل المقال: {why}"),
    "database.not_ready": (
        "The database {state}: run `flask --app webapp db upgrade`.",
        "قاعدة البيانات {state}: نفّذ الأمر `flask --app webapp db upgrade`.",
    ),
    "database.no_tables": ("has no tables yet", "لا تحتوي جداول بعد"),
    "database.at_revision": (
        "is at schema revision {current}, not {head}",
        "في مراجعة المخطط {current} لا {head}",
    ),
    "queue.unavailable": ("The ingestion queue is unavailable: {why}", "طابور التحليل غير متاح: {why}"),
    # Requests for what does not exist, and malformed queries.
    "not_found": ("No {kind} {ident!r}.", "لا يوجد {kind} بالمعرّف {ident!r}."),
    "kind.article": ("article", "مقال"),
    "kind.incident": ("incident", "حادثة"),
    "kind.job": ("job", "مهمة"),
    "kind.place": ("place", "مكان"),
    "kind.export_format": ("export format", "صيغة تصدير"),
    "bad_query": (
        "Bad {name}={value!r}: expected {expected}.",
        "قيمة غير صالحة {name}={value!r}: المتوقع {expected}.",
    ),
    "expected.integer": ("an integer", "عدد صحيح"),
    "expected.positive_integer": ("a positive integer", "عدد صحيح موجب"),
    "expected.zoom": ("an integer zoom level", "مستوى تكبير صحيح"),
    "expected.id": ("an id", "معرّف رقمي"),
    "expected.iso_date": ("an ISO date YYYY-MM-DD", "تاريخ بالصيغة YYYY-MM-DD"),
    "expected.date_until": ("a date on or before to={to}", "تاريخ لا يتجاوز to={to}"),
    "expected.precision": ("1, 2 or 3", "1 أو 2 أو 3"),
    "expected.bbox": ("west,south,east,north in degrees", "غرب،جنوب،شرق،شمال بالدرجات"),
    "expected.near": (
        "lat,lon,km: a point in degrees and a distance from 0 to 2000 km",
        "خط العرض،خط الطول،كم: نقطة بالدرجات ومسافة من 0 إلى 2000 كم",
    ),
    "expected.bbox_ordered": (
        "west,south,east,north in degrees, south <= north",
        "غرب،جنوب،شرق،شمال بالدرجات، والجنوب لا يتجاوز الشمال",
    ),
    "expected.no_nul": ("text without NUL characters", "نص بلا محارف NUL"),
    "expected.unicode": ("valid Unicode text", "نص يونيكود صالح"),
    "expected.one_of": ("one of {choices}", "إحدى القيم {choices}"),
    "expected.asc_or_desc": ("asc or desc", "asc أو desc"),
    # Accounts and access (webapp/accounts).
    "auth.sign_in": (
        "Sign in first, or send an API token (Authorization: Bearer …): this needs the {role} role.",
        "سجّل الدخول أولًا، أو أرسل رمز واجهة برمجية (Authorization: Bearer …): يلزم لهذا دور {role}.",
    ),
    "auth.bad_token": ("The API token is not valid.", "رمز الواجهة البرمجية غير صالح."),
    "auth.role": (
        "Your account's role ({have}) may not do this: it needs the {needed} role.",
        "دور حسابك ({have}) لا يسمح بهذا: يلزم دور {needed}.",
    ),
    "auth.bad_login": ("Wrong user name or password.", "اسم المستخدم أو كلمة المرور غير صحيحة."),
    "role.viewer": ("viewer", "مشاهد"),
    "role.analyst": ("analyst", "محلل"),
    "role.admin": ("admin", "مدير"),
    "account.exists": ("There is already an account named {name!r}.", "يوجد حساب باسم {name!r} مسبقًا."),
    "account.unknown": ("No account named {name!r}.", "لا يوجد حساب باسم {name!r}."),
    "account.bad_name": (
        "Invalid account name {name!r}: use 1 to 80 letters, digits, '.', '_' or '-'.",
        "اسم الحساب {name!r} غير صالح: استخدم من 1 إلى 80 حرفًا أو رقمًا أو '.' أو '_' أو '-'.",
    ),
    "account.bad_role": (
        "Unknown role {role!r}: use one of {choices}.",
        "الدور {role!r} غير معروف: استخدم أحد الأدوار {choices}.",
    ),
    "account.short_password": (
        "The password is too short: use at least {minimum} characters.",
        "كلمة المرور قصيرة جدًا: استخدم {minimum} محارف على الأقل.",
    ),
    # Corrections of incidents (webapp/corrections.py).
    "change.not_an_object": ("The change is not a JSON object.", "التعديل ليس كائن JSON."),
    "change.empty": (
        "The change names nothing to change: give some of {fields}.",
        "التعديل لا يذكر شيئًا لتغييره: اذكر بعض الحقول {fields}.",
    ),
    "change.unknown_field": (
        "Unknown field {name!r}: use {fields}.",
        "الحقل {name!r} غير معروف: استخدم {fields}.",
    ),
    "change.bad_value": (
        "Bad {name}={value!r}: expected {expected}.",
        "قيمة غير صالحة {name}={value!r}: المتوقع {expected}.",
    ),
    "change.missing": ("{name} is missing: it goes with {given}.", "الحقل {name} ناقص: يلزم مع {given}."),
    "change.place_and_point": (
        "Give a place_id or lat/lon, not both.",
        "اذكر place_id أو lat/lon، لا كليهما.",
    ),
    "change.unknown_place": (
        "No place {place_id!r} in the gazetteer.",
        "لا يوجد مكان بالمعرّف {place_id!r} في المعجم الجغرافي.",
    ),
    "change.ambiguous_place": (
        "{name!r} names {count} places ({ids}): give the id of one.",
        "الاسم {name!r} يطلق على {count} أماكن ({ids}): اذكر معرّف واحد منها.",
    ),
    # Merges and splits (webapp/merging.py).
    "change.same_event": (
        "Incidents {incident} and {into} are one incident already.",
        "الحادثتان {incident} و{into} حادثة واحدة أصلًا.",
    ),
    "change.not_merged": (
        "Incident {incident} is not merged into another: nothing to split.",
        "الحادثة {incident} غير مدمجة في حادثة أخرى: لا شيء لفصله.",
    ),
    "change.bad_into": (
        "Bad into={value!r}: expected the id of an incident.",
        "قيمة into={value!r} غير صالحة: المتوقع معرّف حادثة.",
    ),
    # Places analysts pin (webapp/pins.py).
    "place.not_an_object": ("The place is not a JSON object.", "المكان ليس كائن JSON."),
    "place.unknown_field": (
        "Unknown field {name!r}: use {fields}.",
        "الحقل {name!r} غير معروف: استخدم {fields}.",
    ),
    "place.missing": ("The place needs {name}.", "المكان يحتاج إلى {name}."),
    "place.bad_value": (
        "Bad {name}={value!r}: expected {expected}.",
        "قيمة غير صالحة {name}={value!r}: المتوقع {expected}.",
    ),
    "place.outside_syria": (
        "The point {lat}, {lon} lies outside Syria.",
        "النقطة {lat}، {lon} تقع خارج سوريا.",
    ),
    "place.unknown_parent": (
        "No place {parent!r} in the gazetteer to be the parent.",
        "لا يوجد مكان {parent!r} في المعجم الجغرافي ليكون المكان الأم.",
    ),
    "place.ambiguous_parent": (
        "{parent!r} names {count} places ({ids}): give the id of one as the parent.",
        "الاسم {parent!r} يطلق على {count} أماكن ({ids}): اذكر معرّف واحد منها مكانًا أمًا.",
    ),
    "expected.place_type": ("a place type: {choices}", "نوع مكان: {choices}"),
    "expected.names": ("a list of names", "قائمة أسماء"),
    "expected.latitude": ("a latitude from -90 to 90", "خط عرض بين -90 و90"),
    "expected.longitude": ("a longitude from -180 to 180", "خط طول بين -180 و180"),
    "expected.text": ("a text of 1 to {limit} characters", "نص من حرف واحد إلى {limit} حرف"),
    "expected.event_type": ("an ACLED event type: {choices}", "نوع حدث من أنواع ACLED: {choices}"),
    "expected.sub_event_type": (
        "a sub-event type of {event_type}: {choices}",
        "نوع فرعي من أنواع {event_type}: {choices}",
    ),
    # Unsafe settings, refused when the app starts (webapp/config.py, webapp/security.py).
    "config.missing_secret": (
        "SECRET_KEY must be set when APP_ENV/FLASK_ENV is production",
        "يجب ضبط SECRET_KEY عندما تكون قيمة APP_ENV/FLASK_ENV هي production",
    ),
    "config.csrf_disabled": (
        "WTF_CSRF_ENABLED must stay on when APP_ENV/FLASK_ENV is production",
        "يجب إبقاء WTF_CSRF_ENABLED مفعّلًا عندما تكون قيمة APP_ENV/FLASK_ENV هي production",
    ),
    "config.debug_enabled": (
        "FLASK_DEBUG must be off when APP_ENV/FLASK_ENV is production: "
        "the debugger runs code sent from a browser",
        "يجب إيقاف FLASK_DEBUG عندما تكون قيمة APP_ENV/FLASK_ENV هي production: "
        "المنقّح ينفّذ شيفرة مرسلة من المتصفح",
    ),
    "config.tile_url": (
        "TILE_URL {url!r} cannot be allowed by the Content-Security-Policy: use an http(s) URL "
        "or a path on this site, with a placeholder such as {{s}} only in the host's first label",
        "لا تسمح سياسة أمن المحتوى بقيمة TILE_URL {url!r}: استخدم عنوان http(s) أو مسارًا في هذا الموقع، "
        "ولا تضع عنصرًا نائبًا مثل {{s}} إلا في الجزء الأول من اسم المضيف",
    ),
}


@dataclass(frozen=True, slots=True)
class Message:
    """A key of :data:`CATALOGUE` and its parameters; raises ``KeyError`` for an unknown key."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.key not in CATALOGUE:
            raise KeyError(self.key)

    def render(self, lang: str = "en") -> str:
        """The message in ``lang`` (English for any language but Arabic)."""
        english, arabic = CATALOGUE[self.key]
        return _Filler(lang).format(arabic if lang == "ar" else english, **self.params)

    def to_json(self) -> dict[str, Any]:
        """``{"key", "params"}`` with nested messages as such objects: JSON, for a job's result."""
        params = {
            name: value.to_json() if isinstance(value, Message) else value
            for name, value in self.params.items()
        }
        return {"key": self.key, "params": params}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Message:
        """The message :meth:`to_json` wrote; raises ``KeyError`` when its key is not in the catalogue."""
        params = {
            name: cls.from_json(value) if isinstance(value, Mapping) else value
            for name, value in (data.get("params") or {}).items()
        }
        return cls(str(data["key"]), params)


class _Filler(string.Formatter):
    """Fills a template: nested messages in the same language, every value isolated in Arabic."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        text = (
            value.render(self.lang)
            if isinstance(value, Message)
            else super().format_field(value, format_spec)
        )
        return f"{_FSI}{text}{_PDI}" if self.lang == "ar" else text
