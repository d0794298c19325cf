// SPDX-License-Identifier: MIT
// Helpers shared by the tests: the built-in rules, paths to fixtures and to the shared
// corpus, and running the real annotate binary.
#ifndef ANNOTATE_TESTS_TEST_SUPPORT_HPP_
#define ANNOTATE_TESTS_TEST_SUPPORT_HPP_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "annotate/document.hpp"
#include "annotate/pattern_set.hpp"
#include "annotate/rules.hpp"

namespace annotate::testing {

/// The shipped rules, compiled once for all tests.
const Rules& builtin_rules();

/// The whole pipeline (with the shipped rules, lexicon and cues) on `text`, as a document
/// read from memory. The Annotator is shared by every test and lives to the end.
Document annotated(const std::string& text);

/// segment_text() with the shipped rules.
Document structure_of(std::string_view text);

/// An absolute path under the source tree, e.g. source_path("tests/data/variants").
std::string source_path(const std::string& relative);

/// The shared corpus file (../shared/corpus/camp-david-china-russia.txt beside the
/// checkout, or $ANNOTATE_SHARED/corpus/...), or nothing when it is absent. Tests that need
/// it skip with a message, except under CI=true, where its absence fails the test.
std::optional<std::string> shared_corpus_file();

/// Whole contents of a file; fails the current test when it cannot be read.
std::string read_file(const std::string& path);

/// One case of a tests/data TSV file: what comes before the first tab, and what after.
struct TsvCase {
  std::string input;
  std::string expected;
};

/// The cases of a TSV file under the source tree (e.g. "tests/data/dates.tsv"), skipping
/// blank lines and # comments; a case line without a tab fails the current test.
std::vector<TsvCase> read_tsv_cases(const std::string& relative_path);

/// The files in `dir` whose names end with `suffix`, sorted.
std::vector<std::string> files_in(const std::string& dir, const std::string& suffix);

/// The result of running the annotate binary.
struct Run {
  int exit_code = -1;
  std::string out;  ///< stdout
  std::string err;  ///< stderr
};

/// Runs the annotate binary with `args` (shell-quoted here), stdin from `stdin_file` or
/// /dev/null.
Run run_annotate(const std::vector<std::string>& args, const std::string& stdin_file = "/dev/null");

/// The code points of a UTF-8 string, for slicing the way Python and jq do.
std::u32string decode_utf8(const std::string& text);
/// The UTF-8 encoding of code points.
std::string encode_utf8(const std::u32string& code_points);

/// A fresh empty directory under the build tree for one test's files.
std::string scratch_dir(const std::string& name);

/// Writes `content` to `path`, replacing it.
void write_file(const std::string& path, std::string_view content);

/// Every match of `pattern` in `text` as [begin, end) pairs, found with next_match() as
/// the date tagger finds them, skipping with `start` (MatchStart() for a plain search).
std::vector<std::pair<std::size_t, std::size_t>> all_matches(const RE2& pattern, const MatchStart& start,
                                                              std::string_view text);

}  // namespace annotate::testing

#endif  // ANNOTATE_TESTS_TEST_SUPPORT_HPP_
