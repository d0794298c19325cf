// SPDX-License-Identifier: MIT
// Message helpers for annotate::Error.
#include "annotate/error.hpp"

namespace annotate {

std::string located_message(const std::string& file, std::size_t line,
                            const std::string& message) {
  return file + ":" + std::to_string(line) + ": " + message;
}

}  // namespace annotate
