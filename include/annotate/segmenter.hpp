// SPDX-License-Identifier: MIT
// The structure stage: header, boilerplate, sections (front, headings, numbered responses,
// appendix, notes), paragraphs and endnotes, recovered from plain text line by line.
#ifndef ANNOTATE_SEGMENTER_HPP_
#define ANNOTATE_SEGMENTER_HPP_

#include <string_view>

#include "annotate/document.hpp"
#include "annotate/rules.hpp"

namespace annotate {

/// Fills doc.header, doc.boilerplate, doc.sections, doc.paragraphs and doc.notes (with n,
/// span, paragraph, and kind/ibid_of for "Ibid." notes) from doc.text, and adds
/// diagnostics for gaps in the note numbering.
/// Every non-blank, non-boilerplate line becomes exactly one paragraph; every paragraph lies
/// inside its section's span; sections come in text order.
void segment(Document& doc, const Rules& rules);

/// The whole structure pipeline on a string: segment, split sentences, link callouts.
/// For tests and for callers that have text in memory rather than a file.
Document segment_text(std::string_view text, const Rules& rules);

}  // namespace annotate

#endif  // ANNOTATE_SEGMENTER_HPP_
