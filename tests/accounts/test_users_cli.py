"""`flask users create`: passwords twice or from standard input; bad input stores nothing."""

import pytest
from sqlalchemy import func, select
from werkzeug.security import check_password_hash

from campaign.accounts.models import Role, User
from campaign.extensions import db

ARGS = ["users", "create", "--email", "Anna@Example.org", "--name", "Anna de Vries"]


def user_count() -> int:
    return db.session.scalar(select(func.count()).select_from(User))


def test_create_with_password_from_stdin(runner):
    result = runner.invoke(
        args=[*ARGS, "--role", "admin", "--password-stdin"], input="correct horse battery\n"
    )

    assert result.exit_code == 0, result.output
    user = db.session.scalars(select(User)).one()
    assert (user.email, user.name, user.role) == ("anna@example.org", "Anna de Vries", Role.ADMIN)
    assert check_password_hash(user.password_hash, "correct horse battery")
    assert not user.must_change_password


def test_create_asks_for_the_password_twice(runner):
    result = runner.invoke(
        args=[*ARGS, "--role", "vrijwilliger"],
        input="lang genoeg wachtwoord\nlang genoeg wachtwoord\n",
    )

    assert result.exit_code == 0, result.output
    assert "Password: " in result.output and "Repeat for confirmation: " in result.output
    assert db.session.scalars(select(User)).one().role is Role.VRIJWILLIGER


def test_two_different_passwords_are_asked_again(runner):
    result = runner.invoke(
        args=[*ARGS, "--role", "vrijwilliger"],
        input="lang genoeg wachtwoord\nanders wachtwoord!!\n" + "lang genoeg wachtwoord\n" * 2,
    )
    assert result.exit_code == 0, result.output
    assert "do not match" in result.output
    assert user_count() == 1


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        ([*ARGS, "--role", "admin", "--password-stdin"], "kort\n", "minstens 12 tekens"),
        (
            [*ARGS, "--role", "baas", "--password-stdin"],
            "lang genoeg wachtwoord\n",
            "Invalid value for '--role'",
        ),
        (
            [
                "users",
                "create",
                "--email",
                "geen-adres",
                "--name",
                "X",
                "--role",
                "admin",
                "--password-stdin",
            ],
            "lang genoeg wachtwoord\n",
            "Ongeldig e-mailadres",
        ),
        (
            [
                "users",
                "create",
                "--email",
                "a@example.org",
                "--name",
                "  ",
                "--role",
                "admin",
                "--password-stdin",
            ],
            "lang genoeg wachtwoord\n",
            "Vul een naam in",
        ),
        (["users", "create", "--name", "X", "--role", "admin"], "", "Missing option '--email'"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_stores_nothing(runner, args, stdin, message):
    result = runner.invoke(args=args, input=stdin)

    assert result.exit_code != 0
    assert message in result.output
    assert user_count() == 0


def test_a_second_account_with_the_same_address_is_refused(runner):
    runner.invoke(
        args=[*ARGS, "--role", "admin", "--password-stdin"], input="lang genoeg wachtwoord\n"
    )
    result = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "anna@example.ORG",
            "--name",
            "Anna 2",
            "--role",
            "vrijwilliger",
            "--password-stdin",
        ],
        input="lang genoeg wachtwoord\n",
    )
    assert result.exit_code == 1
    assert "Er is al een account met het e-mailadres anna@example.org" in result.output
    assert user_count() == 1
