// SPDX-License-Identifier: MIT
// The citation stage: each endnote becomes a CSL-JSON-style Reference (authors, title,
// container, volume, issue, page, issued, publisher, URL, DOI, remark), "(See ...)"
// pointers in the running text become inline references, and every note lists the
// writing systems it uses.
#ifndef ANNOTATE_CITATION_PARSER_HPP_
#define ANNOTATE_CITATION_PARSER_HPP_

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "annotate/date_tagger.hpp"
#include "annotate/document.hpp"
#include "annotate/pattern_set.hpp"
#include "annotate/sentence_search.hpp"

namespace re2 {
class RE2;
}

namespace annotate {

class CitationParser {
 public:
  static constexpr const char* kRulesFile = "citation_rules.tsv";
  static constexpr const char* kWordsFile = "citation_words.tsv";

  /// Loads data/citation_rules.tsv and data/citation_words.tsv (or their replacements in
  /// `dir`). Throws annotate::Error with "file:line: message" on a malformed line.
  static CitationParser load(const std::optional<std::string>& dir);
  static CitationParser parse(std::string_view rules, const std::string& rules_name,
                              std::string_view words, const std::string& words_name);

  /// Fills Note::reference, Note::references, Note::scripts and Note::kind (comment for a
  /// note that is prose), and appends doc.inline_refs. A reference's issued date is one of
  /// doc.dates. REQUIRES: segment, split_sentences, link_callouts and DateTagger::tag have run.
  void parse_notes(Document& doc) const;

  /// Parses one reference written in text[span]: an endnote without its number. `dates`
  /// are the document's, in text order. Returns nothing when it is prose rather than a
  /// reference.
  std::optional<Reference> parse_reference(std::string_view text, Span span,
                                           const std::vector<DateMention>& dates) const;

 private:
  struct Pattern {
    std::string id;
    std::string kind;
    std::shared_ptr<const re2::RE2> regex;
  };
  /// Which patterns match text[span] somewhere, from one pass of the set of them all:
  /// find() tries only those, and asks again only when the span changes (it shrinks as
  /// fields are cut off), instead of running every pattern of a kind over the span.
  struct SpanScreen {
    Span span{static_cast<std::size_t>(-1), static_cast<std::size_t>(-1)};
    std::vector<int> hits;  ///< indices into patterns_, ascending
  };
  /// The first pattern of `kind` (in file order) that matches text[span], its groups in
  /// `groups`; or nullptr.
  const Pattern* find(std::string_view kind, std::string_view text, Span span, std::vector<Span>* groups,
                      SpanScreen& screen) const;
  std::vector<Name> parse_authors(std::string_view text, Span span) const;
  Name parse_name(std::string_view text, Span span) const;
  void parse_source_details(std::string_view text, Span span, const std::vector<DateMention>& dates,
                            Reference& reference) const;
  std::optional<Reference> parse_inline(std::string_view text, Span span, const std::vector<DateMention>& dates) const;

  std::vector<Pattern> patterns_;
  PatternSet pattern_set_;  ///< every pattern, for SpanScreen
  std::vector<SentenceScreen> inline_screens_;  ///< the inline_ref patterns, to screen sentences
  std::map<std::string, std::set<std::string, std::less<>>, std::less<>> words_;
};

/// The writing systems of the letters in `text`, in the order Latin, Han, Cyrillic, Hangul,
/// Kana, Arabic, Greek; punctuation and digits do not count.
std::vector<std::string> scripts_of(std::string_view text);

}  // namespace annotate

#endif  // ANNOTATE_CITATION_PARSER_HPP_
