// SPDX-License-Identifier: MIT
// The contract's JSON for one document (schema annotate/1), or the error object that takes
// an input's place when it could not be read. Byte spans become code point spans here, once.
#ifndef ANNOTATE_DOCUMENT_WRITER_HPP_
#define ANNOTATE_DOCUMENT_WRITER_HPP_

#include <functional>
#include <string>

#include "annotate/document.hpp"
#include "annotate/reader.hpp"

namespace annotate {

constexpr const char* kSchema = "annotate/1";

/// Receives a part of a document's JSON while it is being written.
using OutputDrain = std::function<void(const std::string&)>;

/// Appends the document object and a newline to `out`: one line, or indented with `pretty`.
/// Every object that covers text carries "text", "span" (code points) and "bytes". With a
/// `drain`, whenever `out` passes 1 MB it is handed to the drain and cleared, so memory
/// stays bounded however large the document; what is left at the end stays in `out`.
void write_document(const Document& doc, std::string& out, bool pretty = false,
                    const OutputDrain* drain = nullptr);

/// Appends the error object for `path` and a newline to `out`.
void write_input_error(const std::string& path, const std::optional<std::string>& id,
                       const InputError& error, std::string& out, bool pretty = false);

}  // namespace annotate

#endif  // ANNOTATE_DOCUMENT_WRITER_HPP_
