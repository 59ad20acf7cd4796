"""Who may do what: roles from the deployment's settings, matched to a signed-in person.

The settings are the `[roles]` section of `secrets.toml`:

    [roles]
    admin  = ["alice@example.org"]               # an e-mail address
    editor = ["@example.org", "group:outreach"]  # a whole domain; a group in the token
    viewer = ["*"]                               # anyone the identity provider signs in
    contact = "it-help@example.org"              # optional: who a refused person asks

A person gets the highest role any of their claims matches; a person matched by none
has no role and is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from lib.i18n import N_, _

ROLES = ("viewer", "editor", "admin")  # lowest first
ROLE_NAMES = {"viewer": N_("viewer"), "editor": N_("editor"), "admin": N_("admin")}

# What each role may do. Every reading page needs "read"; the rest are changes.
PERMISSIONS: dict[str, frozenset[str]] = {
    "viewer": frozenset({"read"}),
    "editor": frozenset({"read", "record", "edit", "delete", "import", "mark_follow_up"}),
    "admin": frozenset(
        {
            "read",
            "record",
            "edit",
            "delete",
            "import",
            "mark_follow_up",
            "replace",
            "restore",
            "backup",
        }
    ),
}
# The same permissions in words, for a refusal: "Your role (viewer) does not allow {this}."
PERMISSION_WORDS = {
    "read": N_("reading the meetings"),
    "record": N_("recording meetings"),
    "edit": N_("editing meetings"),
    "delete": N_("deleting meetings"),
    "import": N_("importing meetings"),
    "mark_follow_up": N_("marking follow-ups"),
    "replace": N_("replacing every recorded meeting"),
    "restore": N_("restoring deleted meetings"),
    "backup": N_("downloading full backups"),
}
CONTACT_KEY = "contact"
EVERYONE = "*"
GROUP_PREFIX = "group:"
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_DOMAIN = re.compile(r"@[^@\s]+\.[^@\s]+")


class RolesSettingsError(ValueError):
    """The `[roles]` settings cannot be used; the message names the entry and what to do."""


@dataclass(frozen=True)
class Person:
    """A signed-in person as the identity provider describes them."""

    email: str | None = None
    name: str | None = None
    groups: tuple[str, ...] = ()
    email_verified: bool = True

    @classmethod
    def from_claims(cls, claims: Mapping[str, object]) -> Person:
        """The person in an identity token's claims (`email`, `name`, `groups`)."""
        email = claims.get("email")
        groups = claims.get("groups")
        if isinstance(groups, str):
            groups = [groups]
        verified = claims.get("email_verified", True)
        return cls(
            email=str(email).strip() if email else None,
            name=str(claims.get("name") or "").strip() or None,
            groups=tuple(str(group) for group in groups) if isinstance(groups, Iterable) else (),
            email_verified=verified not in (False, "false", "False"),
        )

    @property
    def identity(self) -> str:
        """What the history records for this person: the e-mail address (else the name)."""
        return self.email or self.name or _("unknown person")


@dataclass(frozen=True)
class Roles:
    """The deployment's roles: for each role, the entries that give it."""

    entries: dict[str, tuple[str, ...]]
    contact: str | None = None

    @classmethod
    def from_settings(cls, settings: Mapping[str, object] | None) -> Roles:
        """The roles in a `[roles]` section; raises RolesSettingsError naming a bad entry."""
        entries: dict[str, tuple[str, ...]] = {role: () for role in ROLES}
        contact = None
        for key, value in (settings or {}).items():
            if key == CONTACT_KEY:
                if not isinstance(value, str) or not value.strip():
                    raise RolesSettingsError(
                        _("[roles] contact must be an e-mail address or a name, in quotes.")
                    )
                contact = value.strip()
                continue
            if key not in ROLES:
                raise RolesSettingsError(
                    _(
                        "[roles] has '{key}', which is not a role. The roles are admin, editor "
                        "and viewer (and contact, who a refused person should ask).",
                        key=key,
                    )
                )
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list | tuple):
                raise RolesSettingsError(
                    _('[roles] {role} must be a list in brackets, e.g. ["@example.org"].', role=key)
                )
            entries[key] = tuple(_checked_entry(key, entry) for entry in value)
        return cls(entries, contact)

    def role_of(self, person: Person) -> str | None:
        """The highest role the person's claims match, or None."""
        for role in reversed(ROLES):
            if any(matches(entry, person) for entry in self.entries[role]):
                return role
        return None

    def admins(self) -> list[str]:
        """The e-mail addresses listed as admins (domains, groups and "*" left out)."""
        return [entry for entry in self.entries["admin"] if _EMAIL.fullmatch(entry)]

    def who_to_ask(self) -> str:
        """Who a refused person should ask: the configured contact, else the admins."""
        if self.contact:
            return self.contact
        admins = self.admins()
        return ", ".join(admins) if admins else _("the person who runs Outreach Atlas")


def _checked_entry(role: str, entry: object) -> str:
    """One entry of a role's list, checked: "*", "@domain", "group:NAME" or an e-mail."""
    text = str(entry).strip() if isinstance(entry, str) else ""
    valid = (
        text == EVERYONE
        or _DOMAIN.fullmatch(text)
        or (text.startswith(GROUP_PREFIX) and text[len(GROUP_PREFIX) :].strip())
        or _EMAIL.fullmatch(text)
    )
    if not valid:
        raise RolesSettingsError(
            _(
                "[roles] {role} has '{entry}', which is not an e-mail address, \"@domain\", "
                '"group:NAME" or "*". Correct it in secrets.toml.',
                role=role,
                entry=entry,
            )
        )
    return text


def matches(entry: str, person: Person) -> bool:
    """Whether one entry of a role's list ("*", "@domain", "group:NAME", e-mail) fits."""
    if entry == EVERYONE:
        return True
    if entry.startswith(GROUP_PREFIX):
        return entry[len(GROUP_PREFIX) :].strip() in person.groups
    # An address the provider has not verified says nothing about who signed in.
    email = (person.email or "").casefold() if person.email_verified else ""
    if not email:
        return False
    if entry.startswith("@"):
        return email.endswith(entry.casefold())
    return email == entry.casefold()


def allows(role: str | None, permission: str) -> bool:
    """Whether a role may do this ("read", "record", "replace", …); no role may do nothing."""
    if permission not in PERMISSION_WORDS:
        raise KeyError(f"unknown permission {permission!r}")
    return role is not None and permission in PERMISSIONS[role]


def role_name(role: str) -> str:
    """A role as people read it, in the current language."""
    return _(ROLE_NAMES[role])


def refusal(person: Person, roles: Roles) -> str:
    """Why a signed-in person without a role sees nothing, and who to ask."""
    return _(
        "{who} has no access to Outreach Atlas. Ask {contact} to give you a role.",
        who=person.email or person.name or _("This account"),
        contact=roles.who_to_ask(),
    )


def not_allowed(role: str, permission: str, roles: Roles) -> str:
    """Why a role cannot do something, and who to ask."""
    return _(
        "Your role ({role}) does not allow {action}. Ask {contact} if you need it.",
        role=role_name(role),
        action=_(PERMISSION_WORDS[permission]),
        contact=roles.who_to_ask(),
    )
