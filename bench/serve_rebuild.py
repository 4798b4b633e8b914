#!/usr/bin/env python3
"""Measures `qapress serve`'s rebuild after a one-file edit, as a user meets it.

    bench/serve_rebuild.py QAPRESS_BINARY PROJECT_DIR [--edits N] [--json OUT]

Copies the project (qapress.yml, content/, themes/) into a temporary git repository, starts
`qapress serve --port 0` on it, waits for the first build, then N times appends a sentence to
one audit's Markdown body and waits for the server's "change: built in N ms" line and for the
reload event that open pages receive. Prints the median build time and the median time from
saving the file to the reload event (which includes the watcher's wait for the change to settle: two looks, 100 ms apart).
"""
import argparse, json, os, re, shutil, statistics, subprocess, sys, tempfile, threading, time, urllib.request


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("project")
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--json")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="qapress-serve-bench-")
    try:
        for name in ("qapress.yml", "content", "themes"):
            source = os.path.join(args.project, name)
            if os.path.isdir(source):
                shutil.copytree(source, os.path.join(work, name))
            elif os.path.exists(source):
                shutil.copy(source, os.path.join(work, name))
        # A partnership's content lives in git, and the build reads its history: so here too.
        git = ["git", "-C", work, "-c", "user.name=bench", "-c", "user.email=bench@example.org"]
        if shutil.which("git"):
            subprocess.run(git + ["init", "-q"], check=True)
            subprocess.run(git + ["add", "-A"], check=True)
            subprocess.run(git + ["commit", "-q", "-m", "content"], check=True)
        audits = sorted(os.listdir(os.path.join(work, "content", "audits")))
        target = os.path.join(work, "content", "audits", audits[0])
        original = open(target, encoding="utf-8").read()

        server = subprocess.Popen([args.binary, "serve", "--port", "0", "--project", work],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
        lines = []
        arrived = threading.Condition()

        def pump():
            for line in server.stdout:
                with arrived:
                    lines.append(line.rstrip("\n"))
                    arrived.notify_all()

        threading.Thread(target=pump, daemon=True).start()

        def wait_for(pattern, after, timeout=60):
            deadline = time.monotonic() + timeout
            with arrived:
                while True:
                    for index in range(after, len(lines)):
                        match = re.search(pattern, lines[index])
                        if match:
                            return index, match
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise SystemExit(f"serve did not print /{pattern}/ in {timeout} s; it printed:\n" + "\n".join(lines))
                    arrived.wait(left)

        index, match = wait_for(r"previewing on (http://\S+)/", 0)
        base = match.group(1)
        first_build = wait_for(r"first build: built in (\d+) ms", 0)[1].group(1)

        events = []
        def listen():
            with urllib.request.urlopen(base + "/__qapress/events", timeout=600) as stream:
                for raw in stream:
                    if raw.startswith(b"data:"):
                        events.append(time.monotonic())
        threading.Thread(target=listen, daemon=True).start()
        time.sleep(0.5)

        builds, reloads = [], []
        position = len(lines)
        for edit in range(args.edits):
            seen = len(events)
            text = original + f"\n\nA sentence added by the rebuild benchmark, edit {edit + 1}.\n"
            saved = time.monotonic()
            with open(target, "w", encoding="utf-8") as handle:
                handle.write(text)
            position, match = wait_for(r"change: built in (\d+) ms", position)
            position += 1
            builds.append(int(match.group(1)))
            deadline = time.monotonic() + 10
            while len(events) == seen and time.monotonic() < deadline:
                time.sleep(0.005)
            if len(events) > seen:
                reloads.append((events[seen] - saved) * 1000)
            time.sleep(0.3)
        server.terminate()
        server.wait(timeout=10)
        result = {
            "project": os.path.abspath(args.project),
            "edits": args.edits,
            "first_build_ms": int(first_build),
            "rebuild_ms_median": statistics.median(builds),
            "rebuild_ms_all": builds,
            "save_to_reload_ms_median": round(statistics.median(reloads)) if reloads else None,
        }
        print(f"serve: first build {first_build} ms; rebuild after a one-file edit: median {result['rebuild_ms_median']} ms "
              f"(all: {builds}); save to reload event: median {result['save_to_reload_ms_median']} ms")
        if args.json:
            with open(args.json, "w") as handle:
                json.dump(result, handle, indent=2)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
