// SPDX-License-Identifier: MIT
// The one exception type for setup failures (bad flag, unreadable rule file), carrying the
// process exit code; problems in a commentary are Diagnostics, not exceptions.
#ifndef ANNOTATE_ERROR_HPP_
#define ANNOTATE_ERROR_HPP_

#include <stdexcept>
#include <string>

namespace annotate {

/// Exit codes of the contract.
constexpr int kExitOk = 0;           ///< every input was annotated
constexpr int kExitInputFailed = 1;  ///< at least one input failed; the rest were annotated
constexpr int kExitUsage = 2;        ///< usage or setup error; nothing annotated

/// A setup failure. The message reads "file:line: message" when it comes from a data file.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message, int exit_code = kExitUsage)
      : std::runtime_error(message), exit_code_(exit_code) {}
  int exit_code() const { return exit_code_; }

 private:
  int exit_code_;
};

/// Builds the "file:line: message" form used for every data-file error.
std::string located_message(const std::string& file, std::size_t line,
                            const std::string& message);

}  // namespace annotate

#endif  // ANNOTATE_ERROR_HPP_
