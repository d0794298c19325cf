// SPDX-License-Identifier: MIT
// Data-driven structure tests: every tests/data/variants/NAME.txt (and the bundled sample)
// is annotated in process and compared with NAME.expect.json, field by field.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "annotate/pipeline.hpp"
#include "test_support.hpp"

using namespace annotate;
using annotate::testing::decode_utf8;
using annotate::testing::encode_utf8;
using annotate::testing::files_in;
using annotate::testing::read_file;
using annotate::testing::source_path;
using nlohmann::json;

namespace {

json annotate_file(const std::string& path) {
  static const Annotator annotator;
  std::string out;
  REQUIRE(annotate_input(InputItem{path, {}, {}, {}}, annotator, RunOptions{}, out));
  return json::parse(out);
}

// The index of a section id ("s3" -> 2) or null.
json section_index(const json& id) {
  if (id.is_null()) return nullptr;
  return std::stoi(id.get<std::string>().substr(1)) - 1;
}

void check_against_expectations(const std::string& text_path) {
  const std::string expect_path = text_path.substr(0, text_path.size() - 4) + ".expect.json";
  const json expected = json::parse(read_file(expect_path));
  const json actual = annotate_file(text_path);
  std::string text = read_file(text_path);
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  const std::u32string chars = decode_utf8(text);

  for (const char* field : {"series", "title", "subtitle", "byline"}) {
    INFO("document." << field);
    CHECK(actual["document"][field] == expected["document"][field]);
  }
  json boilerplate = json::array();
  for (const json& b : actual["boilerplate"]) boilerplate.push_back(b["text"]);
  CHECK(boilerplate == expected["boilerplate"]);

  json sections = json::array();
  for (const json& s : actual["sections"]) {
    sections.push_back({{"kind", s["kind"]}, {"level", s["level"]},
                        {"parent", section_index(s["parent"])}, {"heading", s["heading"]},
                        {"number", s["number"]}, {"title", s["title"]}});
  }
  CHECK(sections.dump(1) == expected["sections"].dump(1));

  json callouts = json::array();
  for (const json& c : actual["callouts"]) {
    const std::size_t begin = c["span"][0].get<std::size_t>();
    const std::size_t from = begin >= 12 ? begin - 12 : 0;
    json target_note = nullptr;
    json target_heading = nullptr;
    const std::string target = c["target"].is_null() ? "" : c["target"].get<std::string>();
    if (!target.empty() && target[0] == 'n') {
      target_note = actual["notes"][std::stoul(target.substr(1)) - 1]["n"];
    } else if (!target.empty()) {
      target_heading = actual["sections"][std::stoul(target.substr(1)) - 1]["heading"];
    }
    callouts.push_back({{"marker", c["marker"]}, {"text", c["text"]},
                        {"before", encode_utf8(chars.substr(from, begin - from))},
                        {"target_note", target_note}, {"target_heading", target_heading}});
  }
  CHECK(callouts.dump(1) == expected["callouts"].dump(1));

  json notes = json::array();
  for (const json& n : actual["notes"]) {
    notes.push_back({{"n", n["n"]}, {"starts", encode_utf8(decode_utf8(n["raw"].get<std::string>()).substr(0, 20))}});
  }
  CHECK(notes.dump(1) == expected["notes"].dump(1));

  if (expected.contains("sentences")) {
    json sentences = json::array();
    for (const json& s : actual["sentences"]) sentences.push_back(s["text"]);
    CHECK(sentences.dump(1) == expected["sentences"].dump(1));
  }
}

}  // namespace

TEST_CASE("variants: every layout variant matches its expectations", "[variants]") {
  const std::vector<std::string> files = files_in(source_path("tests/data/variants"), ".txt");
  REQUIRE(files.size() >= 12);
  for (const std::string& path : files) {
    SECTION(path.substr(path.rfind('/') + 1)) { check_against_expectations(path); }
  }
}

TEST_CASE("variants: the bundled sample commentary matches its expectations", "[variants]") {
  check_against_expectations(source_path("data/samples/sample-commentary.txt"));
}
