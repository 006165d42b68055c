"""pip-audit over the pinned requirements, telling a finding from an unreachable service.

A known vulnerability in a pin fails (exit 1). When pip-audit could ask about none of the
pins (PyPI's per-release JSON API unreachable, as in an offline sandbox), it says so
loudly and fails only under AUDIT_STRICT=1: nothing was audited, and that is not a pass.
Some pins audited and others not is a failure: every pin here comes from PyPI.
"""

import json
import os
import subprocess
import sys

REQUIREMENTS = sys.argv[1] if len(sys.argv) > 1 else "requirements.txt"


def main():
    pip_audit = os.path.join(os.path.dirname(sys.executable), "pip-audit")
    result = subprocess.run(  # noqa: S603  # nosec B603: a fixed command, no shell
        [pip_audit, "--progress-spinner", "off", "-f", "json", "-r", REQUIREMENTS],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        sys.stderr.write(result.stderr)
        print("!! pip-audit gave no report", file=sys.stderr)
        return 1
    dependencies = report["dependencies"]
    skipped = [dep for dep in dependencies if dep.get("skip_reason")]
    vulnerable = [dep for dep in dependencies if dep.get("vulns")]
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixes = ", ".join(vuln.get("fix_versions", [])) or "no fix yet"
            print(f"!! {dep['name']} {dep['version']}: {vuln['id']} (fixed in {fixes})")
    if vulnerable:
        return 1
    if skipped and len(skipped) == len(dependencies):
        print(
            "!! pip-audit could not look up any of the "
            f"{len(dependencies)} pins (its vulnerability service is unreachable from "
            "this machine): the dependencies were NOT audited. Run `make audit` where "
            "PyPI's JSON API answers.",
            file=sys.stderr,
        )
        return 1 if os.environ.get("AUDIT_STRICT") == "1" else 0
    for dep in skipped:
        print(f"!! not audited: {dep['skip_reason']}", file=sys.stderr)
    if skipped:
        return 1
    print(f"pip-audit: no known vulnerabilities in {len(dependencies)} pins")
    return 0


if __name__ == "__main__":
    sys.exit(main())
