// SPDX-License-Identifier: MIT
// Sentence boundaries inside paragraphs: after . ? ! (with closing quotes and any glued
// footnote callout) before a capital, digit or opening quote, except after abbreviations.
#ifndef ANNOTATE_SENTENCE_SPLITTER_HPP_
#define ANNOTATE_SENTENCE_SPLITTER_HPP_

#include <string_view>
#include <vector>

#include "annotate/document.hpp"
#include "annotate/rules.hpp"

namespace annotate {

/// The trimmed sentence spans of `paragraph` in `text`, in order. They never overlap, and
/// together they cover every non-space byte of the paragraph.
std::vector<Span> split_sentence_spans(std::string_view text, Span paragraph,
                                       const Rules& rules);

/// Appends doc.sentences: body paragraphs are split with split_sentence_spans; a header
/// line, heading or endnote is one sentence.
void split_sentences(Document& doc, const Rules& rules);

/// The length of a footnote callout glued at text[i] (digits, superscript digits, a
/// bracketed number or a symbol), or 0. Shared with the callout stage so that a callout
/// never starts a sentence.
std::size_t glued_callout_length(std::string_view text, std::size_t i, std::size_t end);

}  // namespace annotate

#endif  // ANNOTATE_SENTENCE_SPLITTER_HPP_
