// SPDX-License-Identifier: MIT
// Flag declarations, kept apart from main() so that main stays a short wiring function.
#include "cli_options.hpp"

#include "annotate/error.hpp"
#include "annotate/inputs.hpp"

namespace annotate::cli {

namespace {

constexpr const char* kExamples = R"(Examples:
  annotate commentary.txt > commentary.json     one document, one JSON line
  annotate --pretty commentary.txt              indented, for reading
  annotate corpus/ -j 4 -o corpus.jsonl         a directory (*.txt, sorted), 4 threads
  find . -name '*.txt' | annotate --files-from - --summary summary.json
  annotate --input-format jsonl < records.jsonl {"id": ..., "text": ...} per line
  annotate a.txt | jq '.sections[] | {kind, number, title}'
  annotate --format html commentary.txt > view.html   a page to read in a browser

Output: one JSON object per input (schema annotate/1, see docs/output.md) on stdout, in
input order; messages on stderr. Exit status: 0 all inputs annotated, 1 some input failed
(its error object is in the output), 2 usage or setup error.)";

}  // namespace

void setup_cli(CLI::App& app, CliFlags& flags) {
  RunOptions& run = flags.run;
  app.add_option("inputs", run.inputs, "Files or directories (UTF-8 text); - for stdin");
  app.add_option("-o,--output", run.output, "Write JSON Lines to FILE (via a temporary file) instead of stdout");
  app.add_flag("--pretty", run.pretty, "Indent the JSON (one object per document)");
  app.add_option("--format", run.format, "json (JSON Lines, default) or html (one self-contained reading page)")
      ->check(CLI::IsMember({"json", "html"}));
  app.add_option("-j,--jobs", run.jobs, "Worker threads (default: one per core)")->check(CLI::Range(1u, 256u));
  app.add_option("--glob", run.glob, "Files to take from directories (default *.txt)");
  app.add_option("--files-from", run.files_from, "Read input paths from FILE, one a line (- for stdin)");
  app.add_option("--input-format", flags.input_format, "text, or jsonl: {\"id\": ..., \"text\": ...} lines")
      ->check(CLI::IsMember({"text", "jsonl"}));
  app.add_option("--encoding", flags.encoding, "Input encoding: utf-8, latin1 or windows-1252")
      ->check(CLI::IsMember({"utf-8", "utf8", "latin1", "iso-8859-1", "windows-1252", "cp1252"}));
  app.add_option("--max-bytes", run.max_bytes, "Refuse inputs larger than this many bytes (error code too_large)")
      ->check(CLI::PositiveNumber);
  app.add_option("--summary", run.summary, "Write corpus-level counts as JSON to FILE");
  app.add_option("--progress", run.progress, "Progress on stderr: auto (a terminal, not CI), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--reference-date", run.reference_date,
                 "Anchor dates without a year (\"In March\") to YYYY-MM-DD; default: the latest full date "
                 "in the notes, else the latest year in the text");
  // One file per --lexicon, so that "--lexicon my.tsv doc.txt" leaves doc.txt an input.
  app.add_option("--lexicon", run.lexicons, "Add or override actor lexicon entries from FILE (repeatable)")
      ->check(CLI::ExistingFile)
      ->allow_extra_args(false);
  app.add_option("--data-dir", run.data_dir, "Load rule files from DIR instead of the built-in copies of data/")
      ->check(CLI::ExistingDirectory);
  app.add_flag("-q,--quiet", flags.quiet, "Log errors only");
  app.add_flag("-v,--verbose", flags.verbose, "Log progress per document");
  app.set_version_flag("--version", std::string("annotate ") + ANNOTATE_VERSION_STRING);
  app.footer(kExamples);
}

void finish_flags(CliFlags& flags) {
  flags.run.input_format = flags.input_format == "jsonl" ? InputFormat::kJsonLines : InputFormat::kText;
  flags.run.encoding = parse_encoding(flags.encoding);
}

}  // namespace annotate::cli
