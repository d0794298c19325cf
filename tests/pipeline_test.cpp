// SPDX-License-Identifier: MIT
#include "annotate/pipeline.hpp"

#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "annotate/callout_linker.hpp"
#include "annotate/error.hpp"
#include "annotate/segmenter.hpp"
#include "annotate/sentence_splitter.hpp"
#include "test_support.hpp"

using namespace annotate;
using annotate::testing::annotated;
using annotate::testing::builtin_rules;
using annotate::testing::files_in;
using annotate::testing::read_file;
using annotate::testing::shared_corpus_file;
using annotate::testing::source_path;
using annotate::testing::scratch_dir;
using annotate::testing::write_file;
using nlohmann::json;

TEST_CASE("pipeline: each input gives one line, errors in place", "[pipeline]") {
  const std::string dir = scratch_dir("pipeline");
  write_file(dir + "/good.txt", "Seoul hedged. Tokyo did not.\n");
  write_file(dir + "/bad.txt", "caf\xE9\n");
  write_file(dir + "/empty.txt", "");
  const Annotator annotator;
  const RunOptions options;

  std::string out;
  CHECK(annotate_input(InputItem{dir + "/good.txt", {}, {}, {}}, annotator, options, out));
  CHECK_FALSE(annotate_input(InputItem{dir + "/bad.txt", {}, {}, {}}, annotator, options, out));
  CHECK_FALSE(annotate_input(InputItem{dir + "/empty.txt", {}, {}, {}}, annotator, options, out));
  CHECK_FALSE(annotate_input(InputItem{dir + "/missing.txt", {}, {}, {}}, annotator, options, out));

  std::vector<json> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = out.find('\n', start)) != std::string::npos; start = end + 1) {
    lines.push_back(json::parse(out.substr(start, end - start)));
  }
  REQUIRE(lines.size() == 4);
  CHECK(lines[0]["sentences"].size() == 2);
  CHECK(lines[0]["source"]["path"] == dir + "/good.txt");
  CHECK(lines[1]["error"]["code"] == "invalid_utf8");
  CHECK(lines[1]["error"]["byte"] == 3);
  CHECK(lines[2]["error"]["code"] == "empty");
  CHECK(lines[3]["error"]["code"] == "not_found");
  CHECK(lines[3]["source"]["path"] == dir + "/missing.txt");
  std::filesystem::remove_all(dir);
}

TEST_CASE("pipeline: -o writes the whole output atomically", "[pipeline]") {
  const std::string dir = scratch_dir("pipeline-out");
  write_file(dir + "/a.txt", "First document.\n");
  write_file(dir + "/b.txt", "Second document.\n");
  RunOptions options;
  options.inputs = {dir + "/a.txt", dir + "/missing.txt", dir + "/b.txt"};
  options.output = dir + "/out.jsonl";
  CHECK(run(options) == kExitInputFailed);
  const std::string out = read_file(dir + "/out.jsonl");
  CHECK(std::count(out.begin(), out.end(), '\n') == 3);
  CHECK(json::parse(out.substr(0, out.find('\n')))["sentences"][0]["text"] == "First document.");
  // Only the output file is left: the temporary was renamed over it.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) ++files;
  CHECK(files == 3);

  options.inputs = {dir + "/a.txt"};
  CHECK(run(options) == kExitOk);

  options.output = dir + "/no/such/dir/out.jsonl";
  CHECK_THROWS_AS(run(options), Error);
  std::filesystem::remove_all(dir);
}

TEST_CASE("pipeline: a malformed --data-dir file is a setup error", "[pipeline]") {
  const std::string dir = scratch_dir("pipeline-data");
  write_file(dir + "/structure_rules.tsv", "only.two\tfields\n");
  RunOptions options;
  options.data_dir = dir;
  options.inputs = {dir + "/structure_rules.tsv"};
  try {
    run(options);
    FAIL("expected a setup error");
  } catch (const Error& e) {
    CHECK(e.exit_code() == kExitUsage);
    CHECK(std::string(e.what()) == dir + "/structure_rules.tsv:1: expected 3 tab-separated fields "
                                         "(id, kind, pattern), found 2");
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("pipeline: pathological inputs finish and stay well-formed", "[pipeline][robustness]") {
  // Each would be quadratic with a naive look-back or a scan per candidate; ctest's TIMEOUT
  // turns a regression into a failure.
  const Annotator annotator;
  std::string no_spaces;
  for (int i = 0; i < 100000; ++i) no_spaces += "Seoul.1\xE2\x80\x94";
  std::string symbols(1 << 20, '*');
  symbols.insert(0, "Word");
  std::string many_lines;
  for (int i = 0; i < 50000; ++i) many_lines += "Short Heading\nBody text.* More.1\n";
  std::string periods = "A" + std::string(1 << 20, '.') + " B.";
  for (const std::string* text : {&no_spaces, &symbols, &many_lines, &periods}) {
    ReadResult read = decode_input("mem.txt", *text);
    REQUIRE_FALSE(read.error);
    annotator.annotate(read.document);
    const Document& doc = read.document;
    std::size_t covered = 0;
    for (const Sentence& s : doc.sentences) covered += s.span.size();
    CHECK(covered <= doc.text.size());
    CHECK_FALSE(doc.paragraphs.empty());
  }
}

TEST_CASE("pipeline: the shared screening pass changes nothing the stages find alone", "[pipeline]") {
  // The Annotator screens sentences for the date, actor and red-line stages in one set
  // pass; each stage run alone screens for itself. The output must be the same.
  const DateTagger dates(DateRules::load(std::nullopt));
  const CitationParser citations = CitationParser::load(std::nullopt);
  const ActorTagger actors(Lexicon::load(std::nullopt), ActorCues::load(std::nullopt));
  const RedlineTagger red_lines = RedlineTagger::load(std::nullopt);
  std::size_t found_dates = 0;
  std::size_t found_people = 0;
  std::size_t found_claims = 0;
  std::vector<std::string> files = files_in(source_path("tests/data/variants"), ".txt");
  files.push_back(source_path("data/samples/sample-commentary.txt"));
  if (const auto shared = shared_corpus_file()) files.push_back(*shared);
  for (const std::string& file : files) {
    INFO(file);
    const std::string text = read_file(file);
    ReadResult alone = decode_input("mem.txt", text);
    REQUIRE_FALSE(alone.error);
    Document& doc = alone.document;
    segment(doc, builtin_rules());
    split_sentences(doc, builtin_rules());
    link_callouts(doc, builtin_rules());
    dates.tag(doc, std::nullopt);
    citations.parse_notes(doc);
    actors.tag(doc);
    red_lines.tag(doc);
    std::string expected;
    write_document(doc, expected, false, nullptr);
    std::string screened;
    write_document(annotated(text), screened, false, nullptr);
    CHECK(screened == expected);
    found_dates += doc.dates.size();
    found_people += static_cast<std::size_t>(std::count_if(doc.actors.begin(), doc.actors.end(), [](const Actor& actor) {
      return actor.type == ActorType::kPerson;
    }));
    found_claims += doc.red_lines.size();
  }
  // Not a comparison of empty outputs: every screened stage found something.
  CHECK(found_dates > 0);
  CHECK(found_people > 0);
  CHECK(found_claims > 0);
}

TEST_CASE("pipeline: a failure in annotation costs only the document that provokes it", "[pipeline][robustness]") {
  // No input is known to make a stage throw (the fuzzer hunts for them); a stand-in that
  // runs the real stages over the batch and then throws for one document plays the bug.
  const Annotator annotator;
  const std::vector<std::string> texts = {"Seoul hedged. Tokyo did not.\n", "Beijing warned Seoul. BOOM.\n",
                                          "In March 2023, Moscow waited.\n"};
  std::vector<ReadResult> read;
  for (const std::string& text : texts) read.push_back(decode_input("mem.txt", text));
  std::vector<Document*> docs;
  for (ReadResult& result : read) docs.push_back(&result.document);
  std::size_t calls = 0;
  const BatchAnnotation faulty = [&](const std::vector<Document*>& batch) {
    ++calls;
    annotator.annotate(batch);
    for (const Document* doc : batch) {
      if (doc->text.find("BOOM") != std::string::npos) throw std::runtime_error("stage fault");
    }
  };

  const std::vector<std::optional<std::string>> failures = annotate_isolating_failures(docs, faulty);
  REQUIRE(failures.size() == 3);
  CHECK_FALSE(failures[0]);
  REQUIRE(failures[1]);
  CHECK(*failures[1] == "stage fault");
  CHECK_FALSE(failures[2]);
  CHECK(calls == 4);  // the batch, then each document alone

  // The others are annotated exactly as alone; the failed one is back as read.
  for (std::size_t d : {0u, 2u}) {
    std::string batch_json;
    write_document(*docs[d], batch_json, false, nullptr);
    std::string alone_json;
    write_document(annotated(texts[d]), alone_json, false, nullptr);
    CHECK(batch_json == alone_json);
  }
  CHECK(docs[0]->sentences.size() == 2);
  CHECK(docs[2]->dates.size() == 1);
  CHECK(docs[1]->text == texts[1]);
  CHECK(docs[1]->source.sha256 == read[1].document.source.sha256);
  CHECK(docs[1]->sentences.empty());
  CHECK(docs[1]->actors.empty());
  CHECK(docs[1]->red_lines.empty());

  // A batch that does not throw is annotated once.
  calls = 0;
  std::vector<Document*> clean = {docs[0]};
  CHECK(annotate_isolating_failures(clean, faulty) == std::vector<std::optional<std::string>>{std::nullopt});
  CHECK(calls == 1);

  // Non-standard exceptions are caught too, and the error object names the fault.
  const BatchAnnotation throws_int = [](const std::vector<Document*>&) { throw 42; };
  const auto unknown = annotate_isolating_failures(clean, throws_int);
  REQUIRE(unknown[0]);
  CHECK(*unknown[0] == "an exception of unknown type");
  const InputError error = annotation_failure("stage fault");
  CHECK(error.code == "internal_error");
  CHECK(error.message == "annotation failed: stage fault (a bug in annotate: please report it with this input)");
  std::string out;
  write_input_error("b.txt", std::nullopt, error, out, false);
  const json object = json::parse(out);
  CHECK(object["error"]["code"] == "internal_error");
  CHECK(object["source"]["path"] == "b.txt");
}
