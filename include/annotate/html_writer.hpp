// SPDX-License-Identifier: MIT
// The reading view (--format html): one self-contained page (inline CSS, JS and SVG, no
// network) showing each document with its actors, dates and red-line claims highlighted,
// an outline, linked footnotes and small charts.
#ifndef ANNOTATE_HTML_WRITER_HPP_
#define ANNOTATE_HTML_WRITER_HPP_

#include <string>

#include "annotate/document.hpp"
#include "annotate/reader.hpp"

namespace annotate {

/// Appends the page's head, styles and controls.
void write_html_start(std::string& out);

/// Appends one document as an <article>. `index` (from 1) makes its element ids unique on
/// the page: mention elements carry data-actor, dates data-date, claims data-red-line.
void write_html_document(const Document& doc, std::size_t index, std::string& out);

/// Appends an input that could not be annotated, in its place.
void write_html_error(const std::string& path, const InputError& error, std::string& out);

/// Appends the scripts and closes the page.
void write_html_end(std::string& out);

}  // namespace annotate

#endif  // ANNOTATE_HTML_WRITER_HPP_
