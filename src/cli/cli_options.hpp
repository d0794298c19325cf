// SPDX-License-Identifier: MIT
// The command line's flags, bound to RunOptions with CLI11.
#ifndef ANNOTATE_CLI_CLI_OPTIONS_HPP_
#define ANNOTATE_CLI_CLI_OPTIONS_HPP_

#include <CLI/CLI.hpp>
#include <string>

#include "annotate/pipeline.hpp"

namespace annotate::cli {

/// Everything the flags set: the run itself and how much to log.
struct CliFlags {
  RunOptions run;
  bool quiet = false;
  bool verbose = false;
  std::string input_format = "text";
  std::string encoding = "utf-8";
};

/// Declares every flag of `annotate` on `app`, with the help text and examples.
void setup_cli(CLI::App& app, CliFlags& flags);

/// Turns the string flags into RunOptions values. Throws annotate::Error on a bad value.
void finish_flags(CliFlags& flags);

}  // namespace annotate::cli

#endif  // ANNOTATE_CLI_CLI_OPTIONS_HPP_
