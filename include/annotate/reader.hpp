// SPDX-License-Identifier: MIT
// Reading one input: from a path, stdin or memory, into a Document whose text is checked
// UTF-8 with any BOM removed, or into an InputError with the contract's stable code.
#ifndef ANNOTATE_READER_HPP_
#define ANNOTATE_READER_HPP_

#include <cstddef>
#include <optional>
#include <string>

#include "annotate/document.hpp"

namespace annotate {

/// Why an input could not be annotated. `code` is one of the contract's stable codes:
/// not_found, unreadable, is_directory, invalid_utf8, binary, too_large, empty.
struct InputError {
  std::string code;
  std::string message;
  std::optional<std::size_t> byte;        ///< offset in the input as read (BOM counted)
  std::optional<std::size_t> file_bytes;  ///< size of the input, when known
};

/// Either a document ready for segmentation or the error that stopped it.
struct ReadResult {
  std::optional<InputError> error;
  Document document;  ///< meaningful only when !error
};

constexpr std::size_t kDefaultMaxBytes = 64u * 1024u * 1024u;

/// Checks `raw` (the whole input) and builds the Document: skips a leading UTF-8 BOM,
/// rejects NUL bytes (binary), invalid UTF-8 (naming the first bad byte), empty or
/// whitespace-only input, and records line endings and the SHA-256 of `raw`.
ReadResult decode_input(std::string path, std::string raw);

/// Reads the bytes of `path` ("-" for stdin) into `raw`, refusing more than `max_bytes`.
/// Returns the error that stopped it, if any.
std::optional<InputError> read_raw(const std::string& path, std::size_t max_bytes, std::string& raw);

/// Reads `path` ("-" for stdin) and decodes it. Never throws; a file larger than
/// `max_bytes` is a too_large error and is not read whole.
ReadResult read_input(const std::string& path, std::size_t max_bytes = kDefaultMaxBytes);

/// Returns the offset of the first byte that starts no valid UTF-8 sequence, or npos when
/// the whole string is valid (overlong forms, surrogates and values past U+10FFFF rejected).
std::size_t find_invalid_utf8(std::string_view bytes);

/// `bytes` with every invalid UTF-8 sequence replaced by U+FFFD, for showing file names
/// (which POSIX allows to be any bytes) in JSON and messages.
std::string sanitize_utf8(std::string_view bytes);

}  // namespace annotate

#endif  // ANNOTATE_READER_HPP_
