#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Build the actor lexicon in data/actors/ from Debian's iso-codes and the hand tables.

    python3 tools/build_lexicon.py            # regenerate entities.tsv, forms.tsv, roles.tsv
    python3 tools/build_lexicon.py --check    # exit 1 if the committed files are out of date

Inputs (format: docs/lexicon.md):
  /usr/share/iso-codes/json/iso_3166-1.json, iso_3166-3.json   (package iso-codes)
  data/actors/hand/states.tsv      states: id, name override, status, capitals, adjectives, demonyms
  data/actors/hand/entities.tsv    organisations, groups and places
  data/actors/hand/people.tsv      people: id, name, affiliation, surnames, other names
  data/actors/hand/roles.tsv       offices held, with dates
  data/actors/hand/forms.tsv       every other way of writing an actor
  data/actors/hand/exclude.tsv     iso-codes names that must not become forms
  data/actors/hand/ambiguous.tsv   surfaces allowed to name more than one actor

The output is deterministic: rows are sorted, files are UTF-8 with LF line ends. The script
uses the Python standard library only. It stops with exit status 1 and a message naming the
file and line on any inconsistency (unknown id, bad date, a surface naming two actors that
ambiguous.tsv does not list, ...).
"""

import argparse
import datetime
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_ISO_DIR = "/usr/share/iso-codes/json"
DEFAULT_OUT_DIR = os.path.join(ROOT, "data", "actors")

ENTITY_TYPES = ("state", "organization", "person", "group", "place")
FORMS = ("name", "alias", "abbreviation", "capital", "adjective", "demonym", "prefix", "surname")
FORM_RANK = {form: rank for rank, form in enumerate(FORMS)}  # lower rank wins a tie
CASES = ("cs", "ci")
ROLES = ("head_of_state", "head_of_government", "foreign_minister", "secretary_general")
STATUSES = ("member", "observer", "other", "former")

HEADERS = {
    "entities.tsv": ("id", "type", "name", "affiliation"),
    "forms.tsv": ("surface", "id", "form", "case"),
    "roles.tsv": ("person_id", "state_id", "role", "from", "to"),
}

ID_RE = re.compile(r"^(?:[A-Z]{3}|[a-z0-9]+(?:-[a-z0-9]+)*)$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Letters that Unicode decomposition does not reduce to ASCII.
FOLD_EXTRA = str.maketrans({
    "ı": "i", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ʻ": "'",
})


class LexiconError(Exception):
    pass


def fail(where, message):
    raise LexiconError(f"{where}: {message}")


def read_table(path, ncols):
    """Rows of a tab-separated hand table: (line number, fields). Blank lines and lines
    starting with '#' are skipped; missing trailing fields are empty."""
    rows = []
    rel = os.path.relpath(path, ROOT)
    if rel.startswith(".."):
        rel = path
    with open(path, encoding="utf-8", newline="") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.endswith("\r"):
                fail(f"{rel}:{number}", "CR line end; use LF")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) > ncols:
                fail(f"{rel}:{number}", f"expected at most {ncols} tab-separated fields, found {len(fields)}")
            fields += [""] * (ncols - len(fields))
            for field in fields:
                if field != field.strip():
                    fail(f"{rel}:{number}", f"field {field!r} has leading or trailing white space")
            rows.append((f"{rel}:{number}", fields))
    return rows


def split_list(value):
    return [item for item in value.split("|") if item] if value else []


def ascii_fold(text):
    decomposed = unicodedata.normalize("NFKD", text.translate(FOLD_EXTRA))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def load_iso(iso_dir):
    with open(os.path.join(iso_dir, "iso_3166-1.json"), encoding="utf-8") as f:
        current = {e["alpha_3"]: e for e in json.load(f)["3166-1"]}
    with open(os.path.join(iso_dir, "iso_3166-3.json"), encoding="utf-8") as f:
        former = {e["alpha_3"]: e for e in json.load(f)["3166-3"]}
    return current, former


def usable_iso_name(name):
    """An iso-codes name as a writer would use it, or None ("Korea, Republic of" is not)."""
    if not name or "," in name or "(" in name:
        return None
    if name.startswith("the "):
        name = name[4:]
    return name


class Builder:
    def __init__(self, iso_dir, hand_dir):
        self.iso_dir = iso_dir
        self.hand = hand_dir
        self.entities = {}        # id -> (type, name, affiliation)
        self.forms = []           # (surface, id, form, case, where)
        self.roles = []
        self.notes = []           # what the build dropped, printed to stderr

    def path(self, name):
        return os.path.join(self.hand, name)

    def add_entity(self, where, eid, etype, name, affiliation):
        if not ID_RE.match(eid):
            fail(where, f"bad id {eid!r}")
        if etype not in ENTITY_TYPES:
            fail(where, f"unknown type {etype!r}")
        if not name:
            fail(where, f"entity {eid} has no name")
        if eid in self.entities:
            fail(where, f"duplicate id {eid}")
        self.entities[eid] = (etype, name, affiliation)

    def add_form(self, where, surface, eid, form, case="cs"):
        self.forms.append((surface, eid, form, case, where))

    # ------------------------------------------------------------------ states
    def load_states(self):
        current, former = load_iso(self.iso_dir)
        excluded = {}
        for where, (surface, eid, _why) in read_table(self.path("exclude.tsv"), 3):
            excluded[(surface, eid)] = where
        self.excluded = excluded
        for where, (sid, name, status, capitals, adjectives, demonyms) in read_table(
                self.path("states.tsv"), 6):
            if status not in STATUSES:
                fail(where, f"unknown status {status!r}")
            iso = (former if status == "former" else current).get(sid)
            if iso is None and sid != "XKX":
                fail(where, f"{sid} is not in iso-codes ({'3166-3' if status == 'former' else '3166-1'})")
            iso_names = []
            if iso is not None and status != "former":
                for key in ("common_name", "name", "official_name"):
                    clean = usable_iso_name(iso.get(key, ""))
                    if clean:
                        iso_names.append(clean)
            canonical = name or (iso_names[0] if iso_names else "")
            if not canonical:
                fail(where, f"{sid}: iso-codes has no usable short name; give one in the name column")
            self.add_entity(where, sid, "state", canonical, "")
            self.add_form(where, canonical, sid, "name")
            for iso_name in iso_names:
                self.add_form(where + " (iso-codes)", iso_name, sid, "name")
            for capital in split_list(capitals):
                self.add_form(where, capital, sid, "capital")
            adjective_list = split_list(adjectives)
            for adjective in adjective_list:
                self.add_form(where, adjective, sid, "adjective")
            for demonym in split_list(demonyms):
                if demonym not in adjective_list:
                    self.add_form(where, demonym, sid, "demonym")

    # ------------------------------------------------------------------ other entities
    def load_entities(self):
        for where, (eid, etype, name, affiliation) in read_table(self.path("entities.tsv"), 4):
            if etype in ("state", "person"):
                fail(where, f"{etype} entities belong in states.tsv or people.tsv")
            self.add_entity(where, eid, etype, name, affiliation)
            # An acronym used as the name ("NATO", "ASEAN", "G20") is still an abbreviation.
            acronym = re.fullmatch(r"[A-Z][A-Z0-9&-]+", name) is not None
            self.add_form(where, name, eid, "abbreviation" if acronym else "name")

    # ------------------------------------------------------------------ people
    def load_people(self):
        surname_claims = {}
        for where, (pid, name, affiliation, surnames, other_names) in read_table(
                self.path("people.tsv"), 5):
            self.add_entity(where, pid, "person", name, affiliation)
            self.add_form(where, name, pid, "name")
            tokens = name.split(" ")
            if affiliation == "JPN" and len(tokens) == 2:
                self.add_form(where, f"{tokens[1]} {tokens[0]}", pid, "name")
            if affiliation in ("KOR", "PRK") and "-" in name:
                # "Kim Jong-un" -> "Kim Jong Un": the given name's syllables as separate words.
                spaced = " ".join(
                    t if i == 0 else " ".join(p[:1].upper() + p[1:] for p in t.split("-"))
                    for i, t in enumerate(tokens))
                self.add_form(where, spaced, pid, "name")
            for other in split_list(other_names):
                form = "abbreviation" if re.fullmatch(r"[A-Z]{2,5}", other) else "alias"
                self.add_form(where, other, pid, form)
            for surname in split_list(surnames):
                surname_claims.setdefault(surname, []).append((pid, where))
        for surname, claims in sorted(surname_claims.items()):
            ids = sorted({pid for pid, _ in claims})
            if len(ids) > 1:
                self.notes.append(f"surname {surname!r} dropped: claimed by {', '.join(ids)}")
                continue
            self.add_form(claims[0][1], surname, ids[0], "surname")

    # ------------------------------------------------------------------ hand forms
    def load_forms(self):
        for where, (surface, eid, form, case) in read_table(self.path("forms.tsv"), 4):
            self.add_form(where, surface, eid, form, case or "cs")

    # ------------------------------------------------------------------ roles
    def load_roles(self):
        for where, (pid, sid, role, start, end) in read_table(self.path("roles.tsv"), 5):
            person = self.entities.get(pid)
            if person is None or person[0] != "person":
                fail(where, f"{pid!r} is not a person in people.tsv")
            if role not in ROLES:
                fail(where, f"unknown role {role!r}")
            holder = self.entities.get(sid)
            want = "organization" if role == "secretary_general" else "state"
            if holder is None or holder[0] != want:
                fail(where, f"{sid!r} is not a known {want}")
            dates = []
            for value in (start, end):
                if value == "":
                    dates.append(None)
                    continue
                if not DATE_RE.match(value):
                    fail(where, f"bad date {value!r}; use YYYY-MM-DD")
                try:
                    dates.append(datetime.date.fromisoformat(value))
                except ValueError:
                    fail(where, f"no such date {value!r}")
            if dates[0] is None:
                fail(where, "the from date is required")
            if dates[1] is not None and dates[1] < dates[0]:
                fail(where, f"to {end} is before from {start}")
            self.roles.append((pid, sid, role, start, end, where))
        # One holder of an office at a time: a term may end on the day the next begins.
        by_office = {}
        for row in self.roles:
            by_office.setdefault((row[1], row[2]), []).append(row)
        for office, rows in by_office.items():
            rows.sort(key=lambda r: r[3])
            for prev, cur in zip(rows, rows[1:]):
                if prev[4] == "" or cur[3] < prev[4]:
                    fail(cur[5], f"{cur[0]} overlaps {prev[0]} ({prev[5]}) as {office[1]} of {office[0]}")

    # ------------------------------------------------------------------ forms: variants, checks
    def finish_forms(self):
        variants = []
        for surface, eid, form, case, where in self.forms:
            variants.append((surface, eid, form, case, where))
            folded = ascii_fold(surface)
            if folded != surface:
                variants.append((folded, eid, form, case, where + " (ASCII spelling)"))
        with_quotes = []
        for surface, eid, form, case, where in variants:
            with_quotes.append((surface, eid, form, case, where))
            if "'" in surface:
                with_quotes.append((surface.replace("'", "\u2019"), eid, form, case,
                                    where + " (curly apostrophe)"))
        best = {}
        for surface, eid, form, case, where in with_quotes:
            if (surface, eid) in self.excluded:
                continue
            if eid not in self.entities:
                fail(where, f"unknown id {eid!r} for {surface!r}")
            if form not in FORMS:
                fail(where, f"unknown form {form!r}")
            if case not in CASES:
                fail(where, f"unknown case {case!r}")
            if not surface or surface != surface.strip() or any(c in surface for c in "\t\r\n"):
                fail(where, f"bad surface {surface!r}")
            key = (surface, eid)
            if key not in best or FORM_RANK[form] < FORM_RANK[best[key][0]]:
                best[key] = (form, case, where)
        ambiguous = {}
        for where, (surface, ids, _why) in read_table(self.path("ambiguous.tsv"), 3):
            ambiguous[surface] = (sorted(ids.split(" ")), where)
        by_surface = {}
        for (surface, eid), (form, case, where) in best.items():
            by_surface.setdefault(surface, []).append((eid, where))
        for surface, owners in by_surface.items():
            ids = sorted(eid for eid, _ in owners)
            if len(ids) > 1 and (surface not in ambiguous or ambiguous[surface][0] != ids):
                places = "; ".join(where for _, where in owners)
                fail(places, f"surface {surface!r} names {', '.join(ids)}; list it in hand/ambiguous.tsv or remove one")
        for surface, (ids, where) in ambiguous.items():
            if sorted(eid for eid, _ in by_surface.get(surface, [])) != ids:
                fail(where, f"ambiguous.tsv lists {surface!r} for {' '.join(ids)}, but forms give otherwise")
        # A case-insensitive row must not swallow another actor's surface.
        folded = {}
        for surface, owners in by_surface.items():
            folded.setdefault(surface.casefold(), set()).update(eid for eid, _ in owners)
        for (surface, eid), (form, case, where) in best.items():
            if case == "ci" and folded[surface.casefold()] != {eid}:
                fail(where, f"case-insensitive {surface!r} also matches surfaces of "
                            f"{', '.join(sorted(folded[surface.casefold()] - {eid}))}")
        self.form_rows = sorted((surface, eid, form, case)
                                for (surface, eid), (form, case, _w) in best.items())

    def check_entities(self):
        for eid, (etype, name, affiliation) in self.entities.items():
            if affiliation:
                target = self.entities.get(affiliation)
                if target is None or target[0] != "state":
                    fail(f"entity {eid}", f"affiliation {affiliation!r} is not a state id")
                if etype in ("group", "place", "state"):
                    fail(f"entity {eid}", f"a {etype} has no affiliation")

    def build(self):
        self.load_states()
        self.load_entities()
        self.load_people()
        self.load_forms()
        self.check_entities()
        self.load_roles()
        self.finish_forms()
        entity_rows = sorted((eid, t, n, a) for eid, (t, n, a) in self.entities.items())
        role_rows = sorted(((p, s, r, f, t) for p, s, r, f, t, _w in self.roles),
                           key=lambda r: (r[1], r[2], r[3], r[0]))
        return {
            "entities.tsv": entity_rows,
            "forms.tsv": self.form_rows,
            "roles.tsv": role_rows,
        }


def render(name, rows):
    lines = ["#" + "\t".join(HEADERS[name])]
    lines += ["\t".join(row) for row in rows]
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iso-dir", default=DEFAULT_ISO_DIR,
                        help="folder with iso_3166-1.json and iso_3166-3.json (default: %(default)s)")
    parser.add_argument("--out-dir", default=DEFAULT_OUT_DIR,
                        help="where to write the three files (default: data/actors)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if a generated file differs from the committed one")
    parser.add_argument("--verbose", action="store_true", help="print what the build dropped")
    args = parser.parse_args(argv)

    builder = Builder(args.iso_dir, os.path.join(args.out_dir, "hand"))
    try:
        outputs = builder.build()
    except (LexiconError, OSError, json.JSONDecodeError) as error:
        print(f"build_lexicon: error: {error}", file=sys.stderr)
        return 1
    if args.verbose:
        for note in builder.notes:
            print(f"build_lexicon: {note}", file=sys.stderr)

    stale = []
    for name, rows in outputs.items():
        text = render(name, rows)
        target = os.path.join(args.out_dir, name)
        if args.check:
            try:
                with open(target, encoding="utf-8", newline="") as f:
                    if f.read() != text:
                        stale.append(name)
            except FileNotFoundError:
                stale.append(name)
            continue
        with open(target, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    if stale:
        print(f"build_lexicon: out of date: {', '.join(stale)}; run python3 tools/build_lexicon.py",
              file=sys.stderr)
        return 1
    if not args.check:
        counts = ", ".join(f"{name} {len(rows)} rows" for name, rows in outputs.items())
        print(f"build_lexicon: wrote {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
