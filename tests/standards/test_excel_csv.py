"""The CSV files people open in a spreadsheet, read back the way Dutch Excel reads them."""

import csv
import io

from sqlalchemy import select

from campaign.extensions import db
from campaign.gemeenten.models import Gemeente
from tests.standards.excel import formulas, read_as_dutch_excel

HOSTILE_NOTE = '=HYPERLINK("http://evil.example","klik"); -2+3'


def give_amersfoort_a_hostile_note() -> None:
    amersfoort = db.session.scalar(select(Gemeente).where(Gemeente.slug == "amersfoort"))
    amersfoort.notes = HOSTILE_NOTE
    db.session.commit()


def test_the_open_data_for_excel_opens_in_columns_with_its_accents(client, seeded):
    response = client.get("/open-data/gemeenten-excel.csv")
    assert response.mimetype == "text/csv" and response.mimetype_params["charset"] == "utf-8"
    assert "gemeenten-excel-" in response.headers["Content-Disposition"]
    assert response.data.startswith(b"\xef\xbb\xbf")

    header, *rows = read_as_dutch_excel(response.data)

    assert header[:4] == ["code", "naam", "slug", "provincie"]
    assert len(rows) == 342 and all(len(row) == len(header) for row in rows)
    by_code = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert by_code["GM1900"]["naam"] == "Súdwest-Fryslân"
    assert by_code["GM0307"]["stemmen_voor"] == "26"
    assert formulas(rows) == []


def test_the_open_data_for_programs_is_rfc_4180_and_excel_would_garble_it(client, seeded):
    data = client.get("/open-data/gemeenten.csv").data
    assert not data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert rows[0][:2] == ["code", "naam"] and len(rows) == 343
    # Why the page offers the other file: Excel puts each row in one cell and misreads UTF-8.
    as_excel = read_as_dutch_excel(data)
    assert len(as_excel[0]) == 1
    assert any("SÃºdwest-FryslÃ¢n" in row[0] for row in as_excel)


def test_the_open_data_page_says_which_file_is_for_excel(client, seeded):
    html = client.get("/open-data").get_data(as_text=True)
    assert "gemeenten-excel.csv</a>: <strong>voor Excel</strong>" in html
    assert "gemeenten.csv</a>: <strong>voor programma's</strong>" in html


def test_the_beheer_export_opens_in_excel_with_formulas_guarded(client, login, volunteer, seeded):
    give_amersfoort_a_hostile_note()
    login(volunteer)

    data = client.get("/beheer/export/gemeenten.csv").data

    assert data.startswith(b"\xef\xbb\xbf")
    header, *rows = read_as_dutch_excel(data)
    assert len(rows) == 342 and all(len(row) == len(header) for row in rows)
    by_code = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert by_code["GM1900"]["naam"] == "Súdwest-Fryslân"
    assert by_code["GM0307"]["notities"] == "'" + HOSTILE_NOTE
    assert formulas(rows) == []
