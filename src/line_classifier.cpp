// SPDX-License-Identifier: MIT
// Line classification: every structure rule is tried against whole lines only, so each
// line costs one pass per rule kind and nothing here can go quadratic in a long line.
#include "annotate/line_classifier.hpp"

#include <array>

#include "annotate/unicode.hpp"

namespace annotate {

namespace {

// Converts a view into `line` back into a span of the text `line` starts at `base`.
Span span_of(std::string_view piece, std::string_view line, std::size_t base) {
  const auto offset = static_cast<std::size_t>(piece.data() - line.data());
  return Span{base + offset, base + offset + piece.size()};
}

std::optional<int> parse_number(std::string_view digits_or_roman) {
  if (digits_or_roman.empty()) return std::nullopt;
  if (digits_or_roman[0] >= '0' && digits_or_roman[0] <= '9') {
    int value = 0;
    for (char c : digits_or_roman) {
      if (c < '0' || c > '9' || value > 9999) return std::nullopt;
      value = value * 10 + (c - '0');
    }
    return value;
  }
  const int value = roman_value(digits_or_roman);
  if (value == 0) return std::nullopt;
  return value;
}

std::size_t count_words(std::string_view line) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : line) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// Headings, bylines and appendix titles may be longer than a plain heading, but a line twice
// the limits is prose whatever it starts with.
bool within_twice_the_limits(std::string_view line, const Rules& rules) {
  return count_code_points(line) <= 2 * rules.heading_max_chars() &&
         count_words(line) <= 2 * rules.heading_max_words();
}

// `line` without a footnote callout glued to its end ("...region.”3", "follow.*", "here.[2]"),
// so that a sentence ending in a callout is not taken for a heading. A trailing number
// counts only after punctuation or a closing mark: "Response 4" and "2023" keep theirs.
std::string_view strip_trailing_callout(std::string_view line) {
  std::string_view rest = line;
  while (!rest.empty()) {
    std::size_t length = 0;
    const char32_t c = decode_before(rest, rest.size(), &length);
    if (c != U'*' && c != U'\u2020' && c != U'\u2021' && superscript_digit_value(c) < 0) break;
    rest.remove_suffix(length);
  }
  if (rest.size() != line.size()) return rest;
  if (!rest.empty() && rest.back() == ']') {
    const std::size_t open = rest.rfind('[');
    if (open != std::string_view::npos && open > 0 && rest.size() - open <= 5) return rest.substr(0, open);
  }
  std::size_t digits = 0;
  while (digits < rest.size() && digits < 4 && is_ascii_digit(static_cast<unsigned char>(rest[rest.size() - 1 - digits]))) {
    ++digits;
  }
  if (digits == 0 || digits > 3 || digits == rest.size()) return line;
  std::size_t length = 0;
  const char32_t before = decode_before(rest, rest.size() - digits, &length);
  const bool glued = before == U'.' || before == U',' || before == U';' || before == U':' ||
                     before == U'?' || before == U'!' || (is_closing_mark(before) && before != U')');
  return glued ? rest.substr(0, rest.size() - digits) : line;
}

}  // namespace

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

int roman_value(std::string_view numeral) {
  static constexpr std::array<std::pair<std::string_view, int>, 13> kParts = {{
      {"M", 1000}, {"CM", 900}, {"D", 500}, {"CD", 400}, {"C", 100}, {"XC", 90},
      {"L", 50}, {"XL", 40}, {"X", 10}, {"IX", 9}, {"V", 5}, {"IV", 4}, {"I", 1}}};
  if (numeral.empty() || numeral.size() > 15) return 0;
  // Read greedily, then accept only the canonical spelling of the value read, which rejects
  // "IIII", "VX" and every word that merely consists of the letters.
  int value = 0;
  std::string_view rest = numeral;
  for (const auto& [letters, amount] : kParts) {
    while (rest.substr(0, letters.size()) == letters) {
      value += amount;
      rest.remove_prefix(letters.size());
    }
  }
  if (!rest.empty()) return 0;
  std::string canonical;
  int remaining = value;
  for (const auto& [letters, amount] : kParts) {
    for (; remaining >= amount; remaining -= amount) canonical += letters;
  }
  return canonical == numeral ? value : 0;
}

bool looks_like_heading(std::string_view line, const Rules& rules) {
  // Every test must pass; the ones that look at a byte or two come first, so that a
  // paragraph (which ends with a stop) is ruled out before its code points are counted.
  if (line.empty()) return false;
  // A code point takes at most four bytes.
  if (line.size() > 4 * rules.heading_max_chars()) return false;
  const unsigned char first = static_cast<unsigned char>(line[0]);
  if (first >= 'a' && first <= 'z') return false;
  const std::string_view inner = strip_closing_marks(strip_trailing_callout(line));
  if (inner.empty()) return false;
  const char last = inner.back();
  if (last == '.' || last == '?' || last == '!' || last == ':' || last == ';' || last == ',') return false;
  if (count_code_points(line) > rules.heading_max_chars()) return false;
  if (count_words(line) > rules.heading_max_words()) return false;
  bool has_letter = false;
  for (char c : line) {
    const auto u = static_cast<unsigned char>(c);
    has_letter = has_letter || (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || u >= 0x80;
  }
  return has_letter;
}

std::vector<Line> classify_lines(std::string_view text, const Rules& rules) {
  std::vector<Line> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const Span span = trim(text, Span{start, end});
    start = end + 1;
    if (span.empty()) continue;

    Line line;
    line.span = span;
    const std::string_view content = span.of(text);
    auto take = [&](LineClass kind, const LineMatch& match) {
      line.kind = kind;
      line.rule = match.rule;
      return match;
    };
    const bool heading_like = looks_like_heading(content, rules);
    const std::vector<int> screened = rules.screen(content);
    if (auto m = rules.match(LineRuleKind::kBoilerplate, content, &screened)) {
      take(LineClass::kBoilerplate, *m);
    } else if (auto r = rules.match(LineRuleKind::kResponse, content, &screened);
               r && within_twice_the_limits(content, rules) && parse_number(r->groups[0])) {
      take(LineClass::kResponse, *r);
      line.number = parse_number(r->groups[0]);
      line.title = span_of(r->groups[1], content, span.begin);
    } else if (auto n = rules.match(LineRuleKind::kNumberedSection, content, &screened);
               n && heading_like && roman_value(n->groups[0]) > 0) {
      take(LineClass::kNumberedSection, *n);
      line.number = roman_value(n->groups[0]);
      line.title = span_of(n->groups[1], content, span.begin);
    } else if (auto md = rules.match(LineRuleKind::kMarkdown, content, &screened);
               md && within_twice_the_limits(content, rules)) {
      take(LineClass::kMarkdown, *md);
      line.markdown_depth = static_cast<int>(md->groups[0].size());
      line.title = span_of(md->groups[1], content, span.begin);
    } else if (auto a = rules.match(LineRuleKind::kAppendix, content, &screened); a && heading_like) {
      take(LineClass::kAppendix, *a);
      line.symbol = std::string(a->groups[0]);
      line.title = span_of(a->groups[1], content, span.begin);
    } else if (auto h = rules.match(LineRuleKind::kNotesHeading, content, &screened)) {
      take(LineClass::kNotesHeading, *h);
      line.title = span;
    } else if (auto item = rules.match(LineRuleKind::kNoteItem, content, &screened);
               item && parse_number(item->groups[0])) {
      take(LineClass::kNoteItem, *item);
      line.number = parse_number(item->groups[0]);
      line.title = span_of(item->groups[1], content, span.begin);
    } else if (auto b = rules.match(LineRuleKind::kByline, content, &screened);
               b && within_twice_the_limits(content, rules)) {
      take(LineClass::kByline, *b);
      line.title = span;
    } else if (heading_like) {
      line.kind = LineClass::kPlainHeading;
      line.title = span_of(strip_enclosing_quotes(content), content, span.begin);
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace annotate
