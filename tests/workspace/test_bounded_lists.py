"""The workspace shows the latest contacts and changes; the rest are a page away, so the page
stays the same size however long the campaign runs."""

from datetime import timedelta

from campaign.dates import today
from campaign.extensions import db
from campaign.outreach.models import Channel, Direction, OutreachEntry


def test_the_workspace_shows_the_latest_ten_and_links_to_all(
    client, login, volunteer, make_gemeente
):
    gemeente = make_gemeente("Zeist")
    for number in range(25):
        db.session.add(
            OutreachEntry(
                gemeente=gemeente,
                occurred_on=today() - timedelta(days=number),
                channel=Channel.EMAIL,
                direction=Direction.UITGAAND,
                summary=f"Contact nummer {number}",
            )
        )
    db.session.commit()
    login(volunteer)
    page = f"/beheer/gemeenten/{gemeente.slug}"
    html = client.get(page).get_data(as_text=True)
    assert html.count("Contact nummer ") == 10 and "Contact nummer 0<" in html
    assert f'href="{page}/tijdlijn">Alle 25 contacten</a>' in html
    assert f'href="{page}/wijzigingen">Alle ' in html  # 25 contacts, 26 changes

    everything = client.get(f"{page}/tijdlijn").get_data(as_text=True)
    assert everything.count("Contact nummer ") == 25
    assert client.get(f"{page}/tijdlijn?pagina=2").status_code == 404
    assert client.get(f"{page}/tijdlijn?pagina=twee").status_code == 400
    changes = client.get(f"{page}/wijzigingen").get_data(as_text=True)
    assert changes.count("<li>") >= 25
