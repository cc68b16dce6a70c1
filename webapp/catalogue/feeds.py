"""News feeds (webapp/feeds): the Feeds page."""

#: key → (English, Arabic).  ``{name}`` marks a parameter (see :func:`webapp.i18n.format_markup`).
STRINGS: dict[str, tuple[str, str]] = {
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
}
