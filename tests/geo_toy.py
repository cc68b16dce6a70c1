"""A small hand-made gazetteer for geoparser unit tests (coordinates from general knowledge)."""

from __future__ import annotations

from gazetteer import AdminRef, Gazetteer, Place, PlaceType

IDLIB = AdminRef(1, "Idlib", "إدلب")
ALEPPO = AdminRef(1, "Aleppo", "حلب")
M4_LINE = {
    "type": "LineString",
    "coordinates": [[37.134, 36.202], [36.801, 35.864], [36.608, 35.814], [36.318, 35.813], [35.790, 35.532]],
}


def square(lat: float, lon: float, d: float) -> dict:
    """A GeoJSON Polygon: the square of half-side ``d`` degrees centred on (lat, lon)."""
    ring = [
        [lon - d, lat - d],
        [lon + d, lat - d],
        [lon + d, lat + d],
        [lon - d, lat + d],
        [lon - d, lat - d],
    ]
    return {"type": "Polygon", "coordinates": [ring]}


def _p(pid: str, name: str, ar: str, kind: PlaceType, lat: float, lon: float, **kw: object) -> Place:
    return Place(f"toy:{pid}", name, ar, kind, lat, lon, **kw)  # type: ignore[arg-type]


def toy_places() -> list[Place]:
    """Idlib and its surroundings, two homonym traps, a road and two foreign capitals."""
    T = PlaceType
    return [
        _p(
            "idlib",
            "Idlib",
            "إدلب",
            T.CITY,
            35.931,
            36.634,
            population=165000,
            alt_names=("Idleb",),
            parents=(IDLIB,),
        ),
        _p(
            "idlib-gov",
            "Idlib Governorate",
            "محافظة إدلب",
            T.GOVERNORATE,
            35.75,
            36.6,
            alt_names=("Idlib", "إدلب"),
        ),
        _p("arab-said", "Arab Said", "عرب سعيد", T.VILLAGE, 35.93, 36.58, parents=(IDLIB,)),
        _p(
            "idlib-prison",
            "Idlib Central Prison",
            "سجن إدلب المركزي",
            T.PRISON,
            35.905,
            36.61,
            alt_names=("السجن المركزي",),
            parents=(IDLIB,),
        ),
        _p(
            "aleppo-prison",
            "Aleppo Central Prison",
            "سجن حلب المركزي",
            T.PRISON,
            36.26,
            37.11,
            alt_names=("السجن المركزي",),
            parents=(ALEPPO,),
        ),
        _p(
            "homs-prison",
            "Homs Central Prison",
            "سجن حمص المركزي",
            T.PRISON,
            34.75,
            36.70,
            alt_names=("السجن المركزي",),
        ),
        _p("sijn", "As Sijn", "السجن", T.VILLAGE, 32.75, 36.45),
        _p("aleppo", "Aleppo", "حلب", T.CITY, 36.202, 37.134, population=1800000, parents=(ALEPPO,)),
        _p("latakia", "Latakia", "اللاذقية", T.CITY, 35.532, 35.790, population=380000),
        _p("saraqib", "Saraqib", "سراقب", T.TOWN, 35.864, 36.801, population=30000, parents=(IDLIB,)),
        _p("ariha", "Ariha", "أريحا", T.TOWN, 35.814, 36.608, population=40000, parents=(IDLIB,)),
        _p("jericho", "Jericho", "أريحا", T.FOREIGN_CITY, 31.86, 35.46, country="PS", population=20000),
        _p(
            "m4",
            "M4 highway",
            "الطريق الدولي M4",
            T.ROAD,
            35.84,
            36.6,
            alt_names=("M4",),
            code="M4",
            geometry=M4_LINE,
        ),
        _p("ankara", "Ankara", "أنقرة", T.FOREIGN_CITY, 39.93, 32.86, country="TR", population=3500000),
        _p("moscow", "Moscow", "موسكو", T.FOREIGN_CITY, 55.75, 37.62, country="RU", population=10000000),
        _p("syria", "Syria", "سوريا", T.COUNTRY, 35.0, 38.5, alt_names=("سورية",)),
        _p("russia", "Russia", "روسيا", T.COUNTRY, 60.0, 90.0, country="RU"),
        _p("palestine", "Palestine", "فلسطين", T.COUNTRY, 31.9, 35.2, country="PS"),
        _p("bab", "Al-Bab", "الباب", T.CITY, 36.37, 37.52, population=60000, parents=(ALEPPO,)),
        _p("raqqa", "Raqqa", "الرقة", T.CITY, 35.95, 39.01, population=220000),
        _p("hama", "Hama", "حماة", T.CITY, 35.13, 36.75, population=460000),
        _p("binnish", "Binnish", "بنش", T.TOWN, 35.95, 36.71, population=20000, parents=(IDLIB,)),
    ]


def toy_gazetteer() -> Gazetteer:
    """A fresh :class:`Gazetteer` over :func:`toy_places`."""
    return Gazetteer(toy_places())
