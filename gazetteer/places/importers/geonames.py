"""GeoNames country-dump importer (``SY.txt``, ``allCountries.txt`` format).

The dump is tab-separated with 19 columns: geonameid, name, asciiname,
alternatenames (comma-separated), latitude, longitude, feature class,
feature code, country code, cc2, admin1..admin4 codes, population,
elevation, dem, timezone, modification date.  An optional
``alternateNames.txt`` (alternateNameId, geonameid, isolanguage, name,
isPreferredName, isShortName, isColloquial, isHistoric, …) supplies Arabic
names (isolanguage ``ar``), preferred ones first.

Feature codes without a place type here (streams, wells, farms…) are skipped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from ...errors import ImportFormatError
from ..geonames_cities import GEONAMES_ADMIN1, settlement_type
from ..names import split_names
from ..normalize import is_arabic
from ..place import AdminRef, Place, PlaceType
from ._common import read_text, to_float, to_int

SOURCE = "GeoNames"
LICENCE = "CC BY 4.0 (GeoNames)"
N_COLUMNS = 19

#: Feature code → place type (populated places not listed use population).
FEATURE_TYPES: dict[str, PlaceType] = {
    "PPLC": PlaceType.CITY,
    "PPLA": PlaceType.CITY,
    "PPLX": PlaceType.NEIGHBOURHOOD,
    "ADM1": PlaceType.GOVERNORATE,
    "ADM2": PlaceType.DISTRICT,
    "ADM3": PlaceType.SUBDISTRICT,
    "PCLI": PlaceType.COUNTRY,
    "AIRP": PlaceType.AIRPORT,
    "AIRB": PlaceType.AIRPORT,
    "AIRF": PlaceType.AIRPORT,
    "AIRH": PlaceType.AIRPORT,
    "DAM": PlaceType.DAM,
    "PRN": PlaceType.PRISON,
    "PRNJ": PlaceType.PRISON,
    "HSP": PlaceType.HOSPITAL,
    "HSPC": PlaceType.HOSPITAL,
    "HSPD": PlaceType.HOSPITAL,
    "MILB": PlaceType.MILITARY_BASE,
    "INSM": PlaceType.MILITARY_BASE,
    "CMP": PlaceType.CAMP,
    "CMPRF": PlaceType.CAMP,
    "PSTB": PlaceType.BORDER_CROSSING,
    "RD": PlaceType.ROAD,
    "RDJCT": PlaceType.ROAD,
    "MT": PlaceType.REGION,
    "MTS": PlaceType.REGION,
    "PLN": PlaceType.REGION,
    "PLAT": PlaceType.REGION,
    "DSRT": PlaceType.REGION,
    "VAL": PlaceType.REGION,
    "RGN": PlaceType.REGION,
    "AREA": PlaceType.REGION,
    "BDG": PlaceType.LANDMARK,
    "CSTL": PlaceType.LANDMARK,
    "RUIN": PlaceType.LANDMARK,
    "MSQE": PlaceType.LANDMARK,
    "CH": PlaceType.LANDMARK,
    "MNMT": PlaceType.LANDMARK,
    "STDM": PlaceType.LANDMARK,
    "UNIV": PlaceType.LANDMARK,
}
#: Populated places typed by population; abandoned/historical ones are skipped.
_POPULATED = frozenset(
    {"PPL", "PPLA2", "PPLA3", "PPLA4", "PPLA5", "PPLF", "PPLL", "PPLS", "PPLG", "PPLR", "PPLW"}
)


def place_type(feature_class: str, feature_code: str, population: int) -> PlaceType | None:
    """The place type of a GeoNames feature, or None when it is not a gazetteer kind."""
    if feature_code in FEATURE_TYPES:
        return FEATURE_TYPES[feature_code]
    if feature_class == "P" and feature_code in _POPULATED:
        found = settlement_type(population)
        # Seats of districts and sub-districts are at least towns.
        return PlaceType.TOWN if found == PlaceType.VILLAGE and feature_code.startswith("PPLA") else found
    return None


def read_alternate_names(
    path: str | Path, *, languages: tuple[str, ...] = ("ar", "en")
) -> dict[str, list[str]]:
    """geonameid → names in ``languages`` from an alternateNames file, preferred names first.

    Raises :class:`ImportFormatError` on lines with fewer than 4 columns.
    """
    path = Path(path)
    found: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for lineno, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) < 4:
            raise ImportFormatError(f"{path}:{lineno}: expected ≥ 4 tab-separated columns, got {len(cols)}")
        if cols[2] in languages and cols[3]:
            historic = len(cols) > 7 and cols[7] == "1"
            if not historic:
                preferred = len(cols) > 4 and cols[4] == "1"
                found[cols[1]].append((0 if preferred else 1, cols[3]))
    return {gid: [n for _, n in sorted(names, key=lambda x: x[0])] for gid, names in found.items()}


def iter_places(
    path: str | Path,
    *,
    alternate_names: str | Path | None = None,
    min_population: int = 0,
) -> Iterator[Place]:
    """Places from a GeoNames dump; ids ``gn:<geonameid>``.

    ``alternate_names`` is an optional alternateNames file; ``min_population``
    drops smaller populated places (other features are always kept).
    Raises :class:`ImportFormatError` on lines that are not 19 tab-separated
    columns or have unreadable coordinates.
    """
    path = Path(path)
    extra = read_alternate_names(alternate_names) if alternate_names else {}
    for lineno, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != N_COLUMNS:
            raise ImportFormatError(
                f"{path}:{lineno}: expected {N_COLUMNS} tab-separated columns (GeoNames dump), "
                f"got {len(cols)}"
            )
        gid, name, ascii_name, alternates = cols[0], cols[1], cols[2], cols[3]
        where = f"{path.name}:{lineno}"
        if not gid.isdigit() or not name:
            raise ImportFormatError(f"{where}: bad geonameid {gid!r} or empty name")
        population = to_int(cols[14])
        ptype = place_type(cols[6], cols[7], population)
        if ptype is None or (cols[6] == "P" and population < min_population):
            continue
        names = [*extra.get(gid, ()), *(a for a in alternates.split(",") if a), ascii_name]
        arabic = [n for n in extra.get(gid, ()) if is_arabic(n)]
        name_ar, alts = split_names(name, [*arabic, *names])
        country = cols[8] or "SY"
        parents: tuple[AdminRef, ...] = ()
        if country == "SY" and cols[10] in GEONAMES_ADMIN1 and ptype != PlaceType.GOVERNORATE:
            pcode, gov = GEONAMES_ADMIN1[cols[10]]
            parents = (AdminRef(1, f"{gov} Governorate", "", pcode),)
        if country != "SY" and ptype in (PlaceType.CITY, PlaceType.TOWN, PlaceType.VILLAGE):
            ptype = PlaceType.FOREIGN_CITY
        yield Place(
            id=f"gn:{gid}",
            name=name,
            name_ar=name_ar,
            type=ptype,
            lat=to_float(cols[4], where, "latitude"),
            lon=to_float(cols[5], where, "longitude"),
            country=country,
            alt_names=alts,
            parents=parents,
            code=country if ptype == PlaceType.COUNTRY else "",
            population=population,
            source=SOURCE,
            licence=LICENCE,
        )
