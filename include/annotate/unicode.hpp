// SPDX-License-Identifier: MIT
// The few Unicode facts the segmenter needs (quotes, superscript digits, capital letters),
// decoded straight from UTF-8 so that no stage needs ICU.
#ifndef ANNOTATE_UNICODE_HPP_
#define ANNOTATE_UNICODE_HPP_

#include <cstddef>
#include <string_view>

namespace annotate {

/// Decodes the code point starting at text[i] and stores its byte length in *length.
/// REQUIRES: text is valid UTF-8 and i < text.size() is a code point boundary.
char32_t decode_at(std::string_view text, std::size_t i, std::size_t* length);

/// Decodes the code point ending just before text[i] and stores its byte length in *length.
/// REQUIRES: 0 < i <= text.size() and i is a code point boundary.
char32_t decode_before(std::string_view text, std::size_t i, std::size_t* length);

/// ” ’ " ' ) ] » and their kin: marks that may follow the punctuation ending a sentence.
bool is_closing_mark(char32_t c);
/// “ ‘ " ' ( [ « and their kin: marks that may open a sentence.
bool is_opening_mark(char32_t c);
/// A capital letter in the scripts commentaries mix (Latin, Greek, Cyrillic), or a CJK
/// ideograph, which has no case but can open a sentence.
bool starts_sentence_letter(char32_t c);
bool is_ascii_digit(char32_t c);
/// RE2's \w: an ASCII letter, digit or underscore, the bytes \b and \B tell from others.
bool is_regex_word_byte(unsigned char c);
/// The value of a superscript digit (¹ -> 1), or -1.
int superscript_digit_value(char32_t c);

/// True when no letter or digit continues the word at text[i]: at `end`, an ASCII byte
/// that is no letter or digit, punctuation (quotes, dashes, the possessive ’), a no-break
/// space, or a superscript callout. Where a name found in the text must end.
bool word_ends_at(std::string_view text, std::size_t i, std::size_t end);

/// `line` without closing marks at its end: "“unfriendly country.”" -> "“unfriendly country.".
std::string_view strip_closing_marks(std::string_view line);
/// `line` without one pair of enclosing quotes: "“The Camp David Trilateral”" -> the inside.
/// Returns `line` unchanged when it is not wholly quoted.
std::string_view strip_enclosing_quotes(std::string_view line);
/// True when `line` opens with a quote and ends with one.
bool is_wholly_quoted(std::string_view line);

}  // namespace annotate

#endif  // ANNOTATE_UNICODE_HPP_
