"""A start asks nothing of the outside world: the server looks up no address on the internet
(the README promises that nothing leaves the machine), and a first page view neither."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browsing import CHROMIUM, CHROMIUM_ARGS, ROOT, free_port, open_page, outside_requests
from tests.serving import wait_for

# Run Streamlit's command line with an audit hook that writes down every name looked up and
# every address connected to that is not this machine's.
AUDITED_START = """
import json, sys
from streamlit.web.cli import main

LOCAL = ("127.", "::1", "localhost", "0.0.0.0", "::")
log = open(sys.argv.pop(1), "a", encoding="utf-8")

def outside(host):
    return isinstance(host, str | bytes) and not str(host).startswith(LOCAL)

def audit(event, args):
    if event == "socket.getaddrinfo" and outside(args[0]):
        log.write(json.dumps([event, str(args[0])]) + "\\n"); log.flush()
    elif event == "socket.connect" and isinstance(args[1], tuple) and outside(args[1][0]):
        log.write(json.dumps([event, str(args[1][0])]) + "\\n"); log.flush()

sys.addaudithook(audit)
sys.argv = ["streamlit", *sys.argv[1:]]
main()
"""


def test_a_start_and_a_first_page_make_no_outside_request(tmp_path):
    if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
        pytest.skip("Chromium is missing: apt-get install chromium")
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    audit, log = tmp_path / "outside.jsonl", tmp_path / "streamlit.log"
    audit.touch()
    port = free_port()
    settings = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("STREAMLIT_", "OUTREACH_")) or k == "OUTREACH_TEST_PG_URL"
    }
    # As an administrator starts it: only the port on the command line; the rest from
    # .streamlit/config.toml (headless, no usage statistics, the server's address).
    command = [sys.executable, "-c", AUDITED_START, str(audit), "run", "app.py"]
    command += [f"--server.port={port}", "--server.fileWatcherType=none"]
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, env=settings, stdout=output, stderr=subprocess.STDOUT
        )
    base = f"http://localhost:{port}"
    try:
        wait_for(f"{base}/_stcore/health", b"ok")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            requests: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            open_page(page, base)
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=20)
    printed = log.read_text(encoding="utf-8")
    assert "You can now view your Streamlit app" in printed  # the audit ran the real start
    assert "external IP" not in printed and "External URL" not in printed
    asked = [json.loads(line) for line in audit.read_text(encoding="utf-8").splitlines()]
    assert asked == [], f"the server asked the outside world: {asked}"
    assert outside_requests(requests, base) == []
