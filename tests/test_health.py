"""/healthz answers 200 when the database does, 503 when it does not."""


def test_healthz_is_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}
    assert response.headers["Cache-Control"] == "no-store"


def test_healthz_is_503_when_the_database_is_gone(make_app, tmp_path):
    app = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'missing-folder' / 'db.sqlite'}")

    response = app.test_client().get("/healthz")

    assert response.status_code == 503
    assert response.get_json() == {"error": "unavailable", "message": "De database antwoordt niet."}
