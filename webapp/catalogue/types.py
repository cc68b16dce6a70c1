"""Names the gazetteer and the extractor give in English, in Arabic: place types, ACLED types, actors."""

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
