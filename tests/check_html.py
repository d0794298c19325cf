#!/usr/bin/env python3
"""Checks the reading view as Chromium renders it.

check_html.py DOM.html OUTPUT.jsonl: DOM.html is what `chromium --headless --dump-dom`
printed for `annotate --format html INPUTS`, OUTPUT.jsonl is `annotate INPUTS` (JSON). For
each document, in order: one highlighted element (data-actor) per mention, with the same
actor ids in the same order; one element (data-date) per date; one shaded sentence
(data-red-line) per claim; and every callout link (a.callout) and back link resolves to an
element id on the page. Prints `check_html: N passed, M failed`; exits 0 only when all pass.
"""
import html.parser
import json
import sys


class Dom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.docs = []       # per <section class="layout" id=...doc>: dict of lists
        self.ids = set()
        self.links = []      # hrefs of a.callout and a.back

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        classes = (a.get("class") or "").split()
        if tag == "section" and "layout" in classes and a.get("id", "").endswith("-doc"):
            self.docs.append({"actors": [], "dates": [], "red_lines": []})
        if not self.docs:
            return
        doc = self.docs[-1]
        if "data-actor" in a:
            doc["actors"].append(a["data-actor"])
        if "data-date" in a:
            doc["dates"].append(a["data-date"])
        if "data-red-line" in a:
            doc["red_lines"].append(a["data-red-line"])
        if tag == "a" and ("callout" in classes or "back" in classes):
            self.links.append(a.get("href", ""))


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    dom = Dom()
    with open(sys.argv[1], encoding="utf-8") as f:
        dom.feed(f.read())
    with open(sys.argv[2], encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    docs = [d for d in docs if "error" not in d]
    failures = []
    if len(dom.docs) != len(docs):
        failures.append(f"{len(dom.docs)} documents on the page, {len(docs)} in the JSON")
    for i, (page, doc) in enumerate(zip(dom.docs, docs)):
        name = doc["source"]["path"]
        want_actors = [m["actor"] for m in doc["mentions"]]
        if page["actors"] != want_actors:
            failures.append(f"{name}: {len(page['actors'])} actor highlights, {len(want_actors)} mentions")
        if len(page["dates"]) != len(doc["dates"]):
            failures.append(f"{name}: {len(page['dates'])} date elements, {len(doc['dates'])} dates")
        want_claims = [c["id"] for c in doc["red_lines"]]
        if page["red_lines"] != want_claims:
            failures.append(f"{name}: {len(page['red_lines'])} shaded claims, {len(want_claims)} red_lines")
        if not want_actors:
            failures.append(f"{name}: no mentions at all; the check would prove nothing")
    dangling = [h for h in dom.links if not h.startswith("#") or h[1:] not in dom.ids]
    if dangling:
        failures.append(f"{len(dangling)} callout or back links do not resolve: {dangling[:5]}")
    if not dom.links:
        failures.append("no callout links on the page")
    for failure in failures[:50]:
        print("check_html:", failure)
    failed = 1 if failures else 0
    print(f"check_html: {len(docs) - failed if not failures else 0} passed, {len(docs) if failures else 0} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
