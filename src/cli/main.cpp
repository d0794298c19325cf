// SPDX-License-Identifier: MIT
// The annotate command: flags -> RunOptions -> run() -> exit code. All behaviour lives in
// annotate_core; this file only wires CLI11, spdlog and exit codes.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>

#include "annotate/error.hpp"
#include "annotate/pipeline.hpp"

namespace {

constexpr const char* kExamples = R"(Examples:
  annotate commentary.txt > commentary.json     one document, one JSON line
  annotate --pretty commentary.txt              indented, for reading
  annotate a.txt b.txt -o corpus.jsonl          many documents, written atomically
  cat commentary.txt | annotate -               from standard input
  annotate a.txt | jq '.sections[] | {kind, number, title}'

Output: one JSON object per input (schema annotate/1, see docs/output.md) on stdout;
messages on stderr. Exit status: 0 all inputs annotated, 1 some input failed (its error
object is in the output), 2 usage or setup error.)";

struct CliFlags {
  annotate::RunOptions run;
  bool quiet = false;
  bool verbose = false;
};

void setup_cli(CLI::App& app, CliFlags& flags) {
  app.add_option("inputs", flags.run.inputs, "Commentary files (UTF-8 text); - for stdin");
  app.add_option("-o,--output", flags.run.output,
                 "Write JSON Lines to FILE (via a temporary file) instead of stdout");
  app.add_flag("--pretty", flags.run.pretty, "Indent the JSON (one object per document)");
  app.add_option("--max-bytes", flags.run.max_bytes,
                 "Refuse inputs larger than this many bytes (error code too_large)")
      ->check(CLI::PositiveNumber);
  app.add_option("--data-dir", flags.run.data_dir,
                 "Load rule files from DIR instead of the built-in copies of data/")
      ->check(CLI::ExistingDirectory);
  app.add_option("--reference-date", flags.run.reference_date,
                 "Anchor dates without a year (\"In March\") to YYYY-MM-DD; default: the latest "
                 "full date in the notes, else the latest year in the text");
  app.add_flag("-q,--quiet", flags.quiet, "Log errors only");
  app.add_flag("-v,--verbose", flags.verbose, "Log progress per document");
  app.set_version_flag("--version", std::string("annotate ") + ANNOTATE_VERSION_STRING);
  app.footer(kExamples);
}

}  // namespace

int main(int argc, char** argv) {
  // spdlog's default logger writes to stdout, which carries JSON only.
  spdlog::set_default_logger(spdlog::stderr_color_mt("annotate"));
  spdlog::set_pattern("annotate: %^%l%$: %v");

  CLI::App app("annotate: split foreign-policy commentaries into structure and write JSON");
  CliFlags flags;
  setup_cli(app, flags);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? annotate::kExitOk : annotate::kExitUsage;
  }
  spdlog::set_level(flags.quiet     ? spdlog::level::err
                    : flags.verbose ? spdlog::level::debug
                                    : spdlog::level::warn);
  if (flags.run.inputs.empty() && ::isatty(STDIN_FILENO)) {
    std::fputs(app.help().c_str(), stderr);
    std::fputs("\nannotate: no input: name a file, or pipe text to stdin\n", stderr);
    return annotate::kExitUsage;
  }
  try {
    return annotate::run(flags.run);
  } catch (const annotate::Error& e) {
    spdlog::error("{}", e.what());
    return e.exit_code();
  }
}
