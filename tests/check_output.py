#!/usr/bin/python3
"""Check annotate's JSON Lines output against the annotate/1 schema and the input text.

Usage: check_output.py SCHEMA OUTPUT.jsonl [INPUT_FILE ...]

For every line of OUTPUT.jsonl (one document per line):
  * the line parses as one JSON object (no duplicate keys, no NaN) and validates against
    SCHEMA (docs/annotate-1.schema.json);
  * for an annotated document: the known top-level keys come in the contract's order,
    every id is unique in the document, every reference to an id resolves (and a note's
    cited_by agrees with the callouts' targets);
  * when the input can be found (source.path relative to the current directory, else an
    INPUT_FILE with the same path or basename; with several candidates, the one whose
    SHA-256 matches; for "-", the INPUT_FILE when exactly one is given):
    source.bytes/chars/sha256/bom/line_endings are right, and every
    object with "span" and "bytes" covers the same range in code points and in bytes, and
    its "text" (or "heading" for heading_span/heading_bytes) is exactly the covered text.

Prints one line per failure (at most 50), then "check_output: N passed, M failed"
(N, M count documents). Exit status: 0 nothing failed, 1 some check failed (or the output
holds no document at all), 2 usage error (bad arguments, unreadable schema or output).
Needs only python3 and python3-jsonschema (>= 4.0, for draft 2020-12).
"""

import copy
import hashlib
import json
import os
import sys

MAX_SHOWN = 50
BOM = b"\xef\xbb\xbf"

TOP_LEVEL_ORDER = [
    "schema", "source", "document", "boilerplate", "sections", "paragraphs", "sentences",
    "callouts", "notes", "inline_refs", "actors", "mentions", "dates", "red_lines",
    "diagnostics",
]
# Arrays whose elements carry an "id".
ID_ARRAYS = ["boilerplate", "sections", "paragraphs", "sentences", "callouts", "notes",
             "inline_refs", "actors", "dates", "red_lines"]
# (array, field, arrays the id may point into, field holds a list of ids)
REFERENCES = [
    ("sections", "parent", ["sections"], False),
    ("paragraphs", "section", ["sections"], False),
    ("sentences", "paragraph", ["paragraphs"], False),
    ("callouts", "target", ["notes", "sections"], False),
    ("callouts", "sentence", ["sentences"], False),
    ("notes", "cited_by", ["callouts"], True),
    ("notes", "ibid_of", ["notes"], False),
    ("notes", "paragraph", ["paragraphs"], False),
    ("actors", "affiliation", ["actors"], False),
    ("mentions", "actor", ["actors"], False),
    ("mentions", "sentence", ["sentences"], False),
    ("dates", "sentence", ["sentences"], False),
    ("red_lines", "sentence", ["sentences"], False),
    ("red_lines", "date", ["dates"], False),
    ("red_lines", "warners", ["actors"], True),
    ("red_lines", "targets", ["actors"], True),
]


class UsageError(Exception):
    pass


class DuplicateKey(ValueError):
    pass


def pointer(*parts):
    """A JSON pointer ("/sections/3/span") for the given path parts."""
    if not parts:
        return "/"
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def show(value, limit=60):
    """A short, readable rendering of a value for a failure message."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def difference(text, covered):
    """Where two strings first differ, with a little context from each."""
    k = 0
    while k < min(len(text), len(covered)) and text[k] == covered[k]:
        k += 1
    lo = max(0, k - 10)
    return "at +%d, %s (%d chars) vs %s (%d chars)" % (
        k, show(text[lo:k + 30], 44), len(text), show(covered[lo:k + 30], 44), len(covered))


def reject_duplicates(pairs):
    obj = {}
    for key, value in pairs:
        if key in obj:
            raise DuplicateKey("duplicate key %s" % show(key))
        obj[key] = value
    return obj


def reject_constant(name):
    raise ValueError("%s is not JSON" % name)


def is_offset_pair(value):
    return (isinstance(value, list) and len(value) == 2
            and all(type(v) is int and v >= 0 for v in value))


def line_endings_of(text):
    """Mirrors the reader: LF preceded by CR counts as CRLF; a lone CR is not a line end."""
    crlf = text.count(b"\r\n")
    lf = text.count(b"\n") - crlf
    if crlf and lf:
        return "mixed"
    if crlf:
        return "crlf"
    return "lf" if lf else "none"


class Source:
    """One input file: its bytes, the text after the BOM, and a code point -> byte index."""

    def __init__(self, path):
        self.path = path
        with open(path, "rb") as f:
            self.file_bytes = f.read()
        self.bom = self.file_bytes.startswith(BOM)
        self.raw = self.file_bytes[len(BOM):] if self.bom else self.file_bytes
        self.sha256 = hashlib.sha256(self.file_bytes).hexdigest()
        self.decode_error = None
        self.text = None
        self._byte_at = None
        try:
            self.text = self.raw.decode("utf-8")
        except UnicodeDecodeError as e:
            self.decode_error = e

    def byte_at(self, code_point):
        if self._byte_at is None:
            offsets = [0] * (len(self.text) + 1)
            total = 0
            for i, ch in enumerate(self.text):
                c = ord(ch)
                total += 1 if c < 0x80 else 2 if c < 0x800 else 3 if c < 0x10000 else 4
                offsets[i + 1] = total
            self._byte_at = offsets
        return self._byte_at[code_point]


class Checker:
    def __init__(self, schema, output_name, inputs):
        self.output_name = output_name
        self.inputs = inputs
        self.sources = {}
        self.shown = 0
        self.failures = 0
        self.passed = 0
        self.failed = 0
        self._make_validators(schema)

    def _make_validators(self, schema):
        try:
            import jsonschema
            from jsonschema import Draft202012Validator
        except ImportError as e:
            raise UsageError("needs python3-jsonschema >= 4.0 (%s)" % e)
        try:
            Draft202012Validator.check_schema(schema)
        except jsonschema.exceptions.SchemaError as e:
            raise UsageError("the schema is not a valid draft 2020-12 schema: %s" % e.message)
        self.validator = Draft202012Validator(schema)
        # The same schema rooted at one branch of its oneOf, for readable messages.
        self.branches = {}
        for name in ("document", "error_document"):
            branch = copy.deepcopy(schema)
            branch.pop("oneOf", None)
            branch["$ref"] = "#/$defs/" + name
            self.branches[name] = Draft202012Validator(branch)

    # -- reporting -------------------------------------------------------------------------

    def fail(self, where, message):
        self.doc_failures += 1
        self.failures += 1
        if self.shown < MAX_SHOWN:
            label = "%s:%d" % (self.output_name, self.lineno)
            if self.doc_path:
                label += " " + self.doc_path
            print("%s %s: %s" % (label, where, message))
            self.shown += 1

    # -- one line --------------------------------------------------------------------------

    def check_line(self, lineno, line, last):
        self.lineno = lineno
        self.doc_path = None
        self.doc_failures = 0
        self.check_line_body(line, last)
        if self.doc_failures:
            self.failed += 1
        else:
            self.passed += 1

    def check_line_body(self, line, last):
        if last:
            self.fail("/", "the last line does not end with \\n")
        if line.endswith(b"\r"):
            self.fail("/", "the line ends with \\r\\n, expected \\n")
        try:
            doc = json.loads(line.decode("utf-8"), object_pairs_hook=reject_duplicates,
                             parse_constant=reject_constant)
        except (UnicodeDecodeError, ValueError) as e:
            self.fail("/", "not a JSON object: %s" % e)
            return
        if not isinstance(doc, dict):
            self.fail("/", "not a JSON object but %s" % type(doc).__name__)
            return
        source = doc.get("source")
        if isinstance(source, dict) and isinstance(source.get("path"), str):
            self.doc_path = source["path"]
        self.check_schema(doc)
        if "error" in doc:
            return
        self.check_key_order(doc)
        ids = self.check_ids(doc)
        self.check_references(doc, ids)
        self.check_citations(doc)
        src = self.find_source(doc)
        if src is not None:
            self.check_against_source(doc, src)
        else:
            print("check_output: note: %s:%d %s: input not found; spans and text not checked"
                  % (self.output_name, self.lineno, self.doc_path), file=sys.stderr)

    def check_schema(self, doc):
        if self.validator.is_valid(doc):
            return
        branch = self.branches["error_document" if "error" in doc else "document"]
        errors = sorted(branch.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
        if not errors:
            errors = list(self.validator.iter_errors(doc))
        for e in errors:
            self.fail(pointer(*e.absolute_path), "schema: " + self.schema_message(e))

    @staticmethod
    def schema_message(error):
        if error.validator in ("anyOf", "oneOf") and error.context:
            seen = []
            for sub in error.context:
                text = sub.message
                if len(text) > 100:
                    text = text[:99] + "…"
                if text not in seen:
                    seen.append(text)
            return "%s matches none of: %s" % (show(error.instance, 40), "; ".join(seen))
        if (error.validator == "not" and isinstance(error.validator_value, dict)
                and list(error.validator_value) == ["required"]):
            return "must not have %s here" % ", ".join(map(show, error.validator_value["required"]))
        text = error.message
        return text if len(text) <= 200 else text[:199] + "…"

    def check_key_order(self, doc):
        present = [k for k in doc if k in TOP_LEVEL_ORDER]
        for before, after in zip(present, present[1:]):
            if TOP_LEVEL_ORDER.index(before) > TOP_LEVEL_ORDER.index(after):
                self.fail("/", "top-level key %s comes before %s; the order is %s"
                          % (show(before), show(after), ", ".join(TOP_LEVEL_ORDER)))
                return

    @staticmethod
    def items(doc, name):
        value = doc.get(name)
        if not isinstance(value, list):
            return []
        return [(i, x) for i, x in enumerate(value) if isinstance(x, dict)]

    def check_ids(self, doc):
        """Returns {array name: set of ids}; reports ids used twice in the document."""
        ids = {}
        first = {}
        for name in ID_ARRAYS:
            ids[name] = set()
            for i, item in self.items(doc, name):
                value = item.get("id")
                if not isinstance(value, str):
                    continue
                where = pointer(name, i, "id")
                if value in first:
                    self.fail(where, "id %s is already used at %s" % (show(value), first[value]))
                else:
                    first[value] = where
                ids[name].add(value)
        return ids

    def check_references(self, doc, ids):
        for name, field, targets, is_list in REFERENCES:
            for i, item in self.items(doc, name):
                if field not in item:
                    continue
                value = item[field]
                values = value if is_list and isinstance(value, list) else [value]
                for k, ref in enumerate(values):
                    if ref is None and not is_list:
                        continue
                    where = pointer(name, i, field, k) if is_list else pointer(name, i, field)
                    if not isinstance(ref, str):
                        continue  # the schema reports the type
                    if not any(ref in ids[t] for t in targets):
                        self.fail(where, "%s resolves to no %s" % (show(ref), " or ".join(
                            t.rstrip("s") for t in targets)))

    def check_citations(self, doc):
        """A note's cited_by lists exactly the callouts whose target is that note."""
        notes = {n.get("id"): (i, n) for i, n in self.items(doc, "notes")}
        callouts = {c.get("id"): (i, c) for i, c in self.items(doc, "callouts")}
        for cid, (i, callout) in callouts.items():
            target = callout.get("target")
            if target in notes:
                j, note = notes[target]
                cited_by = note.get("cited_by")
                if isinstance(cited_by, list) and cid not in cited_by:
                    self.fail(pointer("notes", j, "cited_by"),
                              "misses %s, whose target is %s" % (show(cid), show(target)))
        for nid, (j, note) in notes.items():
            cited_by = note.get("cited_by")
            if not isinstance(cited_by, list):
                continue
            for k, cid in enumerate(cited_by):
                if cid in callouts and callouts[cid][1].get("target") != nid:
                    self.fail(pointer("notes", j, "cited_by", k),
                              "%s targets %s, not this note"
                              % (show(cid), show(callouts[cid][1].get("target"))))

    # -- against the input text ------------------------------------------------------------

    def find_source(self, doc):
        source = doc.get("source")
        if not isinstance(source, dict):
            return None
        path = source.get("path")
        if not isinstance(path, str):
            return None
        if path == "-":  # stdin: checkable when exactly one INPUT_FILE was given
            return self.load(self.inputs[0]) if len(self.inputs) == 1 else None
        candidates = []
        if os.path.isfile(path):
            candidates.append(path)
        for given in self.inputs:
            if os.path.isfile(given) and (given == path or os.path.basename(given)
                                          == os.path.basename(path)):
                candidates.append(given)
        unique = []
        for c in candidates:
            if all(not os.path.samefile(c, u) for u in unique):
                unique.append(c)
        if not unique:
            return None
        loaded = [self.load(c) for c in unique]
        loaded = [s for s in loaded if s is not None]
        if not loaded:
            return None
        for s in loaded:
            if s.sha256 == source.get("sha256"):
                return s
        return loaded[0]

    def load(self, path):
        key = os.path.realpath(path)
        if key not in self.sources:
            try:
                self.sources[key] = Source(path)
            except OSError as e:
                self.fail("/source/path", "cannot read %s: %s" % (path, e))
                self.sources[key] = None
        return self.sources[key]

    def check_against_source(self, doc, src):
        source = doc["source"]
        if src.decode_error is not None:
            self.fail("/source", "%s is not valid UTF-8 (byte %d of the text after the BOM), "
                      "but was annotated" % (src.path, src.decode_error.start))
            return
        if isinstance(source.get("sha256"), str) and source["sha256"] != src.sha256:
            self.fail("/source/sha256", "%s is not the SHA-256 of %s (%s): wrong input or "
                      "wrong hash; spans and text not checked"
                      % (show(source["sha256"], 20), src.path, show(src.sha256, 20)))
            return
        expected = {
            "bytes": len(src.raw),
            "chars": len(src.text),
            "bom": src.bom,
            "line_endings": line_endings_of(src.raw),
        }
        for key, value in expected.items():
            if key in source and source[key] != value:
                self.fail(pointer("source", key), "%s, but %s has %s"
                          % (show(source[key]), src.path, show(value)))
        self.walk(doc, (), src)

    def walk(self, value, path, src):
        if isinstance(value, dict):
            if "span" in value and "bytes" in value:
                self.check_span(value, path, "span", "bytes", "text", src)
            if "heading_span" in value and "heading_bytes" in value:
                self.check_span(value, path, "heading_span", "heading_bytes", "heading", src)
            for key, child in value.items():
                if isinstance(child, (dict, list)):
                    self.walk(child, path + (key,), src)
        elif isinstance(value, list):
            for i, child in enumerate(value):
                if isinstance(child, (dict, list)):
                    self.walk(child, path + (i,), src)

    def check_span(self, obj, path, span_key, bytes_key, text_key, src):
        span, byte_range = obj[span_key], obj[bytes_key]
        if span is None and byte_range is None:
            if obj.get(text_key) is not None and text_key == "heading":
                self.fail(pointer(*path, span_key), "null, but %s is %s"
                          % (text_key, show(obj[text_key])))
            return
        if not is_offset_pair(span) or not is_offset_pair(byte_range):
            self.fail(pointer(*path, span_key), "%s %s / %s %s: not both [start, end] pairs "
                      "of integers" % (span_key, show(span), bytes_key, show(byte_range)))
            return
        start, end = span
        if start > end or end > len(src.text):
            self.fail(pointer(*path, span_key), "%s is not a range within the %d code points "
                      "of the text" % (show(span), len(src.text)))
            return
        expected_bytes = [src.byte_at(start), src.byte_at(end)]
        if byte_range != expected_bytes:
            self.fail(pointer(*path, bytes_key), "%s, but %s %s is bytes %s"
                      % (show(byte_range), span_key, show(span), show(expected_bytes)))
        covered = src.text[start:end]
        if text_key not in obj:
            return
        text = obj[text_key]
        if not isinstance(text, str):
            self.fail(pointer(*path, text_key), "%s, but %s %s covers %s"
                      % (show(text), span_key, show(span), show(covered)))
            return
        if text != covered:
            self.fail(pointer(*path, text_key), "differs from text[%d:%d]: %s"
                      % (start, end, difference(text, covered)))
        b0, b1 = byte_range
        if b0 <= b1 <= len(src.raw) and text.encode("utf-8") != src.raw[b0:b1]:
            self.fail(pointer(*path, text_key), "differs from bytes[%d:%d]: %s"
                      % (b0, b1, difference(text, src.raw[b0:b1].decode("utf-8", "replace"))))


def main(argv):
    if len(argv) < 3 or argv[1] in ("-h", "--help"):
        print("usage: check_output.py SCHEMA OUTPUT.jsonl [INPUT_FILE ...]", file=sys.stderr)
        return 0 if len(argv) > 1 and argv[1] in ("-h", "--help") else 2
    schema_path, output_path, inputs = argv[1], argv[2], argv[3:]
    try:
        try:
            with open(schema_path, "rb") as f:
                schema = json.loads(f.read().decode("utf-8"))
        except (OSError, ValueError) as e:
            raise UsageError("cannot load schema %s: %s" % (schema_path, e))
        for given in inputs:
            if not os.path.isfile(given):
                raise UsageError("input %s is not a file" % given)
        try:
            with open(output_path, "rb") as f:
                data = f.read()
        except OSError as e:
            raise UsageError("cannot read %s: %s" % (output_path, e))
        checker = Checker(schema, output_path, inputs)
    except UsageError as e:
        print("check_output: %s" % e, file=sys.stderr)
        return 2

    lines = data.split(b"\n")
    ends_with_newline = lines[-1] == b""
    if ends_with_newline:
        lines.pop()
    for number, line in enumerate(lines, 1):
        last = not ends_with_newline and number == len(lines)
        checker.check_line(number, line, last)

    empty = not lines
    if empty:
        print("%s: no documents in the output" % output_path)
    if checker.failures > checker.shown:
        print("check_output: %d more failures not shown" % (checker.failures - checker.shown))
    print("check_output: %d passed, %d failed" % (checker.passed, checker.failed))
    return 1 if checker.failed or empty else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
