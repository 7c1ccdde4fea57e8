"""Running axe-core (tests/e2e/node_modules) in the page a Selenium driver shows."""

import json
import os
from pathlib import Path


def run_axe(driver, source, name, exclude=()):
    """Inject axe-core, run it on the page (minus the ``exclude`` CSS selectors);
    return the serious and critical violations."""
    driver.execute_script(source)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "const context = arguments[0].length ? {include: [document], exclude: arguments[0]}"
        " : document;"
        "axe.run(context, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
        ".then(r => done(JSON.stringify(r.violations))).catch(e => done(JSON.stringify("
        "[{id: 'axe-error', impact: 'critical', description: String(e), nodes: []}])));",
        [[selector] for selector in exclude],
    )
    shots = os.environ.get("RT_E2E_SCREENSHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(shots) / f"{name}.png"))
    violations = json.loads(result)
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v.get("help", v.get("description")),
            "targets": [n["target"] for n in v["nodes"]][:12],
            "why": [(n.get("any") or [{}])[0].get("message", "")[:160] for n in v["nodes"]][:12],
        }
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
