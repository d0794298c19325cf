// SPDX-License-Identifier: MIT
#include "test_support.hpp"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "annotate/pipeline.hpp"
#include "annotate/reader.hpp"
#include "annotate/segmenter.hpp"

namespace annotate::testing {

namespace fs = std::filesystem;

const Rules& builtin_rules() {
  static const Rules rules = Rules::builtin();
  return rules;
}

Document structure_of(std::string_view text) { return segment_text(text, builtin_rules()); }

Document annotated(const std::string& text) {
  static const Annotator annotator;
  ReadResult read = decode_input("mem.txt", text);
  REQUIRE_FALSE(read.error);
  annotator.annotate(read.document);
  return std::move(read.document);
}

std::string source_path(const std::string& relative) {
  return std::string(ANNOTATE_SOURCE_DIR) + "/" + relative;
}

std::optional<std::string> shared_corpus_file() {
  const char* shared = std::getenv("ANNOTATE_SHARED");
  const std::string dir = shared != nullptr ? shared : source_path("../shared");
  const std::string path = dir + "/corpus/camp-david-china-russia.txt";
  if (fs::exists(path)) return path;
  const char* ci = std::getenv("CI");
  if (ci != nullptr && std::string(ci) == "true") {
    FAIL("the shared corpus is missing under CI=true: " << path);
  }
  WARN("skipped: the shared corpus is not at " << path << " (set ANNOTATE_SHARED)");
  return std::nullopt;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) FAIL("cannot read " << path);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::vector<TsvCase> read_tsv_cases(const std::string& relative_path) {
  std::istringstream lines(read_file(source_path(relative_path)));
  std::vector<TsvCase> cases;
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    INFO(relative_path << ": " << line);
    REQUIRE(tab != std::string::npos);
    cases.push_back(TsvCase{line.substr(0, tab), line.substr(tab + 1)});
  }
  return cases;
}

std::vector<std::string> files_in(const std::string& dir, const std::string& suffix) {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().string();
    if (name.size() >= suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      files.push_back(name);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

namespace {

std::string shell_quote(const std::string& arg) {
  std::string quoted = "'";
  for (char c : arg) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

}  // namespace

std::u32string decode_utf8(const std::string& text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? lead : n == 2 ? (lead & 0x1F) : n == 3 ? (lead & 0x0F) : (lead & 0x07);
    for (std::size_t k = 1; k < n; ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    out.push_back(cp);
    i += n;
  }
  return out;
}

std::string encode_utf8(const std::u32string& code_points) {
  std::string out;
  for (char32_t c : code_points) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

std::string scratch_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() /
                       ("annotate-test-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

void write_file(const std::string& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  REQUIRE(out.good());
}

Run run_annotate(const std::vector<std::string>& args, const std::string& stdin_file) {
  static int counter = 0;
  const std::string dir = scratch_dir("run" + std::to_string(++counter));
  std::string command = shell_quote(ANNOTATE_BINARY);
  for (const std::string& arg : args) command += " " + shell_quote(arg);
  command += " <" + shell_quote(stdin_file) + " >" + shell_quote(dir + "/out") + " 2>" +
             shell_quote(dir + "/err");
  const int status = std::system(command.c_str());
  Run run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = read_file(dir + "/out");
  run.err = read_file(dir + "/err");
  fs::remove_all(dir);
  return run;
}

std::vector<std::pair<std::size_t, std::size_t>> all_matches(const RE2& pattern, const MatchStart& start,
                                                              std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  re2::StringPiece match;
  std::size_t position = 0;
  while (next_match(pattern, start, text, text.size(), &position, &match, 1)) {
    const auto begin = static_cast<std::size_t>(match.data() - text.data());
    out.emplace_back(begin, begin + match.size());
  }
  return out;
}

}  // namespace annotate::testing
