// SPDX-License-Identifier: MIT
// The annotate command: flags -> RunOptions -> run() -> exit code. All behaviour lives in
// annotate_core; this file only wires CLI11, spdlog and exit codes.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdio>

#include "annotate/error.hpp"
#include "annotate/pipeline.hpp"
#include "cli_options.hpp"

int main(int argc, char** argv) {
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
