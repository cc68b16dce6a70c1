"""The gazetteer pages (webapp/places): a place, the names the gazetteer lacks, pinning a new place."""

#: key → (English, Arabic).  ``{name}`` marks a parameter (see :func:`webapp.i18n.format_markup`).
STRINGS: dict[str, tuple[str, str]] = {
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
}
