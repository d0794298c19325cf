// SPDX-License-Identifier: MIT
// Clause-level scanning of English prose, for the red-line tagger: words and clauses found
// by spaces and punctuation, without a parser. Offsets are bytes into the document text;
// every function stays within the bounds it is given.
#ifndef ANNOTATE_CLAUSE_TEXT_HPP_
#define ANNOTATE_CLAUSE_TEXT_HPP_

#include <cstddef>
#include <initializer_list>
#include <string_view>
#include <utility>

#include "annotate/span.hpp"

namespace annotate {

/// The words in text[from, to), counted by spaces.
std::size_t words_between(std::string_view text, std::size_t from, std::size_t to);

/// Where the clause that starts at `from` ends: the next , ; : ( ) em dash, or a period
/// before a space, or `end`.
std::size_t clause_end(std::string_view text, std::size_t from, std::size_t end);

/// `span` without surrounding spaces, a trailing period or comma, and a trailing word that
/// needs an object ("nationalize Japanese assets in" ends before " in").
Span trim_span(std::string_view text, Span span);

/// The earliest of `words` in text[from, stop): where it starts and its length, or
/// {npos, 0}. A word listed first wins a tie.
std::pair<std::size_t, std::size_t> earliest_of(std::string_view text, std::initializer_list<std::string_view> words,
                                                std::size_t from, std::size_t stop);

/// The word that ends at text[end], or before the spaces there, not reaching before `limit`.
std::string_view word_before(std::string_view text, std::size_t end, std::size_t limit);

/// The next word at or after `from` (spaces skipped), ending at a space , . ; or `end`.
std::string_view word_at(std::string_view text, std::size_t from, std::size_t end);

/// True for the modals that put an act in the future or the conditional: would, will,
/// could, might, may.
bool is_modal(std::string_view word);

/// True when the word before text[at] is a preposition: "from Tokyo", "with NATO".
bool after_preposition(std::string_view text, std::size_t at, std::size_t begin);

/// Where the verb of a clause's subject begins in text[span]: the first auxiliary, modal or
/// hedge in its place ("appears", "probably") after the subject's first word ("The August
/// 18 summit may be taken as" ends before "may"), the spaces before it left out; else the
/// span's end.
std::size_t verb_group_start(std::string_view text, Span span);

/// Where a consequence that starts at `start` ends: at its clause's end (clause_end), or
/// before a reason or a condition (" over ", " after ", " if ", " unless ", " should ",
/// " as ", " because ", " in response to ", " for ", " from ", " during ", " since ",
/// " until ") or a year (" in " before a digit), each word in that order and only where
/// it ends before the stop the ones before it set.
std::size_t consequence_end(std::string_view text, std::size_t start, std::size_t end);

}  // namespace annotate

#endif  // ANNOTATE_CLAUSE_TEXT_HPP_
