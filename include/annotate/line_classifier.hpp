// SPDX-License-Identifier: MIT
// The first step of segmentation: split the text into its non-blank lines and say what each
// line could be (boilerplate, a numbered heading, an endnote, a plain heading, body text).
// The segmenter then decides from the neighbours what each line is.
#ifndef ANNOTATE_LINE_CLASSIFIER_HPP_
#define ANNOTATE_LINE_CLASSIFIER_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annotate/rules.hpp"
#include "annotate/span.hpp"

namespace annotate {

enum class LineClass {
  kBoilerplate,      ///< site furniture: "EMAIL", "Now Reading ..."
  kResponse,         ///< "Response 2. Exert economic pressure"
  kNumberedSection,  ///< "II. Background"
  kMarkdown,         ///< "## Background"
  kAppendix,         ///< "*Warnings", "Appendix A"
  kNotesHeading,     ///< "Notes", "Endnotes"
  kNoteItem,         ///< "3. Ibid." (an endnote if it stands in the final block)
  kByline,           ///< "By Jane Doe"
  kPlainHeading,     ///< a short line without final punctuation
  kBody,             ///< anything else
};

/// One non-blank line of the text and what it looks like on its own.
struct Line {
  Span span;  ///< the line without its end-of-line bytes and surrounding white space
  LineClass kind = LineClass::kBody;
  const LineRule* rule = nullptr;  ///< the data rule that matched, if any
  std::optional<int> number;       ///< numbered headings and endnotes
  std::optional<Span> title;       ///< headings: the title; endnotes: the note text
  std::string symbol;              ///< appendix headings: "*", "†", or empty
  int markdown_depth = 0;          ///< the number of '#' of a Markdown heading
};

/// Splits `text` at LF (a CR before it is part of the line end) and classifies each
/// non-blank line. Lines come out in text order.
std::vector<Line> classify_lines(std::string_view text, const Rules& rules);

/// True when `line` (trimmed) is short enough, by the rules' limits, and ends without
/// sentence punctuation (looking inside closing quotes), so that it may be a heading.
bool looks_like_heading(std::string_view line, const Rules& rules);

/// The value of a Roman numeral in canonical form ("IV" -> 4), or 0 when it is not one.
int roman_value(std::string_view numeral);

/// Counts the code points of a UTF-8 string.
std::size_t count_code_points(std::string_view text);

}  // namespace annotate

#endif  // ANNOTATE_LINE_CLASSIFIER_HPP_
