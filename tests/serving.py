"""Processes the sign-in and deployment tests start: the app (with its log kept), a local
OpenID Connect provider, nginx."""

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from tests.browsing import ROOT, free_port

PROVIDER = "oidc-provider-mock"  # requirements-dev.txt; 0.3.4 runs on Python 3.11


def wait_for(url: str, answer: bytes | None = None, seconds: float = 60) -> None:
    """Poll `url` until it answers (with `answer`, when given)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if answer is None or response.read() == answer:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds:.0f} s")


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def app_process(environment: dict[str, str], log: Path, port: int | None = None):
    """`streamlit run app.py` with these settings, its output in `log`; yields its address."""
    port = port or free_port()
    settings = {
        k: v
        for k, v in os.environ.items()
        if k not in ("OUTREACH_DATA", "OUTREACH_DB_URL", "OUTREACH_SIGN_IN")
        and not k.startswith("STREAMLIT_")
    }
    settings.update(environment)
    with log.open("ab") as output:
        process = subprocess.Popen(
            [
                shutil.which("streamlit") or "streamlit",
                "run",
                "app.py",
                "--server.headless=true",
                f"--server.port={port}",
                "--server.address=127.0.0.1",
                "--browser.gatherUsageStats=false",
                "--server.fileWatcherType=none",
            ],
            cwd=ROOT,
            env=settings,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/_stcore/health", b"ok")
        yield base
    finally:
        _stop(process)


@contextmanager
def identity_provider(people: list[dict]):
    """A local OpenID Connect provider on 127.0.0.1 that signs in these people (by "sub")."""
    executable = shutil.which(PROVIDER) or str(Path(sys.executable).parent / PROVIDER)
    port = free_port()
    command = [executable, "--host", "127.0.0.1", "--port", str(port)]
    for person in people:
        command += ["--user-claims", json.dumps(person)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/.well-known/openid-configuration")
        yield base
    finally:
        _stop(process)


def secrets_file(folder: Path, provider: str, roles: dict[str, list[str]], **auth) -> Path:
    """A secrets.toml for an app on any port ({port}) signing in with `provider`."""
    settings = {
        "redirect_uri": "http://127.0.0.1:{port}/oauth2callback",
        "cookie_secret": "a-cookie-secret-for-tests-only-0123456789",
        "client_id": "outreach-atlas",
        "client_secret": "a-client-secret-for-tests-only",
        "server_metadata_url": f"{provider}/.well-known/openid-configuration",
        **auth,
    }
    lines = ["[auth]"] + [f"{key} = {json.dumps(value)}" for key, value in settings.items()]
    lines += ["", "[roles]"] + [f"{role} = {json.dumps(who)}" for role, who in roles.items()]
    path = folder / "secrets.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
