"""Date expressions resolved against the publication date, each with its time precision."""

from __future__ import annotations

import datetime as dt

import pytest

from gazetteer.events.dates import resolve_date, told_offset
from gazetteer.places.normalize import tokenize

SUNDAY = dt.date(2020, 9, 20)


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("وقال مصدر، اليوم الأحد، إن القصف استهدف القرية", dt.date(2020, 9, 20), "day"),
        ("أصدر المعهد تحليلاً، أمس السبت، عن الوضع", dt.date(2020, 9, 19), "day"),
        ("قصفت الطائرات البلدة أمس", dt.date(2020, 9, 19), "day"),
        ("أول أمس", dt.date(2020, 9, 18), "day"),
        ("الأحد الماضي", dt.date(2020, 9, 13), "day"),
        ("يوم الخميس", dt.date(2020, 9, 17), "day"),
        ("الأسبوع الماضي", dt.date(2020, 9, 13), "week"),
        ("الشهر الماضي", dt.date(2020, 8, 1), "month"),
        ("العام الماضي", dt.date(2019, 1, 1), "year"),
        ("كان آخرها في شهر آب الماضي", dt.date(2020, 8, 1), "month"),
        ("في تشرين الأول الماضي", dt.date(2019, 10, 1), "month"),
        ("وقع الهجوم في 20 أيلول 2020", dt.date(2020, 9, 20), "day"),
        ("٢٠ سبتمبر ٢٠٢٠", dt.date(2020, 9, 20), "day"),
        ("في 4 شباط 2018", dt.date(2018, 2, 4), "day"),
        ("3 كانون الثاني 2018", dt.date(2018, 1, 3), "day"),
        ("في مايو 2017", dt.date(2017, 5, 1), "month"),
        ("September 20, 2020", dt.date(2020, 9, 20), "day"),
        ("on 30 September 2015", dt.date(2015, 9, 30), "day"),
        ("2020-09-20", dt.date(2020, 9, 20), "day"),
        ("20/9/2020", dt.date(2020, 9, 20), "day"),
        ("اشتباكات في مدينة البصيرة بالريف الشرقي 30 08 2020", dt.date(2020, 8, 30), "day"),
        ("قصف مدفعي على البلدة ٤ ٩ ٢٠٢٠", dt.date(2020, 9, 4), "day"),
        ("قصفت الطائرات البلدة الليلة الماضية", dt.date(2020, 9, 19), "day"),
        ("yesterday", dt.date(2020, 9, 19), "day"),
        ("Russian jets struck the town on Saturday", dt.date(2020, 9, 19), "day"),
        ("last Sunday", dt.date(2020, 9, 13), "day"),
        ("last week", dt.date(2020, 9, 13), "week"),
        ("last month", dt.date(2020, 8, 1), "month"),
        ("On 7 July the town was hit", dt.date(2020, 7, 7), "day"),
    ],
)
def test_resolve_date(text: str, date: dt.date, precision: str) -> None:
    assert resolve_date(text, SUNDAY) == (date, precision)


def test_weekday_agrees_with_today() -> None:
    # Written on Saturday, published on Sunday: the named weekday wins.
    assert resolve_date("اليوم السبت", SUNDAY) == (dt.date(2020, 9, 19), "day")


@pytest.mark.parametrize(
    "text",
    [
        "قتل الأب وابنه",  # «أب» father, not August
        "he may attack again",  # "may", not May
        "أحد عناصر الفصيل",  # «أحد» one, not Sunday
        "قتل الاثنين معا",  # «الاثنين» the two, not Monday
        "لا تاريخ هنا",
        "31/02/2020",  # no 31 February
        "قتل 12 3 2020 شخصا",  # a spaced date only closes a caption
        # «اليوم» of a phrase counting from the day told before is no «today»
        "وفي اليوم التالي، امتد القصف إلى البلدات المجاورة",
        "وفي اليوم نفسه سقطت قذائف على الحي",
        "وخرجت مظاهرة في البلدة مساء اليوم التالي",
    ],
)
def test_no_date(text: str) -> None:
    assert resolve_date(text, SUNDAY) == (None, None)


def test_relative_needs_publication_date() -> None:
    assert resolve_date("اليوم الأحد", None) == (None, None)
    assert resolve_date("20 أيلول 2020", None) == (dt.date(2020, 9, 20), "day")


def test_most_precise_expression_wins() -> None:
    assert resolve_date("في شهر آب الماضي، وتحديدا في 12 آب", SUNDAY) == (dt.date(2020, 8, 12), "day")


@pytest.mark.parametrize(
    "text, published",
    [
        ("أمس قصف إدلب", dt.date(1, 1, 1)),
        ("غارة في شهر كانون الأول", dt.date(1, 1, 1)),
        ("العام الماضي", dt.date(1, 1, 5)),
        ("on Saturday", dt.date(1, 1, 1)),
    ],
)
def test_publication_date_at_the_calendar_edge_never_raises(text: str, published: dt.date) -> None:
    assert resolve_date(text, published) == (None, None)
    assert resolve_date(text + " 2020-09-19", published) == (dt.date(2020, 9, 19), "day")


@pytest.mark.parametrize("day", ["𐩀", "1" * 5000, "00000000020"])
def test_odd_digits_beside_a_month_never_raise(day: str) -> None:
    date, _ = resolve_date(f"قصف يوم {day} أيلول 2020", None)
    assert date in (None, dt.date(2020, 9, 1), dt.date(2020, 9, 20))


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("On October 1st 2015 at 12:00", dt.date(2015, 10, 1)),
        ("On 4th April 2017, the town was targeted", dt.date(2017, 4, 4)),
        ("on the 5th of February 2020", dt.date(2020, 2, 5)),
        ("الأربعاء 5 شباط 2020", dt.date(2020, 2, 5)),
        ("في 18 من آب 2019، بحسب ما أفاد مراسل", dt.date(2019, 8, 18)),
        ("مساء 9 من كانون الأول 2018", dt.date(2018, 12, 9)),
        # One month named in both calendars: the year follows the second name.
        ("في 1 أكتوبر/تشرين الأول 2015 في تمام الساعة 12:00", dt.date(2015, 10, 1)),
        ("ففي 22 مايو / أيار 2011", dt.date(2011, 5, 22)),
        ("Friday, 4 January 2019", dt.date(2019, 1, 4)),
        (
            "في اليوم التالي 26 أيلول",
            dt.date(2019, 9, 26),
        ),  # written out beats «اليوم»; not after publication
    ],
)
def test_written_dates(text: str, date: dt.date) -> None:
    assert resolve_date(text, SUNDAY) == (date, "day")


@pytest.mark.parametrize(
    "text",
    [
        "الخميس 5 شباط 2020",  # 5 February 2020 was a Wednesday
        "Thursday, 5 February 2020",
        "on 5 October 2021",  # after publication
        "2021-10-05",
    ],
)
def test_dates_that_cannot_be_right_are_refused(text: str) -> None:
    assert resolve_date(text, SUNDAY) == (None, None)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("وخرجت مظاهرة في البلدة مساء اليوم التالي", 1),
        ("وكانت الطائرات قد قصفت الحي ذاته قبل يوم", -1),
        ("وسقطت قذيفة على السوق قبل ذلك بيومين", -2),
        ("واستهدفت غارة المشفى في الليلة السابقة", -1),
    ],
)
def test_arabic_days_counted_from_the_day_told_last(text: str, days: int) -> None:
    assert told_offset(tokenize(text)) == days
