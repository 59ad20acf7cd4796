"""Processes the sign-in and deployment tests start besides the app (tests.browsing.app_server):
a local OpenID Connect provider, nginx."""

import json
import os
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from tests.browsing import ROOT, free_port, open_page, settle, stop, wait_for

PROVIDER = "oidc-provider-mock"  # requirements-dev.txt; 0.3.4 runs on Python 3.11


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
        stop(process)


def sign_in(page, base: str, provider: str, sub: str) -> None:
    """Sign in at the provider as `sub` (a predefined person, or any other name typed in)."""
    open_page(page, base)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{provider}/**", timeout=30_000)
    predefined = page.get_by_role("button", name=sub, exact=True)
    if predefined.count():
        predefined.click()
    else:
        page.locator("input[name=sub]").fill(sub)
        page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{base}/**", timeout=30_000)
    settle(page)
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=60_000)
    settle(page)


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


NGINX = "/usr/sbin/nginx"
DEPLOY = ROOT / "deploy"


def nginx_configuration(folder: Path, app_ports: list[int], port: int, redirect_port: int) -> Path:
    """deploy/nginx as shipped, moved onto loopback ports and into `folder`.

    Only addresses and paths change (each must be found, so the test follows the file):
    the processes' ports, the listening ports, a self-signed certificate, the log files.
    """
    site = (DEPLOY / "nginx" / "outreach-atlas.conf").read_text(encoding="utf-8")
    changes = {
        "listen 80;\n    listen [::]:80;": f"listen 127.0.0.1:{redirect_port};",
        "listen 443 ssl;\n    listen [::]:443 ssl;": f"listen 127.0.0.1:{port} ssl;",
        "/etc/ssl/certs/atlas.example.org.pem": str(folder / "cert.pem"),
        "/etc/ssl/private/atlas.example.org.key": str(folder / "key.pem"),
        "/var/log/nginx/outreach-atlas.access.log": str(folder / "access.log"),
        "/var/log/nginx/outreach-atlas.error.log": str(folder / "error.log"),
        "/etc/nginx/snippets/outreach-atlas-proxy.conf": str(
            DEPLOY / "nginx" / "outreach-atlas-proxy.conf"
        ),
    }
    shipped = ("server 127.0.0.1:8501 ", "server 127.0.0.1:8502 ")
    for line, process_port in zip(shipped, app_ports, strict=True):
        changes[line] = f"server 127.0.0.1:{process_port} "
    for old, new in changes.items():
        assert old in site, f"deploy/nginx/outreach-atlas.conf no longer has {old!r}"
        site = site.replace(old, new)
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=127.0.0.1", "-keyout", str(folder / "key.pem")]
        + ["-out", str(folder / "cert.pem")],
        check=True,
        capture_output=True,
    )
    temporary = "\n".join(
        f"    {kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi")
    )
    main = folder / "nginx.conf"
    main.write_text(
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"worker_processes 1;\npid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'};\n"
        + "events {}\nhttp {\n"
        + f"    access_log {folder / 'access.log'};\n{temporary}\n"
        + f"    uwsgi_temp_path {folder / 'uwsgi'};\n    scgi_temp_path {folder / 'scgi'};\n"
        + site
        + "\n}\n",
        encoding="utf-8",
    )
    return main


def check_nginx(configuration: Path) -> subprocess.CompletedProcess:
    """`nginx -t` on a configuration (its output says what is wrong)."""
    return subprocess.run(
        [NGINX, "-t", "-p", str(configuration.parent), "-c", str(configuration)],
        capture_output=True,
        text=True,
    )


@contextmanager
def nginx(configuration: Path):
    """nginx in the foreground with this configuration, until the block ends."""
    process = subprocess.Popen(
        [NGINX, "-p", str(configuration.parent), "-c", str(configuration), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(0.5)
        if process.poll() is not None:
            raise RuntimeError(check_nginx(configuration).stderr)
        yield
    finally:
        stop(process)
