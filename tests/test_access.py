"""Roles from the deployment's settings, matched to a signed-in person's claims."""

import tomllib
from pathlib import Path

import pytest

from lib import i18n
from lib.access import (
    PERMISSION_WORDS,
    PERMISSIONS,
    ROLES,
    Person,
    Roles,
    RolesSettingsError,
    allows,
    not_allowed,
    refusal,
)

ROOT = Path(__file__).resolve().parent.parent
ISSUE_EXAMPLE = {
    "admin": ["alice@example.org"],
    "editor": ["@example.org", "group:outreach"],
    "viewer": ["*"],
}


def role(settings: dict, **claims) -> str | None:
    return Roles.from_settings(settings).role_of(Person.from_claims(claims))


# Matching -------------------------------------------------------------------------------


def test_an_email_entry_matches_that_address_only_whatever_its_case():
    settings = {"editor": ["min-ji.kim@example.org"]}
    assert role(settings, email="Min-ji.Kim@Example.org") == "editor"
    assert role(settings, email="min-ji.kim@example.org.evil.net") is None
    assert role(settings, email="kim@example.org") is None


def test_a_domain_entry_matches_that_domain_and_not_one_that_ends_like_it():
    settings = {"editor": ["@example.org"]}
    assert role(settings, email="anyone@example.org") == "editor"
    assert role(settings, email="anyone@EXAMPLE.ORG") == "editor"
    assert role(settings, email="anyone@not-example.org") is None
    assert role(settings, email="anyone@sub.example.org") is None
    assert role(settings, email="example.org@elsewhere.net") is None


def test_a_group_entry_matches_the_groups_claim():
    settings = {"editor": ["group:outreach"]}
    assert role(settings, email="x@elsewhere.net", groups=["finance", "outreach"]) == "editor"
    assert role(settings, email="x@elsewhere.net", groups="outreach") == "editor"  # one group
    assert role(settings, email="x@elsewhere.net", groups=["Outreach team"]) is None


def test_a_missing_groups_claim_matches_no_group_but_other_entries_still_apply():
    settings = {"admin": ["group:outreach"], "viewer": ["@example.org"]}
    assert role(settings, email="x@example.org") == "viewer"
    assert role(settings, email="x@elsewhere.net") is None


def test_star_lets_in_anyone_the_provider_signs_in_even_without_an_email():
    settings = {"viewer": ["*"]}
    assert role(settings, email="stranger@elsewhere.net") == "viewer"
    assert role(settings, name="No E-mail", sub="abc") == "viewer"


def test_the_highest_matching_role_wins_whatever_the_order_of_the_settings():
    settings = {"viewer": ["*"], "admin": ["alice@example.org"], "editor": ["@example.org"]}
    assert role(settings, email="alice@example.org") == "admin"
    assert role(settings, email="bob@example.org") == "editor"
    assert role(settings, email="carol@elsewhere.net") == "viewer"
    assert role(ISSUE_EXAMPLE, email="dan@elsewhere.net", groups=["outreach"]) == "editor"


def test_an_unknown_person_has_no_role():
    settings = {"admin": ["alice@example.org"], "editor": ["@example.org"]}
    assert role(settings, email="mallory@elsewhere.net", groups=["outreach"]) is None


def test_no_roles_at_all_lets_nobody_in():
    assert role({}, email="alice@example.org") is None
    assert Roles.from_settings(None).role_of(Person(email="alice@example.org")) is None


def test_an_address_the_provider_did_not_verify_matches_no_email_or_domain_entry():
    settings = {"admin": ["alice@example.org"], "editor": ["@example.org"], "viewer": ["*"]}
    assert role(settings, email="alice@example.org", email_verified=False) == "viewer"
    assert role(settings, email="alice@example.org", email_verified=True) == "admin"


def test_a_single_entry_written_without_brackets_is_read_as_a_list():
    assert role({"admin": "alice@example.org"}, email="alice@example.org") == "admin"


# Settings that cannot be used -------------------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "named"),
    [
        ({"editors": ["@example.org"]}, "'editors'"),
        ({"editor": ["example.org"]}, "'example.org'"),
        ({"editor": ["group:"]}, "'group:'"),
        ({"editor": [42]}, "'42'"),
        ({"viewer": {"everyone": True}}, "viewer"),
        ({"contact": ""}, "contact"),
    ],
)
def test_a_setting_that_cannot_be_used_is_refused_naming_it(settings, named):
    with pytest.raises(RolesSettingsError) as refused:
        Roles.from_settings(settings)
    assert named in str(refused.value)


# What each role may do --------------------------------------------------------------------


def test_each_role_may_do_exactly_its_share():
    reading = {"read"}
    changing = {"record", "edit", "delete", "import", "mark_follow_up"}
    everything = reading | changing | {"replace", "restore", "backup"}
    assert PERMISSIONS == {"viewer": reading, "editor": reading | changing, "admin": everything}
    assert set(PERMISSION_WORDS) == everything
    for permission in everything:
        assert allows(None, permission) is False
    assert [allows(r, "backup") for r in ROLES] == [False, False, True]
    assert [allows(r, "record") for r in ROLES] == [False, True, True]


def test_an_unknown_permission_is_a_programming_error():
    with pytest.raises(KeyError):
        allows("admin", "fly")


# Messages ---------------------------------------------------------------------------------


def test_a_refused_person_is_told_to_ask_the_admins():
    roles = Roles.from_settings({"admin": ["alice@example.org", "@example.org", "bob@x.org"]})
    message = refusal(Person(email="mallory@elsewhere.net"), roles)
    assert "mallory@elsewhere.net has no access" in message
    assert "Ask alice@example.org, bob@x.org" in message


def test_a_configured_contact_is_named_instead_of_the_admins():
    roles = Roles.from_settings({"admin": ["alice@example.org"], "contact": "it@example.org"})
    assert "Ask it@example.org" in refusal(Person(email="m@elsewhere.net"), roles)


def test_with_no_admin_address_the_message_still_says_who_to_ask():
    roles = Roles.from_settings({"admin": ["group:it"]})
    assert "the person who runs Outreach Atlas" in refusal(Person(name="M"), roles)


def test_a_refusal_names_the_role_and_what_it_cannot_do_in_korean_too():
    roles = Roles.from_settings({"admin": ["alice@example.org"]})
    assert not_allowed("viewer", "record", roles) == (
        "Your role (viewer) does not allow recording meetings. "
        "Ask alice@example.org if you need it."
    )
    i18n.use("ko")
    try:
        korean = not_allowed("editor", "replace", roles)
    finally:
        i18n.use("en")
    assert "편집자" in korean and "alice@example.org" in korean and "role" not in korean


def test_the_history_records_the_email_or_else_the_name():
    assert Person.from_claims({"email": " a@example.org ", "name": "A"}).identity == (
        "a@example.org"
    )
    assert Person.from_claims({"name": "Only A Name", "sub": "123"}).identity == "Only A Name"


def test_the_example_settings_have_a_complete_auth_section_and_usable_roles():
    text = (ROOT / ".streamlit" / "secrets.example.toml").read_text(encoding="utf-8")
    example = tomllib.loads(text)
    needed = {"redirect_uri", "cookie_secret", "client_id", "client_secret"}
    assert needed | {"server_metadata_url"} <= set(example["auth"])
    assert example["auth"]["redirect_uri"].endswith("/oauth2callback")
    roles = Roles.from_settings(example["roles"])
    assert roles.role_of(Person(email="alice@example.org")) == "admin"
    assert roles.role_of(Person(email="someone@example.org")) == "editor"
    assert roles.role_of(Person(email="someone@elsewhere.net")) == "viewer"
