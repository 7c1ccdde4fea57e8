"""Running axe-core (tests/e2e/node_modules) in the page a Selenium driver shows."""

import json
import os
from pathlib import Path


def run_axe(driver, source, name):
    """Inject axe-core, run it on the page; return the serious and critical violations."""
    driver.execute_script(source)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
        ".then(r => done(JSON.stringify(r.violations))).catch(e => done(JSON.stringify("
        "[{id: 'axe-error', impact: 'critical', description: String(e), nodes: []}])));")
    shots = os.environ.get("RT_E2E_SCREENSHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(shots) / f"{name}.png"))
    violations = json.loads(result)
    return [
        {"id": v["id"], "impact": v["impact"], "help": v.get("help", v.get("description")),
         "targets": [n["target"] for n in v["nodes"]][:12],
         "why": [(n.get("any") or [{}])[0].get("message", "")[:160] for n in v["nodes"]][:12]}
        for v in violations if v["impact"] in ("serious", "critical")
    ]
