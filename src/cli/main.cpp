// SPDX-License-Identifier: MIT
// The annotate command: flags -> RunOptions -> run() -> exit code. All behaviour lives in
// annotate_core; this file only wires CLI11, spdlog and exit codes.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <malloc.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdio>

#include "annotate/error.hpp"
#include "annotate/pipeline.hpp"
#include "cli_options.hpp"

int main(int argc, char** argv) {
  // Each batch of documents frees what the one before it allocated. glibc would hand the
  // top of the heap back to the kernel after every batch (above 128 KB free) and fault the
  // same pages in again, zeroed, for the next: 7 faults a document, about 7% of the time.
  // Keeping up to 64 MB of freed heap costs no more than the largest batch already took.
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  // spdlog's default logger writes to stdout, which carries JSON only.
  spdlog::set_default_logger(spdlog::stderr_color_mt("annotate"));
  spdlog::set_pattern("annotate: %^%l%$: %v");

  CLI::App app("annotate: foreign-policy commentaries as data (structure, dates, notes, actors)");
  annotate::cli::CliFlags flags;
  annotate::cli::setup_cli(app, flags);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? annotate::kExitOk : annotate::kExitUsage;
  }
  spdlog::set_level(flags.quiet     ? spdlog::level::err
                    : flags.verbose ? spdlog::level::debug
                                    : spdlog::level::warn);
  const bool reads_stdin = flags.run.inputs.empty() && !flags.run.files_from;
  if (reads_stdin && ::isatty(STDIN_FILENO)) {
    std::fputs(app.help().c_str(), stderr);
    std::fputs("\nannotate: no input: name a file, or pipe text to stdin\n", stderr);
    return annotate::kExitUsage;
  }
  try {
    annotate::cli::finish_flags(flags);
    return annotate::run(flags.run);
  } catch (const annotate::Error& e) {
    spdlog::error("{}", e.what());
    return e.exit_code();
  }
}
