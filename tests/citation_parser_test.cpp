// SPDX-License-Identifier: MIT
// The endnote parser against tests/data/citations/notes-cases.tsv (one note and its expected
// reference a line), the notes-heading sample, and the shared corpus's ten notes.
#include "annotate/citation_parser.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "annotate/pipeline.hpp"
#include "annotate/reader.hpp"
#include "test_support.hpp"

using namespace annotate;
using annotate::testing::annotated;
using annotate::testing::read_file;
using annotate::testing::read_tsv_cases;
using annotate::testing::TsvCase;
using annotate::testing::source_path;
using nlohmann::json;

namespace {

// The reference as the JSON output writes it, without the rules.
json to_json(std::string_view text, const std::optional<Reference>& reference) {
  if (!reference) return nullptr;
  json out = json::object();
  if (!reference->authors.empty()) {
    json authors = json::array();
    for (const Name& name : reference->authors) {
      json item = json::object();
      if (name.literal) item["literal"] = name.literal->of(text);
      if (name.family) item["family"] = name.family->of(text);
      if (name.given) item["given"] = name.given->of(text);
      authors.push_back(item);
    }
    out["author"] = authors;
  }
  const std::pair<const char*, const std::optional<Span>*> fields[] = {
      {"title", &reference->title},         {"container-title", &reference->container_title},
      {"volume", &reference->volume},       {"issue", &reference->issue},
      {"page", &reference->page},           {"publisher", &reference->publisher},
      {"publisher-place", &reference->publisher_place}, {"URL", &reference->url},
      {"DOI", &reference->doi},             {"note", &reference->note}};
  for (const auto& [name, field] : fields) {
    if (*field) out[name] = (*field)->of(text);
  }
  if (!reference->issued.empty()) out["issued"] = reference->issued;
  return out;
}


json note_json(const Document& doc, const Note& note) {
  json out = {{"n", note.n}, {"kind", to_string(note.kind)}, {"reference", to_json(doc.text, note.reference)},
              {"scripts", note.scripts}};
  json markers = json::array();
  for (std::size_t c : note.cited_by) markers.push_back(doc.callouts[c].marker);
  out["cited_by_markers"] = markers;
  out["ibid_of"] = note.ibid_of ? json(doc.notes[*note.ibid_of].n) : json(nullptr);
  return out;
}

}  // namespace

TEST_CASE("citation_parser: every note case of the test set", "[citation_parser]") {
  std::size_t cases = 0;
  for (const TsvCase& test : read_tsv_cases("tests/data/citations/notes-cases.tsv")) {
    const std::string& note_text = test.input;
    const json expected = json::parse(test.expected);
    // Run the whole pipeline on a one-note document so that kinds come out as in real use.
    const Document doc = annotated("A sentence cites it.1\n\n1. " + note_text + "\n");
    REQUIRE(doc.notes.size() == 1);
    const Note& note = doc.notes[0];
    INFO(note_text);
    CHECK(to_string(note.kind) == expected["kind"].get<std::string>());
    CHECK(to_json(doc.text, note.reference).dump() == expected["reference"].dump());
    CHECK(json(note.scripts) == expected["scripts"]);
    if (expected.contains("references")) {
      json all = json::array();
      for (const Reference& reference : note.references) all.push_back(to_json(doc.text, reference));
      CHECK(all.dump() == expected["references"].dump());
    }
    ++cases;
  }
  CHECK(cases >= 40);
}

TEST_CASE("citation_parser: a sample with a Notes heading", "[citation_parser]") {
  const Document doc = annotated(read_file(source_path("tests/data/citations/notes-heading.txt")));
  const json expected = json::parse(read_file(source_path("tests/data/citations/notes-heading.expect.json")));
  REQUIRE(doc.notes.size() == expected["notes"].size());
  for (std::size_t i = 0; i < doc.notes.size(); ++i) {
    INFO("note " << doc.notes[i].n);
    json want = expected["notes"][i];
    CHECK(note_json(doc, doc.notes[i]).dump(1) == want.dump(1));
  }
  REQUIRE(doc.inline_refs.size() == expected["inline_refs"].size());
  for (std::size_t i = 0; i < doc.inline_refs.size(); ++i) {
    CHECK(doc.view(doc.inline_refs[i].span) == expected["inline_refs"][i]["raw"].get<std::string>());
    CHECK(to_json(doc.text, doc.inline_refs[i].reference).dump() == expected["inline_refs"][i]["reference"].dump());
  }
}

TEST_CASE("citation_parser: the shared corpus's notes and inline references", "[citation_parser][corpus]") {
  const auto path = annotate::testing::shared_corpus_file();
  if (!path) return;
  const Document doc = annotated(read_file(*path));
  const json expected = json::parse(read_file(source_path("tests/data/citations/corpus-notes.expect.json")));
  REQUIRE(doc.notes.size() == 10);
  for (std::size_t i = 0; i < doc.notes.size(); ++i) {
    INFO("note " << doc.notes[i].n);
    CHECK(note_json(doc, doc.notes[i]).dump(1) == expected["notes"][i].dump(1));
  }
  REQUIRE(doc.inline_refs.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(doc.view(doc.inline_refs[i].span) == expected["inline_refs"][i]["raw"].get<std::string>());
    CHECK(to_json(doc.text, doc.inline_refs[i].reference).dump() == expected["inline_refs"][i]["reference"].dump());
  }
}

TEST_CASE("citation_parser: scripts of a note", "[citation_parser]") {
  CHECK(scripts_of("Meng Xiaoru, \xE2\x80\x9C\xE6\x97\xA5\xE6\x9C\xAC, 2023.") == std::vector<std::string>{"Latin", "Han"});
  CHECK(scripts_of("\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD 2023") == std::vector<std::string>{"Cyrillic"});
  CHECK(scripts_of("2023, 12.").empty());
}
