#!/usr/bin/env python3
"""Opens the rollout report page in headless Chromium and checks it.

Usage: check_page.py CHROMIUM PAGE.html REPORT.json OUT_DIR

Drives Chromium through the DevTools protocol over a pipe
(--remote-debugging-pipe: fd 3 in, fd 4 out), with the standard library
only. The expected numbers come from the library's JSON report of the same
day, never from this script. Checks:

- the page loads with no console error, no exception and no request other
  than the page itself (self-contained), and without a script;
- the chart renders: one band rectangle per target, one mark per measured
  checkpoint, one curve point per day, the projection, a title and a text
  alternative;
- every table renders with its numbers: stage cards, late and due-soon
  tasks, targets, one row per class (its parents, activated and share),
  the school's row, the applications' pipeline step by step;
- print: on A4 (PDF pages of 595 x 842 points) nothing is wider than the
  printable width, headers repeat, rows are not cut;
- saves a screenshot of the whole page, one of its top (for the README)
  and the printed PDF in OUT_DIR.
"""

import base64
import json
import os
import re
import select
import subprocess
import sys
import tempfile
import time

TIMEOUT = 60.0
SCREEN_WIDTH = 1000
# A4 is 210 mm wide; the page's print margins are 12 mm: 186 mm = 703 px.
PRINT_WIDTH = 703
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-pipe",
]


class Browser:
    """One headless Chromium spoken to over the DevTools pipe."""

    def __init__(self, executable, profile, log):
        cmd_r, self.cmd_w = os.pipe()
        self.res_r, res_w = os.pipe()

        def fds():
            # Move both ends out of the way first: a pipe may already sit
            # on fd 3 or 4.
            src = [os.dup(cmd_r), os.dup(res_w)]
            for fd, target in zip(src, (3, 4)):
                os.dup2(fd, target)
                os.set_inheritable(target, True)

        self.proc = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            preexec_fn=fds,
            close_fds=False,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        os.close(cmd_r)
        os.close(res_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def _read(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.res_r], [], [], left)[0]:
                raise TimeoutError("chromium did not answer in time")
            chunk = os.read(self.res_r, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, browser_level=False):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if self.session and not browser_level:
            message["sessionId"] = self.session
        os.write(self.cmd_w, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method):
        deadline = time.monotonic() + TIMEOUT
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") == method:
                    return self.events.pop(i)
            self.events.append(self._read(deadline))

    def evaluate(self, expression):
        result = self.send(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True}
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def close(self):
        try:
            self.send("Browser.close", browser_level=True)
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class Checks:
    """Named checks; a failed one is reported and counted, the run goes on."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"ok - {name}")
        else:
            self.failed += 1
            print(f"FAILED - {name}: {detail}")

    def equal(self, name, got, expected):
        self.check(name, got == expected, f"got {got!r}, expected {expected!r}")


def ru(share):
    """The page's way of writing a share: 47.06 -> 47,06%."""
    return "—" if share is None else share.replace(".", ",") + "%"


# Facts read from the rendered page, as one value.
FACTS_JS = r"""
(() => {
  const text = (e) => e ? e.textContent.trim() : null;
  const shown = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const svg = document.querySelector('svg.chart');
  const rows = (sel) => [...document.querySelectorAll(sel)].map(tr =>
      [...tr.children].map(c => c.textContent.trim()));
  return {
    scripts: document.scripts.length,
    h1: document.querySelectorAll('h1').length,
    h2: [...document.querySelectorAll('h2')].map(text),
    lang: document.documentElement.lang,
    svg: svg ? {
      role: svg.getAttribute('role'),
      title: text(svg.querySelector('title')),
      desc: text(svg.querySelector('desc')),
      width: svg.getBoundingClientRect().width,
      bands: [...svg.querySelectorAll('rect.band')].map(r => ({
        date: r.dataset.band, shown: shown(r), w: r.getBBox().width, h: r.getBBox().height})),
      marks: [...svg.querySelectorAll('circle.mark')].map(c => ({
        date: c.dataset.checkpoint, shown: shown(c)})),
      curvePoints: [...svg.querySelectorAll('polyline.curve')]
        .reduce((n, p) => n + p.points.numberOfItems, 0),
      curveShown: [...svg.querySelectorAll('polyline.curve')].every(shown),
      projection: text(svg.querySelector('.projection-label')),
      projectionShown: !!svg.querySelector('.projection-line') && shown(svg.querySelector('.projection-line')),
    } : null,
    cards: [...document.querySelectorAll('article.card')].map(a => ({
      heading: a.dataset.stage, shown: shown(a),
      counts: Object.fromEntries([...a.querySelectorAll('dd')].map(d => [d.dataset.count, d.textContent.trim()]))})),
    tables: [...document.querySelectorAll('table')].map(t => ({
      id: t.id, caption: text(t.querySelector('caption')), shown: shown(t),
      headers: t.querySelectorAll('thead th[scope=col]').length,
      rows: t.querySelectorAll('tbody tr').length})),
    overdue: rows('#overdue tbody tr'), overdueNone: !!document.querySelector('p#overdue'),
    dueSoon: rows('#due-soon tbody tr'), dueSoonNone: !!document.querySelector('p#due-soon'),
    targets: rows('#targets tbody tr'),
    classes: rows('#class-table tbody tr'),
    classesNone: !!document.querySelector('p#class-table'),
    school: rows('#class-table tfoot tr'),
    steps: [...document.querySelectorAll('[data-step]')].map(s => ({
      step: s.dataset.step, data: s.dataset.count, shown: shown(s),
      text: text(s.querySelector('.count'))})),
  };
})()
"""

PRINT_JS = r"""
(() => {
  const limit = %d;
  const wide = [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > limit + 1)
    .map(e => e.tagName + (e.id ? '#' + e.id : '') + ' ' + Math.round(e.getBoundingClientRect().right));
  const style = (sel, prop) => { const e = document.querySelector(sel); return e ? getComputedStyle(e)[prop] : null; };
  return {
    scrollWidth: document.documentElement.scrollWidth,
    wide: wide.slice(0, 5),
    thead: style('thead', 'display'),
    rowBreak: style('tbody tr', 'breakInside'),
    tableBreak: style('#targets', 'breakInside'),
    cardBreak: style('article.card', 'breakInside'),
  };
})()
""" % PRINT_WIDTH


def check_screen(c, facts, report):
    c.equal("no script on the page", facts["scripts"], 0)
    c.equal("lang is ru", facts["lang"], "ru")
    c.equal("one h1", facts["h1"], 1)
    c.check("a heading per section", len(facts["h2"]) >= 5, facts["h2"])
    svg = facts["svg"]
    c.check("the chart renders", svg is not None and svg["width"] > 300, svg)
    if svg is None:
        return
    c.equal("the chart is an image", svg["role"], "img")
    c.check("the chart has a title and a text alternative",
            bool(svg["title"]) and len(svg["desc"] or "") > 80, svg["desc"])
    targets = report["targets"]
    c.equal("band rectangles = targets",
            [b["date"] for b in svg["bands"]], [t["checkpoint"]["date"] for t in targets])
    c.check("every band is drawn", all(b["shown"] and b["w"] > 0 and b["h"] > 0
                                       for b in svg["bands"]), svg["bands"])
    measured = [t["checkpoint"]["date"] for t in targets
                if t["outcome"] and t["outcome"]["share"] is not None]
    c.equal("marks = measured checkpoints", [m["date"] for m in svg["marks"]], measured)
    c.check("every mark is drawn", all(m["shown"] for m in svg["marks"]), svg["marks"])
    days = sum(1 for p in report["curve"] if p["share"] is not None)
    c.equal("curve points = days of the curve", svg["curvePoints"], days)
    c.check("the curve is drawn", svg["curveShown"])
    if report["projection"]:
        p = report["projection"]
        c.check("the projection is drawn and labelled",
                svg["projectionShown"] and ru(p["projected_share"]) in (svg["projection"] or ""),
                svg["projection"])
    for t in targets:
        band = f'{t["checkpoint"]["band"]["min"]}'
        c.check(f"text alternative names the target {t['checkpoint']['date']}",
                band in svg["desc"], svg["desc"])


def check_tables(c, facts, report):
    stages = report["stages"]
    c.equal("stage cards = stages", [x["heading"] for x in facts["cards"]],
            [s["heading"] for s in stages])
    for card, s in zip(facts["cards"], stages):
        keys = ["done", "in_progress", "due_soon", "overdue", "not_started", "total"]
        c.equal(f"card {s['heading'][:12]}… counts", card["counts"],
                {k: str(s[k]) for k in keys})
    for t in facts["tables"]:
        c.check(f"table {t['id']} renders with a caption and column headers",
                t["shown"] and bool(t["caption"]) and t["headers"] > 0 and t["rows"] > 0, t)
    for key, rows, none in [("overdue", facts["overdue"], facts["overdueNone"]),
                            ("due_soon", facts["dueSoon"], facts["dueSoonNone"])]:
        tasks = report[key]
        c.equal(f"{key} task rows", len(rows), len(tasks))
        c.equal(f"{key}: 'none' said when there is none", none, not tasks)
        for row, t in zip(rows, tasks):
            deadline = t["deadline"]
            by = deadline.get("by") if isinstance(deadline, dict) else None
            c.check(f"{key} task {t['id']}: deadline and role",
                    (by is None or ".".join(reversed(by.split("-"))) in row[2])
                    and row[3] != "", row)
    c.equal("target rows = targets", len(facts["targets"]), len(report["targets"]))
    classes = {k["name"]: k for k in report["classes"]}
    c.equal("class rows = classes", sorted(r[0] for r in facts["classes"]), sorted(classes))
    wrong = [r for r in facts["classes"] if r[0] in classes and
             (r[1], r[2], r[3]) != (str(classes[r[0]]["count"]["eligible"]),
                                    str(classes[r[0]]["count"]["activated"]),
                                    ru(classes[r[0]]["share"]))]
    c.equal("class rows carry the report's numbers", wrong, [])
    lagging = [r[0] for r in facts["classes"]
               if classes.get(r[0], {}).get("current_status") == "below"]
    c.equal("classes below the current target come first",
            [r[0] for r in facts["classes"][:len(lagging)]], lagging)
    a = report["activation"]
    if report["classes"]:
        school = facts["school"][0] if facts["school"] else []
        c.equal("school row", school[1:4], [str(a["count"]["eligible"]),
                                             str(a["count"]["activated"]), ru(a["share"])])
    else:
        c.check("no class: said in words, no empty table", facts["classesNone"])
    apps = report["applications"]
    expected = ["submitted", "registered", "approved", "credentials_issued", "activated",
                "rejected", "revoked"]
    c.equal("pipeline steps", [s["step"] for s in facts["steps"]], expected)
    for s in facts["steps"]:
        n = str(apps.get(s["step"]))
        c.check(f"pipeline step {s['step']} = {n}",
                s["shown"] and s["data"] == n and s["text"] == n, s)


def pdf_pages(pdf):
    sizes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    return [(float(w), float(h)) for w, h in sizes]


def check_print(c, b, out_dir, stem):
    b.send("Emulation.setEmulatedMedia", {"media": "print"})
    b.send("Emulation.setDeviceMetricsOverride", {
        "width": PRINT_WIDTH, "height": 1000, "deviceScaleFactor": 1, "mobile": False})
    facts = b.evaluate(PRINT_JS)
    c.check("print: nothing wider than A4's printable width",
            facts["scrollWidth"] <= PRINT_WIDTH and not facts["wide"], facts)
    c.equal("print: table headers repeat on each page", facts["thead"], "table-header-group")
    c.equal("print: rows are not cut", facts["rowBreak"], "avoid")
    c.equal("print: small tables and cards stay whole",
            (facts["tableBreak"], facts["cardBreak"]), ("avoid", "avoid"))
    pdf = base64.b64decode(b.send("Page.printToPDF", {
        "preferCSSPageSize": True, "printBackground": True})["data"])
    with open(os.path.join(out_dir, stem + ".pdf"), "wb") as f:
        f.write(pdf)
    pages = pdf_pages(pdf)
    c.check("print: every PDF page is A4 (595 x 842 pt)",
            pages and all(abs(w - 595.3) < 2 and abs(h - 841.9) < 2 for w, h in pages),
            pages[:3])
    c.check("print: the report takes a few pages", 1 <= len(pages) <= 6, len(pages))
    b.send("Emulation.setEmulatedMedia", {"media": ""})


def screenshots(c, b, out_dir, stem):
    b.send("Emulation.setDeviceMetricsOverride", {
        "width": SCREEN_WIDTH, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    height = b.evaluate("document.documentElement.scrollHeight")
    shots = [(stem + ".png", height, 1)]
    top = b.evaluate("Math.ceil(document.querySelector('#targets').getBoundingClientRect().bottom"
                     " + window.scrollY + 12)")
    shots.append((stem + "-top.png", top, 0.7))
    for name, h, scale in shots:
        data = b.send("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": SCREEN_WIDTH, "height": h, "scale": scale}})["data"]
        path = os.path.join(out_dir, name)
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
        size = os.path.getsize(path)
        c.check(f"screenshot {path} ({size} bytes)", size > 10_000, size)


def main():
    if len(sys.argv) != 5:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    executable, page, report_path, out_dir = sys.argv[1:]
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    os.makedirs(out_dir, exist_ok=True)
    stem = "rollout-" + report["date"]
    url = "file://" + os.path.abspath(page)
    c = Checks()
    with tempfile.TemporaryDirectory(prefix="zhurnal-chromium-") as profile:
        log = open(os.path.join(out_dir, "chromium.log"), "wb")
        b = Browser(executable, profile, log)
        try:
            target = b.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            b.session = b.send("Target.attachToTarget",
                               {"targetId": target, "flatten": True})["sessionId"]
            for domain in ["Page", "Runtime", "Log", "Network"]:
                b.send(domain + ".enable")
            b.send("Emulation.setDeviceMetricsOverride", {
                "width": SCREEN_WIDTH, "height": 900, "deviceScaleFactor": 1, "mobile": False})
            b.send("Page.navigate", {"url": url})
            b.wait_for("Page.loadEventFired")
            facts = b.evaluate(FACTS_JS)
            check_screen(c, facts, report)
            check_tables(c, facts, report)
            check_print(c, b, out_dir, stem)
            screenshots(c, b, out_dir, stem)
            b.evaluate("0")  # let late events arrive before they are read
            errors = [e for e in b.events if
                      (e.get("method") == "Runtime.consoleAPICalled"
                       and e["params"]["type"] in ("error", "assert"))
                      or e.get("method") == "Runtime.exceptionThrown"
                      or (e.get("method") == "Log.entryAdded"
                          and e["params"]["entry"]["level"] == "error")
                      or e.get("method") == "Network.loadingFailed"]
            c.equal("no console error", errors, [])
            requests = sorted({e["params"]["request"]["url"] for e in b.events
                               if e.get("method") == "Network.requestWillBeSent"})
            c.equal("self-contained: the page is the only request", requests, [url])
        finally:
            b.close()
            log.close()
    print(f"browser: {c.passed} passed, {c.failed} failed")
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
