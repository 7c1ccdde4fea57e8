"""Collecting Content-Security-Policy violations in Chromium (Selenium).

`watch(driver)` has Chromium run a small listener in every new document, before
any of the page's scripts (CDP Page.addScriptToEvaluateOnNewDocument; a script
added this way is not itself subject to the page's policy). It records each
`securitypolicyviolation` event of the page and of its same-origin frames
(TinyMCE's editing frame) in `window.top.__cspViolations`. `violations(driver)`
lets the page settle (load finished, Plone's patterns initialised) and returns
them, one line each.
"""

import os
import time
from pathlib import Path

LISTENER = r"""
(function () {
  function store() {
    try { return window.top.__cspViolations || (window.top.__cspViolations = []); }
    catch (e) { return window.__cspViolations || (window.__cspViolations = []); }
  }
  document.addEventListener('securitypolicyviolation', function (e) {
    store().push([e.disposition, e.effectiveDirective, e.blockedURI,
                  (e.sourceFile || '') + ':' + e.lineNumber, e.sample,
                  e.documentURI].join(' | '));
  }, true);
})();
"""


def watch(driver):
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": LISTENER})


def settle(driver, quiet=0.8, timeout=15):
    """Wait for the load event, then for `quiet` seconds without a new violation
    (Plone's bundle loads its patterns' chunks after the load event)."""
    deadline = time.monotonic() + timeout
    while (
        driver.execute_script("return document.readyState") != "complete"
        and time.monotonic() < deadline
    ):
        time.sleep(0.1)
    count = -1
    while time.monotonic() < deadline:
        now = driver.execute_script("return (window.__cspViolations || []).length")
        if now == count:
            return
        count = now
        time.sleep(quiet)


def violations(driver, name=None):
    settle(driver)
    shots = os.environ.get("RT_E2E_SCREENSHOTS")
    if shots and name:
        Path(shots).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(shots) / f"csp-{name}.png"))
    return list(driver.execute_script("return window.__cspViolations || []"))
