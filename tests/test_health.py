"""/healthz answers 200 when the database does, 503 when it does not."""


def test_healthz_reports_the_schema_and_the_map(bare_runner, bare_app):
    bare_runner.invoke(args=["init"])
    response = bare_app.test_client().get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok" and body["boundaries_loaded"] is True
    assert body["schema_revision"] and len(body["schema_revision"]) == 12
    assert response.headers["Cache-Control"] == "no-store"


def test_healthz_is_503_when_the_database_is_gone(make_app, tmp_path):
    app = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'missing-folder' / 'db.sqlite'}")

    response = app.test_client().get("/healthz")

    assert response.status_code == 503
    assert response.get_json() == {"error": "unavailable", "message": "De database antwoordt niet."}
