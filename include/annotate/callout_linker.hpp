// SPDX-License-Identifier: MIT
// Footnote callouts: numbers glued after punctuation ("summit.1"), bracketed ("[3]"),
// superscript ("¹") or a symbol ("follow.*"), linked to their endnote or appendix heading.
#ifndef ANNOTATE_CALLOUT_LINKER_HPP_
#define ANNOTATE_CALLOUT_LINKER_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "annotate/document.hpp"
#include "annotate/rules.hpp"

namespace annotate {

/// A callout found in the text, before it is linked.
struct CalloutCandidate {
  Span span;           ///< the mark as written
  std::string marker;  ///< "1" for "1", "[1]" and "¹"; "*" for "*"
  CalloutStyle style = CalloutStyle::kGlued;
  std::string rule_id;
};

/// The callouts in `paragraph` of `text`, in order. Years, "COVID-19", "No. 2", decimals
/// and list numbers at the start of the paragraph are not callouts.
std::vector<CalloutCandidate> find_callouts(std::string_view text, Span paragraph,
                                            const Rules& rules);

/// Appends doc.callouts for every paragraph that is not an endnote, links each to its note
/// (numbers) or appendix section (symbols), fills Note::cited_by, and adds diagnostics for
/// callouts without a target and notes never cited.
/// REQUIRES: segment() and split_sentences() have run.
void link_callouts(Document& doc, const Rules& rules);

}  // namespace annotate

#endif  // ANNOTATE_CALLOUT_LINKER_HPP_
