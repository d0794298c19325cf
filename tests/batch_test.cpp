// SPDX-License-Identifier: MIT
// Batches through the real binary: directories, lists, JSON Lines, encodings, parallel
// order, the summary, pathological inputs and a closed pipe.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

using namespace annotate::testing;
using nlohmann::json;

namespace {

std::vector<std::string> lines_of(const std::string& out) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = out.find('\n', start)) != std::string::npos; start = end + 1) {
    lines.push_back(out.substr(start, end - start));
  }
  return lines;
}

}  // namespace

TEST_CASE("batch: hundreds of files with bad ones, the same at -j 1 and -j 2", "[batch]") {
  const std::string dir = scratch_dir("batch-many");
  const std::string sample = read_file(source_path("data/samples/sample-commentary.txt"));
  std::vector<std::string> paths;
  for (int i = 0; i < 300; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "/doc%03d.txt", i);
    const std::string path = dir + name;
    if (i % 50 == 7) {
      write_file(path, "Caf\xE9 " + std::to_string(i) + "\n");  // not UTF-8
    } else if (i % 50 == 13) {
      write_file(path, "");
    } else {
      write_file(path, i % 3 == 0 ? sample : "Seoul hedged in " + std::to_string(1900 + i) + ". Tokyo did not.\n");
    }
    paths.push_back(path);
  }
  const Run one = run_annotate({"-j", "1", dir});
  const Run two = run_annotate({"-j", "2", dir});
  CHECK(one.exit_code == 1);
  CHECK(two.exit_code == 1);
  CHECK(one.out == two.out);
  const std::vector<std::string> lines = lines_of(one.out);
  REQUIRE(lines.size() == 300);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const json doc = json::parse(lines[i]);
    REQUIRE(doc["source"]["path"] == paths[i]);  // sorted walk, input order
    if (i % 50 == 7) {
      CHECK(doc["error"]["code"] == "invalid_utf8");
    } else if (i % 50 == 13) {
      CHECK(doc["error"]["code"] == "empty");
    }
  }
  // Every good file comes out exactly as when annotated alone.
  for (std::size_t i : {0u, 1u, 99u, 298u}) CHECK(run_annotate({paths[i]}).out == lines[i] + "\n");
  std::filesystem::remove_all(dir);
}

TEST_CASE("batch: documents too large for a batch go alone, in order, at any -j", "[batch]") {
  // Short documents are annotated in batches of up to 128 or 512 KB; larger ones alone and
  // streamed. Mixed, with errors between them, the output is each file's own, in order.
  const std::string dir = scratch_dir("batch-mixed");
  const std::string sample = read_file(source_path("data/samples/sample-commentary.txt"));
  std::string large;
  while (large.size() < 600 * 1024) large += sample;
  std::vector<std::string> paths;
  for (int i = 0; i < 140; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "/doc%03d.txt", i);
    const std::string path = dir + name;
    if (i == 5 || i == 70 || i == 71 || i == 139) {
      write_file(path, large);
    } else if (i == 6 || i == 69) {
      write_file(path, std::string("\x01\x02", 2) + "binary" + std::string(3, '\0'));
    } else {
      write_file(path, i % 4 == 0 ? sample : "Moscow warned Seoul in " + std::to_string(1950 + i) + ".\n");
    }
    paths.push_back(path);
  }
  const Run one = run_annotate({"-j", "1", dir});
  const Run three = run_annotate({"-j", "3", dir});
  CHECK(one.exit_code == 1);
  CHECK(one.out == three.out);
  const std::vector<std::string> lines = lines_of(one.out);
  REQUIRE(lines.size() == 140);
  for (std::size_t i : {0u, 4u, 5u, 6u, 7u, 69u, 70u, 71u, 72u, 138u, 139u}) {
    INFO("file " << i);
    const Run alone = run_annotate({paths[i]});
    CHECK(alone.out == lines[i] + "\n");
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("batch: --glob, --files-from and stdin lists", "[batch]") {
  const std::string dir = scratch_dir("batch-glob");
  std::filesystem::create_directories(dir + "/b/c");
  write_file(dir + "/b/c/z.txt", "Zeta text.\n");
  write_file(dir + "/a.txt", "Alpha text.\n");
  write_file(dir + "/b/m.md", "Markdown text.\n");
  const std::vector<std::string> txt = lines_of(run_annotate({dir}).out);
  REQUIRE(txt.size() == 2);
  CHECK(json::parse(txt[0])["source"]["path"] == dir + "/a.txt");
  CHECK(json::parse(txt[1])["source"]["path"] == dir + "/b/c/z.txt");
  const std::vector<std::string> md = lines_of(run_annotate({"--glob", "*.md", dir}).out);
  REQUIRE(md.size() == 1);
  CHECK(json::parse(md[0])["sentences"][0]["text"] == "Markdown text.");

  write_file(dir + "/list", dir + "/b/c/z.txt\n\n" + dir + "/a.txt\n");
  const std::vector<std::string> listed = lines_of(run_annotate({"--files-from", "-"}, dir + "/list").out);
  REQUIRE(listed.size() == 2);
  CHECK(json::parse(listed[0])["source"]["path"] == dir + "/b/c/z.txt");
  std::filesystem::remove_all(dir);
}

TEST_CASE("batch: JSON Lines records in, one document per record out", "[batch]") {
  const std::string dir = scratch_dir("batch-jsonl");
  write_file(dir + "/in.jsonl",
             "{\"id\": \"a1\", \"text\": \"Beijing warned Seoul in March.\"}\n"
             "not json at all\n"
             "\n"
             "{\"id\": 7, \"text\": \"Moscow threatened Tokyo.\"}\n");
  const Run run = run_annotate({"--input-format", "jsonl", "-j", "2", dir + "/in.jsonl"});
  CHECK(run.exit_code == 1);
  const std::vector<std::string> lines = lines_of(run.out);
  REQUIRE(lines.size() == 3);
  const json first = json::parse(lines[0]);
  CHECK(first["source"]["id"] == "a1");
  CHECK(first["source"]["path"] == dir + "/in.jsonl");
  CHECK(first["sentences"][0]["text"] == "Beijing warned Seoul in March.");
  CHECK(json::parse(lines[1])["error"]["code"] == "bad_record");
  CHECK(json::parse(lines[1])["error"]["message"] == "line 2: expected a JSON object with a string \"text\"");
  CHECK(json::parse(lines[2])["source"]["id"] == "7");
  CHECK(run_annotate({"--input-format", "jsonl"}, dir + "/in.jsonl").out.size() > 0);
  std::filesystem::remove_all(dir);
}

TEST_CASE("batch: --encoding transcodes Latin-1 and Windows-1252", "[batch]") {
  const std::string dir = scratch_dir("batch-encoding");
  write_file(dir + "/l.txt", "Caf\xE9 diplomacy \x93quoted\x94.\n");
  const json latin = json::parse(run_annotate({"--encoding", "latin1", dir + "/l.txt"}).out);
  CHECK(latin["sentences"][0]["text"] == "Caf\xC3\xA9 diplomacy \xC2\x93quoted\xC2\x94.");
  const json windows = json::parse(run_annotate({"--encoding", "windows-1252", dir + "/l.txt"}).out);
  CHECK(windows["sentences"][0]["text"] == "Caf\xC3\xA9 diplomacy \xE2\x80\x9Cquoted\xE2\x80\x9D.");
  CHECK(run_annotate({"--encoding", "ebcdic", dir + "/l.txt"}).exit_code == 2);
  std::filesystem::remove_all(dir);
}

TEST_CASE("batch: --summary counts the corpus", "[batch]") {
  const std::string dir = scratch_dir("batch-summary");
  write_file(dir + "/a.txt", "Beijing warned Seoul in 2021 and again in 2022.\n");
  write_file(dir + "/b.txt", "Seoul answered in 2022.\n");
  write_file(dir + "/c.txt", "");
  CHECK(run_annotate({dir, "--summary", dir + "/summary.json"}).exit_code == 1);
  const json summary = json::parse(read_file(dir + "/summary.json"));
  CHECK(summary["documents"] == 3);
  CHECK(summary["annotated"] == 2);
  CHECK(summary["errors"] == json({{"empty", 1}}));
  CHECK(summary["dates_by_year"] == json({{"2021", 1}, {"2022", 2}}));
  std::filesystem::remove_all(dir);
}

TEST_CASE("batch: pathological inputs complete", "[batch][robustness]") {
  const std::string dir = scratch_dir("batch-pathological");
  write_file(dir + "/long-line.txt", std::string(10 * 1024 * 1024, 'a') + ".\n");
  write_file(dir + "/blank-lines.txt", std::string(1000000, '\n') + "Text.\n");
  std::string nested;
  for (int i = 0; i < 100000; ++i) nested += "\xE2\x80\x9C(\"";
  write_file(dir + "/nested.txt", nested + "x.\n");
  const Run run = run_annotate({"-j", "2", dir});
  CHECK(run.exit_code == 0);
  CHECK(lines_of(run.out).size() == 3);
  std::filesystem::remove_all(dir);
}

TEST_CASE("batch: a closed pipe ends quietly", "[batch]") {
  const std::string dir = scratch_dir("batch-pipe");
  for (int i = 0; i < 50; ++i) write_file(dir + "/d" + std::to_string(100 + i) + ".txt", "Seoul hedged. Tokyo did not.\n");
  const std::string command = std::string("'") + ANNOTATE_BINARY + "' '" + dir + "' 2>'" + dir +
                              "/err' | head -c 10 >/dev/null";
  CHECK(std::system(command.c_str()) == 0);
  CHECK(read_file(dir + "/err").empty());
  std::filesystem::remove_all(dir);
}

TEST_CASE("batch: the GNU parallel recipe of docs/scaling.md gives a plain run's output", "[batch]") {
  if (std::system("command -v parallel >/dev/null 2>&1") != 0) {
    const char* ci = std::getenv("CI");
    if (ci != nullptr && std::string(ci) == "true") FAIL("GNU parallel is missing under CI=true");
    WARN("skipped: GNU parallel is not installed (Debian package parallel)");
    return;
  }
  const std::string dir = scratch_dir("batch-parallel");
  std::string records;
  for (int i = 0; i < 40; ++i) {
    records += "{\"id\": \"doc" + std::to_string(i) + "\", \"text\": \"Beijing warned Seoul in " +
               std::to_string(2000 + i) + ". Tokyo hedged.\"}\n";
  }
  write_file(dir + "/corpus.jsonl", records);
  const std::string bin = ANNOTATE_BINARY;
  const std::string plain = "'" + bin + "' --input-format jsonl < '" + dir + "/corpus.jsonl' > '" + dir + "/plain.jsonl'";
  const std::string split = "parallel --will-cite --pipe -k -N 7 '" + bin + "' --input-format jsonl -j 1 < '" + dir +
                            "/corpus.jsonl' > '" + dir + "/parallel.jsonl'";
  REQUIRE(std::system(plain.c_str()) == 0);
  REQUIRE(std::system(split.c_str()) == 0);
  const std::string expected = read_file(dir + "/plain.jsonl");
  CHECK(lines_of(expected).size() == 40);
  CHECK(read_file(dir + "/parallel.jsonl") == expected);
  std::filesystem::remove_all(dir);
}

TEST_CASE("batch: --progress always draws on stderr only, never by default here", "[batch]") {
  const std::string dir = scratch_dir("batch-progress");
  for (int i = 0; i < 5; ++i) write_file(dir + "/d" + std::to_string(i) + ".txt", "Seoul hedged.\n");
  const Run quiet = run_annotate({dir});
  const Run shown = run_annotate({"--progress", "always", dir});
  CHECK(quiet.err.empty());  // stderr is no terminal in the tests
  CHECK(shown.err.find("annotate: 5/5 files") != std::string::npos);
  CHECK(shown.err.find("MB/s") != std::string::npos);
  CHECK(shown.out == quiet.out);
  std::filesystem::remove_all(dir);
}
