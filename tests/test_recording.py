from datetime import date

from lib.recording import changed_fields, country_cell, date_text, form_record, form_values


def test_date_text_writes_the_form_of_the_precision():
    day = date(2019, 4, 9)
    assert date_text(day, "day") == "2019-04-09"
    assert date_text(day, "week") == "2019-04-09"
    assert date_text(day, "month") == "2019-04"
    assert date_text(day, "quarter") == "2019-Q2"
    assert date_text(day, "year") == "2019"


def test_country_cell_resolves_or_explains():
    assert country_cell("the Colombian Embassy") == ("Colombia", None)
    text, problem = country_cell("Congo")
    assert text == "Congo" and "Republic of the Congo" in problem and "DR Congo" in problem
    assert country_cell("Korea") == ("South Korea", None)
    assert country_cell("  ")[1].startswith("Choose the country")


def test_form_record_and_back():
    record = form_record(
        dict(
            country="Mexico",
            date=date(2019, 4, 2),
            date_precision="week",
            programs=["Seoul Smart City Prize", "A new program"],
            cities=" Mexico City ;; Seoul ",
            follow_up="Share the Mayors Forum agenda",
            follow_up_status="open",
            follow_up_due=date(2019, 5, 1),
            counterpart="  Ambassador ",
        )
    )
    assert record["date"] == "2019-04-02" and record["date_precision"] == "week"
    assert record["programs"] == "Seoul Smart City Prize; A new program"
    assert record["cities"] == "Mexico City; Seoul"
    assert record["follow_up_due"] == "2019-05-01"
    assert record["counterpart"] == "Ambassador"
    values = form_values(record)
    assert values["date"] == date(2019, 4, 2) and values["date_precision"] == "week"
    assert values["programs"] == ["Seoul Smart City Prize", "A new program"]
    assert form_record(values) == record


def test_no_follow_up_means_no_status():
    record = form_record(dict(country="Peru", date=date(2020, 1, 1), follow_up_status="open"))
    assert record["follow_up_status"] == ""


def test_changed_fields_lists_only_what_differs():
    stored = {"country": "Peru", "date": "2020-01-01", "summary": "", "counterpart": "A"}
    record = {"country": "Peru", "date": "2020-02-01", "summary": "", "counterpart": "B"}
    assert changed_fields(stored, record) == {"date": "2020-02-01", "counterpart": "B"}


def test_form_values_of_a_month_meeting():
    values = form_values({"date": "2019-03", "country": "Turkmenistan"})
    assert values["date"] == date(2019, 3, 1) and values["date_precision"] == "month"
    assert values["follow_up_due"] is None
