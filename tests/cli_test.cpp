// SPDX-License-Identifier: MIT
// End-to-end: the real annotate binary on the shared corpus and the project's samples,
// with its streams, exit codes and bad inputs.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

using namespace annotate::testing;
using nlohmann::json;

namespace {

std::vector<json> json_lines(const std::string& out) {
  std::vector<json> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = out.find('\n', start)) != std::string::npos; start = end + 1) {
    lines.push_back(json::parse(out.substr(start, end - start)));
  }
  REQUIRE(start == out.size());  // nothing after the last newline
  return lines;
}

std::vector<std::string> texts(const json& array, const char* key = "text") {
  std::vector<std::string> out;
  for (const json& item : array) out.push_back(item[key].is_null() ? "<null>" : item[key].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("cli: the shared corpus end to end", "[cli][corpus]") {
  const auto corpus = shared_corpus_file();
  if (!corpus) return;
  const Run run = run_annotate({*corpus});
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  const std::vector<json> docs = json_lines(run.out);
  REQUIRE(docs.size() == 1);
  const json& doc = docs[0];
  CHECK(doc["source"]["bytes"] == 33664);
  CHECK(doc["source"]["chars"] == 33065);
  CHECK(doc["document"]["series"] == "National Commentaries");
  CHECK(doc["document"]["title"] == "The Impact of the Camp David Trilateral");
  CHECK(doc["document"]["subtitle"] == "A Perspective from China and Russia");
  CHECK(texts(doc["boilerplate"]) ==
        std::vector<std::string>{"EMAIL", "Now Reading A Perspective from China and Russia"});
  std::vector<std::string> kinds;
  for (const json& s : doc["sections"]) kinds.push_back(s["kind"]);
  CHECK(kinds == std::vector<std::string>{"front", "section", "section", "response", "response",
                                          "response", "response", "response", "appendix",
                                          "section", "section", "notes"});
  CHECK(doc["sections"][3]["number"] == 1);
  CHECK(doc["sections"][3]["title"] == "Focus on domestic divisions within South Korea and Japan");
  CHECK(doc["sections"][9]["parent"] == "s9");
  CHECK(doc["sections"][10]["parent"] == "s9");
  REQUIRE(doc["callouts"].size() == 11);
  CHECK(doc["callouts"][1]["marker"] == "*");
  CHECK(doc["callouts"][1]["target"] == "s9");
  CHECK(doc["callouts"][10]["target"] == "n10");
  REQUIRE(doc["notes"].size() == 10);
  CHECK(doc["notes"][2]["kind"] == "ibid");
  CHECK(doc["notes"][2]["ibid_of"] == "n2");
  CHECK(doc["notes"][6]["raw"] ==
        "Meng Xiaoru, \xE2\x80\x9C\xE6\x97\xA5\xE6\x9C\xAC\xE5\x9B\xBD\xE5\xAE\xB6\xE5\xAE\x89\xE5\x85\xA8"
        "\xE4\xBF\x9D\xE9\x9A\x9C\xE6\x88\x98\xE7\x95\xA5\xE8\xB0\x83\xE6\x95\xB4\xE8\xAF\x84\xE6\x9E\x90, "
        "Guoji Wenti Yanjiu, No. 2, 2023.");
  CHECK(doc["diagnostics"].empty());

  // Every span and bytes pair covers exactly its text.
  const std::string raw = read_file(*corpus);
  for (const char* array : {"boilerplate", "sections", "paragraphs", "sentences", "callouts", "notes"}) {
    for (const json& item : doc[array]) {
      const std::size_t b0 = item["bytes"][0];
      const std::size_t b1 = item["bytes"][1];
      REQUIRE(raw.substr(b0, b1 - b0) == item["text"].get<std::string>());
    }
  }
  // The same input gives the same bytes.
  CHECK(run_annotate({*corpus}).out == run.out);
}

TEST_CASE("cli: the bundled sample and every variant annotate cleanly", "[cli]") {
  std::vector<std::string> args = files_in(source_path("tests/data/variants"), ".txt");
  args.push_back(source_path("data/samples/sample-commentary.txt"));
  const Run run = run_annotate(args);
  CHECK(run.exit_code == 0);
  const std::vector<json> docs = json_lines(run.out);
  REQUIRE(docs.size() == args.size());
  for (std::size_t i = 0; i < docs.size(); ++i) {
    CHECK(docs[i]["source"]["path"] == args[i]);  // input order
    CHECK(docs[i]["schema"] == "annotate/1");
  }
}

TEST_CASE("cli: bad inputs get error objects in place and exit 1", "[cli]") {
  const std::string dir = scratch_dir("cli-bad");
  write_file(dir + "/good.txt", "Seoul hedged.\n");
  write_file(dir + "/latin1.txt", "Caf\xE9 diplomacy.\n");
  write_file(dir + "/binary.bin", std::string("\x7F" "ELF\0\0\0", 7));
  write_file(dir + "/empty.txt", "");
  // A directory named in a list (rather than on the command line, where it is walked) is an
  // input error of its own.
  write_file(dir + "/list", dir + "/good.txt\n" + dir + "/latin1.txt\n" + dir + "/missing.txt\n" + dir +
                                "\n" + dir + "/binary.bin\n" + dir + "/empty.txt\n" + dir + "/good.txt\n");
  const Run run = run_annotate({"--files-from", dir + "/list"});
  CHECK(run.exit_code == 1);
  const std::vector<json> docs = json_lines(run.out);
  REQUIRE(docs.size() == 7);
  CHECK(docs[0]["sentences"][0]["text"] == "Seoul hedged.");
  CHECK(docs[1]["error"]["code"] == "invalid_utf8");
  CHECK(docs[1]["error"]["byte"] == 3);
  CHECK(docs[2]["error"]["code"] == "not_found");
  CHECK(docs[3]["error"]["code"] == "is_directory");
  CHECK(docs[4]["error"]["code"] == "binary");
  CHECK(docs[5]["error"]["code"] == "empty");
  CHECK(docs[6] == docs[0]);
  CHECK(run.err.find(dir + "/latin1.txt: the input is not valid UTF-8: byte 0xE9 at offset 3") !=
        std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("cli: stdin, --pretty, --version and usage errors", "[cli]") {
  const std::string dir = scratch_dir("cli-misc");
  write_file(dir + "/in.txt", "Beijing warned Seoul.\n");

  const Run from_stdin = run_annotate({}, dir + "/in.txt");
  CHECK(from_stdin.exit_code == 0);
  const json doc = json_lines(from_stdin.out).at(0);
  CHECK(doc["source"]["path"] == "-");
  CHECK(run_annotate({"-"}, dir + "/in.txt").out == from_stdin.out);

  const Run pretty = run_annotate({"--pretty", dir + "/in.txt"});
  CHECK(pretty.out.rfind("{\n  \"schema\": \"annotate/1\",\n", 0) == 0);
  CHECK(json::parse(pretty.out)["sentences"][0]["text"] == "Beijing warned Seoul.");

  const Run version = run_annotate({"--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out.rfind("annotate ", 0) == 0);

  const Run help = run_annotate({"--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("Exit status") != std::string::npos);

  const Run bad_flag = run_annotate({"--no-such-flag"});
  CHECK(bad_flag.exit_code == 2);
  CHECK(bad_flag.out.empty());

  std::filesystem::create_directories(dir + "/rules");
  write_file(dir + "/rules/structure_rules.tsv", "bad\tline\n");
  const Run bad_rules = run_annotate({"--data-dir", dir + "/rules", dir + "/in.txt"});
  CHECK(bad_rules.exit_code == 2);
  CHECK(bad_rules.out.empty());
  CHECK(bad_rules.err.find("structure_rules.tsv:1: expected 3 tab-separated fields") != std::string::npos);

  const Run too_large = run_annotate({"--max-bytes", "5", dir + "/in.txt"});
  CHECK(too_large.exit_code == 1);
  CHECK(json_lines(too_large.out).at(0)["error"]["code"] == "too_large");
  std::filesystem::remove_all(dir);
}

TEST_CASE("cli: no input and stdin a terminal prints usage and exits 2", "[cli]") {
  // util-linux's script(1) gives the command a pseudo-terminal as stdin.
  if (std::system("command -v script >/dev/null 2>&1") != 0 ||
      std::system("script -qec true /dev/null >/dev/null 2>&1") != 0) {
    WARN("skipped: script(1) cannot open a pseudo-terminal here (no util-linux, or no /dev/pts)");
    return;
  }
  const std::string dir = scratch_dir("cli-tty");
  const std::string command = std::string("script -qec '") + ANNOTATE_BINARY + " 2>" + dir +
                              "/err' /dev/null >" + dir + "/out </dev/null";
  const int status = std::system(command.c_str());
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  const std::string err = read_file(dir + "/err");
  CHECK(err.find("Usage:") != std::string::npos);
  CHECK(err.find("no input: name a file, or pipe text to stdin") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("cli: --lexicon takes one file per use, and a bad one stops the run", "[cli]") {
  const std::string dir = scratch_dir("cli-lexicon");
  write_file(dir + "/mine.tsv", "KIEP\tKOR\tabbreviation\tcs\n");
  write_file(dir + "/doc.txt", "KIEP met.\n");
  const Run run = run_annotate({"--lexicon", dir + "/mine.tsv", dir + "/doc.txt"});
  CHECK(run.exit_code == 0);
  CHECK(json::parse(run.out)["mentions"][0]["actor"] == "KOR");
  write_file(dir + "/bad.tsv", "KIEP\tNOWHERE\tabbreviation\tcs\n");
  const Run bad = run_annotate({"--lexicon", dir + "/bad.tsv", dir + "/doc.txt"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.out.empty());
  CHECK(bad.err.find(dir + "/bad.tsv:1: unknown actor id 'NOWHERE'") != std::string::npos);
  std::filesystem::remove_all(dir);
}
