import pandas as pd

from lib.filters import Filters, apply, months, program_rows, slice_file_name, slice_program_rows


def test_no_filter_keeps_every_meeting(shipped):
    assert len(apply(shipped, Filters())) == len(shipped)


def test_region_and_month_range(shipped):
    shown = apply(shipped, Filters.of(region="Asia", start="2019-01", end="2019-06"))
    assert len(shown) > 0
    assert set(shown["region"]) == {"Asia"}
    assert shown["date"].min() >= pd.Timestamp("2019-01-01")
    assert shown["date"].max() < pd.Timestamp("2019-07-01")
    expected = shipped[
        (shipped["region"] == "Asia")
        & (shipped["date"] >= "2019-01-01")
        & (shipped["date"] < "2019-07-01")
    ]
    assert list(shown["id"]) == list(expected["id"])


def test_central_asia_since_2019(shipped):
    shown = apply(shipped, Filters.of(subregion="Central Asia", start="2019-01"))
    assert {"Kazakhstan", "Tajikistan", "Turkmenistan"} <= set(shown["country"])
    assert set(shown["subregion"]) == {"Central Asia"}


def test_program_filter_keeps_meetings_that_discussed_it(shipped):
    program = "Urban Innovation Challenge: Citypreneurs"
    shown = apply(shipped, Filters.of(program=program))
    expected = shipped[shipped["programs"].map(lambda listed: program in listed)]
    assert list(shown["id"]) == list(expected["id"]) and len(shown) >= 1


def test_filters_combine_as_and(shipped):
    shown = apply(shipped, Filters.of(country="Canada", type="embassy"))
    assert set(shown["country"]) == {"Canada"}
    assert set(shown["counterpart_type"]) == {"embassy"}


def test_filter_matching_nothing_gives_empty_frame_with_columns(shipped):
    shown = apply(shipped, Filters.of(country="Canada", region="Africa"))
    assert shown.empty and list(shown.columns) == list(shipped.columns)


def test_months_span_the_years_of_the_first_and_last_meeting(shipped):
    span = months(shipped)
    assert span[0] == shipped["date"].min().strftime("%Y-01")
    assert span[-1] == shipped["date"].max().strftime("%Y-12")
    assert len(span) == len(set(span))


def test_slice_program_rows_match_a_fresh_explode(shipped):
    whole = program_rows(shipped)
    shown = apply(shipped, Filters.of(region="Americas"))
    sliced = slice_program_rows(whole, shown, len(shipped))
    fresh = program_rows(shown)
    pairs = sorted(zip(sliced["row"], sliced["program"], strict=True))
    assert pairs == sorted(zip(fresh["row"], fresh["program"], strict=True))


def test_file_name_states_the_filter():
    filters = Filters.of(region="Europe", start="2019-01", end="2019-06")
    assert slice_file_name(filters, "csv") == "meetings_Europe_2019-01_to_2019-06.csv"
    assert slice_file_name(Filters(), "xlsx") == "meetings_all.xlsx"
    from lib import i18n
    from lib.ui.text import shown_filter_value

    i18n.use("ko")
    try:
        assert slice_file_name(filters, "csv", "면담", shown_filter_value) == (
            "면담_유럽_2019-01부터_2019-06까지.csv"
        )
        assert (
            slice_file_name(Filters.of(end="2019-06"), "csv", "면담")
            == "면담_처음부터_2019-06까지.csv"
        )
        assert slice_file_name(Filters(), "xlsx", "면담") == "면담_전체.xlsx"
        many = Filters.of(country=["Canada", "Mexico", "Chile", "Peru", "Kenya"])
        assert slice_file_name(many, "csv", "면담", shown_filter_value) == (
            "면담_캐나다_멕시코_칠레_외-2개.csv"
        )
    finally:
        i18n.use("en")
    odd = Filters.of(country="Côte d'Ivoire", program="A/B: test")
    assert "/" not in slice_file_name(odd, "csv") and " " not in slice_file_name(odd, "csv")
