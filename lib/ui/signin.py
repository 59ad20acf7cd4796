"""Sign-in on the page: the gate every run passes, the person's role, what they may do.

When the deployment's `secrets.toml` has an `[auth]` section, every page requires signing
in with the organisation's identity provider (Streamlit's `st.login`, OpenID Connect) and
shows nothing of the data before it; the person's role comes from `[roles]`
(lib/access.py). Without `[auth]` the app is one person's, on their own machine: it says
so in the sidebar and everything is allowed, as before.

Nothing of the identity token is shown or logged: only the person's name, e-mail and role.
"""

import logging
import os
from dataclasses import dataclass
from pathlib import Path

import streamlit as st
from streamlit import config

from lib import access
from lib.i18n import _
from lib.ui.text import plain

REQUIRED_VARIABLE = "OUTREACH_SIGN_IN"  # "required": refuse to run without [auth]
_log = logging.getLogger(__name__)
_logged: set[str] = set()


@dataclass(frozen=True)
class Access:
    """This run's person and what they may do."""

    sign_in: bool  # the deployment requires signing in
    person: access.Person | None = None  # the signed-in person (None: not signed in)
    role: str | None = None
    roles: access.Roles | None = None
    problem: str | None = None  # why the settings let nobody in

    def can(self, permission: str) -> bool:
        """Whether this person may do it (anything, for local use without sign-in)."""
        if not self.sign_in:
            access.allows("admin", permission)  # an unknown permission still raises
            return True
        return self.problem is None and access.allows(self.role, permission)


def _log_once(message: str) -> None:
    """Tell the server's log about a settings problem once, not at every run."""
    if message not in _logged:
        _logged.add(message)
        _log.error(message)


def _section(name: str) -> dict | None:
    """A section of secrets.toml, or None when there is none."""
    value = st.secrets.get(name)  # AppTest replaces st.secrets: read it at each call
    return dict(value) if value is not None else None


def _secrets_files_exist() -> bool:
    return any(Path(path).exists() for path in config.get_option("secrets.files"))


def current() -> Access:
    """Who is using this session and what their role allows, from st.user and the settings."""
    try:
        auth = _section("auth")
        roles_settings = _section("roles")
    except FileNotFoundError as error:  # Streamlit's "no secrets" (or unreadable secrets)
        if _secrets_files_exist():
            _log_once(f"secrets.toml cannot be read: {error}")
            return Access(
                True,
                problem=_(
                    "The app's settings (secrets.toml) cannot be read, so nobody can sign "
                    "in. The server's log says why; correct the file and restart the app."
                ),
            )
        auth = roles_settings = None
    if auth is None:
        if os.environ.get(REQUIRED_VARIABLE, "").strip().lower() == "required":
            return Access(
                True,
                problem=_(
                    "This server requires sign-in ({variable}=required), but its secrets.toml "
                    "has no [auth] section. See docs/deploy.md.",
                    variable=REQUIRED_VARIABLE,
                ),
            )
        return Access(False)
    try:
        roles, problem = access.Roles.from_settings(roles_settings), None
    except access.RolesSettingsError as error:
        roles, problem = None, str(error)
    if not st.user.get("is_logged_in"):
        return Access(True, roles=roles)  # the sign-in page, whatever the roles say
    person = access.Person.from_claims(st.user.to_dict())
    if problem:
        _log_once(f"[roles] in secrets.toml cannot be used: {problem}")
        return Access(True, person, problem=problem)
    return Access(True, person, roles.role_of(person), roles)


def can(permission: str) -> bool:
    """Whether the person using this session may do it ("record", "replace", "backup", …)."""
    return current().can(permission)


def require(permission: str) -> None:
    """At the top of a page: stop here, saying why, unless the person may do this."""
    now = current()
    if not now.can(permission):
        st.error(access.not_allowed(now.role or "viewer", permission, now.roles or _no_roles()))
        st.stop()


def _no_roles() -> access.Roles:
    return access.Roles.from_settings({})


def signed_in_identity() -> str | None:
    """The signed-in person's e-mail (what the history records), where sign-in is on."""
    now = current()
    return now.person.identity if now.sign_in and now.person else None


def gate() -> Access:
    """Let the run go on only for a person who may read; otherwise say why and stop.

    Without sign-in configured, marks the sidebar "not signed in — local use".
    """
    now = current()
    if not now.sign_in:
        st.sidebar.caption(_("Not signed in — local use"), help=_local_help())
        return now
    if now.problem:
        st.title("Outreach Atlas")
        st.error(now.problem)
        _sign_out_button(now)
        st.stop()
    if now.person is None:
        _sign_in_screen()
        st.stop()
    if now.role is None:
        st.title("Outreach Atlas")
        st.error(access.refusal(now.person, now.roles or _no_roles()))
        _sign_out_button(now)
        st.stop()
    _who_is_signed_in(now)
    return now


def _local_help() -> str:
    return _(
        "Sign-in is not configured: anyone who opens this app may read and change everything. "
        "For an organisation, configure sign-in and roles (docs/deploy.md)."
    )


def _sign_in_screen() -> None:
    st.title("Outreach Atlas")
    st.info(
        _(
            "Outreach Atlas holds the organisation's meetings with the diplomatic corps. "
            "Sign in with your organisation account to see them."
        ),
        icon=":material/lock:",
    )
    if st.button(_("Sign in"), type="primary", icon=":material/login:", key="sign_in"):
        try:
            st.login()
        except st.errors.StreamlitAuthError as error:
            _log_once(f"sign-in is misconfigured: {error}")
            st.error(
                _(
                    "Sign-in is not configured correctly ([auth] in secrets.toml): {problem}",
                    problem=plain(str(error)),
                )
            )


def _who_is_signed_in(now: Access) -> None:
    person = now.person
    name = person.name or person.email or ""
    shown = f"{name} ({person.email})" if person.email and name != person.email else name
    st.sidebar.caption(
        _(
            "Signed in as {person} · {role}",
            person=plain(shown),
            role=access.role_name(now.role),
        )
    )
    _sign_out_button(now)


def _sign_out_button(now: Access) -> None:
    if now.person is None:
        return
    if st.sidebar.button(_("Sign out"), icon=":material/logout:", key="sign_out"):
        st.logout()
        st.stop()
