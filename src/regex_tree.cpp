// SPDX-License-Identifier: MIT
// The reader of patterns into trees: a recursive descent over RE2's syntax (re2/parse.cc),
// classes kept as code-point ranges, case folded as RE2 folds ASCII.
#include "annotate/regex_tree.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <utility>

namespace annotate {

namespace {

constexpr int kMaxDepth = 200;  // of nested groups

// Non-ASCII code points with no case (no other code point folds to or from them), checked
// against Unicode 14's case mappings: their i-flag classes are exact. Others fold by RE2's
// own tables, which the automaton does not copy.
bool caseless(char32_t lo, char32_t hi) {
  constexpr CodeRange kCaseless[] = {{0x80, 0xB4},     {0xB6, 0xBF},     {0xD7, 0xD7},     {0xF7, 0xF7},
                                     {0x2000, 0x2125}, {0x2190, 0x23FF}, {0x2500, 0x27FF}, {0x3000, 0x303F},
                                     {0x4E00, 0x9FFF}};
  return std::any_of(std::begin(kCaseless), std::end(kCaseless),
                     [&](CodeRange range) { return range.lo <= lo && hi <= range.hi; });
}

// Reads one pattern in RE2 syntax (re2/parse.cc), or throws Unsupported.
class Parser {
 public:
  /// `narrow`: read what cannot be decided exactly as a subset instead of a superset, so
  /// that a match of the narrow reading is a match for sure.
  Parser(std::string_view pattern, bool fold, bool narrow = false) : pattern_(pattern), fold_(fold), narrow_(narrow) {}

  Ast parse() {
    Ast ast = alternation(fold_, 0);
    if (at_ != pattern_.size()) throw Unsupported{};
    return ast;
  }
  /// True when a class was widened to what RE2 may fold or a property may hold (or, read
  /// narrow, narrowed).
  bool approximate() const { return widenings_ > 0; }

 private:
  bool more() const { return at_ < pattern_.size(); }
  char peek(std::size_t ahead = 0) const { return at_ + ahead < pattern_.size() ? pattern_[at_ + ahead] : '\0'; }
  bool accept(char c) {
    if (peek() != c || !more()) return false;
    ++at_;
    return true;
  }
  void expect(char c) {
    if (!accept(c)) throw Unsupported{};
  }

  // Branches separated by '|', up to a ')' or the end. "(?i)" changes the flag for the
  // rest of the group, later branches included.
  Ast alternation(bool fold, int depth) {
    if (depth > kMaxDepth) throw Unsupported{};
    Ast alternate = make(Ast::Kind::kAlternate);
    Ast branch = make(Ast::Kind::kConcat);
    while (more() && peek() != ')') {
      if (accept('|')) {
        alternate.subs.push_back(std::move(branch));
        branch = make(Ast::Kind::kConcat);
        continue;
      }
      Ast atom;
      if (peek() == '(') {
        std::optional<Ast> inner = group(&fold, depth);
        if (!inner) continue;  // "(?i)": the flag holds for the rest of this group
        atom = std::move(*inner);
      } else {
        atom = this->atom(fold);
      }
      repetitions(&atom);
      branch.subs.push_back(std::move(atom));
    }
    alternate.subs.push_back(std::move(branch));
    fold_pairs_in_alternation(&alternate);
    return alternate;
  }

  // RE2 reads a class of exactly one ASCII letter in both cases ("[Kk]") as that letter
  // under its case flag: alone it still matches the two, but an alternation that gathers
  // its one-character branches into one class (re2/parse.cc, FactorAlternation) gives it
  // the letter's whole Unicode fold: the Kelvin sign to [Kk], the long s to [Ss] (the
  // other letters fold within ASCII). Such a branch is read wide (with the sign) and
  // narrow (without), so that RE2 has the last word on a text where it matters.
  void fold_pairs_in_alternation(Ast* alternate) {
    if (alternate->subs.size() < 2) return;
    const auto single_class = [](Ast* branch) -> Ast* {
      while ((branch->kind == Ast::Kind::kConcat || branch->kind == Ast::Kind::kAlternate) && branch->subs.size() == 1) {
        branch = &branch->subs[0];
      }
      return branch->kind == Ast::Kind::kClass ? branch : nullptr;
    };
    const auto singles = std::count_if(alternate->subs.begin(), alternate->subs.end(),
                                       [&](Ast& branch) { return single_class(&branch) != nullptr; });
    if (singles < 2) return;
    for (Ast& branch : alternate->subs) {
      Ast* node = single_class(&branch);
      if (node == nullptr) continue;
      const std::vector<CodeRange>& ranges = node->set.normalize();
      const auto pair_of = [&](char32_t upper, char32_t lower) {
        return ranges.size() == 2 && ranges[0].lo == upper && ranges[0].hi == upper && ranges[1].lo == lower &&
               ranges[1].hi == lower;
      };
      const char32_t extra = pair_of('K', 'k') ? 0x212A : pair_of('S', 's') ? 0x017F : 0;
      if (extra == 0) continue;
      ++widenings_;
      if (!narrow_) node->set.add(extra, extra);
    }
  }

  void repetitions(Ast* atom) {
    while (more()) {
      int min = 0;
      int max = -1;
      const char c = peek();
      if (c == '*') {
        ++at_;
      } else if (c == '+') {
        ++at_;
        min = 1;
      } else if (c == '?') {
        ++at_;
        max = 1;
      } else if (c == '{' && counted(&min, &max)) {
      } else {
        return;
      }
      accept('?');  // lazy or greedy: the same set of matches
      if (max > 1000 || (max >= 0 && max < min)) throw Unsupported{};
      Ast repeat = make(Ast::Kind::kRepeat);
      repeat.min = min;
      repeat.max = max;
      repeat.subs.push_back(std::move(*atom));
      *atom = std::move(repeat);
    }
  }

  // "{n}", "{n,}", "{n,m}"; anything else leaves '{' a literal, as in RE2.
  bool counted(int* min, int* max) {
    std::size_t i = at_ + 1;
    auto number = [&](int* out) {
      const std::size_t first = i;
      long value = 0;
      while (i < pattern_.size() && pattern_[i] >= '0' && pattern_[i] <= '9' && value <= 100000) {
        value = value * 10 + (pattern_[i++] - '0');
      }
      *out = static_cast<int>(value);
      return i > first;
    };
    if (!number(min)) return false;
    *max = *min;
    if (i < pattern_.size() && pattern_[i] == ',') {
      ++i;
      *max = -1;
      if (i < pattern_.size() && pattern_[i] != '}' && !number(max)) return false;
    }
    if (i >= pattern_.size() || pattern_[i] != '}') return false;
    at_ = i + 1;
    return true;
  }

  // Anything but a group.
  Ast atom(bool fold) {
    const char c = peek();
    if (c == '[') return bracket_class(fold);
    if (c == '*' || c == '+' || c == '?') throw Unsupported{};
    ++at_;
    if (c == '.') {
      CodeSet set;  // any code point but \n
      set.add(0, '\n' - 1);
      set.add('\n' + 1, kMaxCodePoint);
      return class_of(std::move(set));
    }
    if (c == '^') return assertion(Assertion::kTextBegin);
    if (c == '$') return assertion(Assertion::kTextEnd);
    if (c == '\\') {
      const char e = peek();
      if (e == 'b' || e == 'B' || e == 'A' || e == 'z') {
        ++at_;
        return assertion(e == 'b' ? Assertion::kWordBoundary
                                  : e == 'B' ? Assertion::kNotWordBoundary
                                             : e == 'A' ? Assertion::kTextBegin : Assertion::kTextEnd);
      }
      CodeSet set;
      if (class_escape(fold, &set)) return class_of(std::move(set));
      const char32_t code = escaped_code();
      add_folded(&set, code, code, fold);
      return class_of(std::move(set));
    }
    --at_;
    const char32_t code = literal_code();
    CodeSet set;
    add_folded(&set, code, code, fold);
    return class_of(std::move(set));
  }

  // A group, or nothing for "(?flags)", which sets *fold for the rest of the enclosing
  // group. Of the flags only i, set or cleared, is read.
  std::optional<Ast> group(bool* fold, int depth) {
    expect('(');
    bool inner_fold = *fold;
    if (accept('?')) {
      if (accept(':')) {
      } else if (peek() == 'P' && peek(1) == '<') {
        const std::size_t close = pattern_.find('>', at_);
        if (close == std::string_view::npos) throw Unsupported{};
        at_ = close + 1;
      } else {
        bool negated = false;
        bool any = false;
        for (; more() && peek() != ':' && peek() != ')'; ++at_) {
          if (peek() == 'i') {
            inner_fold = !negated;
            any = true;
          } else if (peek() == '-' && !negated) {
            negated = true;
          } else {
            throw Unsupported{};
          }
        }
        if (!any) throw Unsupported{};
        if (accept(')')) {
          *fold = inner_fold;
          return std::nullopt;
        }
        expect(':');
      }
    }
    Ast inner = alternation(inner_fold, depth + 1);
    expect(')');
    return inner;
  }

  static Ast class_of(CodeSet set) {
    Ast ast = make(Ast::Kind::kClass);
    ast.set = std::move(set);
    return ast;
  }
  static Ast assertion(Assertion kind) {
    Ast ast = make(Ast::Kind::kAssert);
    ast.assertion = kind;
    return ast;
  }

  Ast bracket_class(bool fold) {
    expect('[');
    const bool negated = accept('^');
    const std::size_t members = at_;
    const int widenings_before = widenings_;
    CodeSet set = bracket_members(fold);
    if (!negated) return class_of(std::move(set));
    if (widenings_ == widenings_before) return class_of(set.complement());
    // The complement of a widened set is too narrow (any code point may match), and the
    // complement of a narrowed set too wide: a narrow reading takes the complement of
    // the wide one.
    if (!narrow_) return class_of(CodeSet::all());
    const std::size_t end = at_;
    at_ = members;
    narrow_ = false;
    CodeSet wide = bracket_members(fold);
    narrow_ = true;
    at_ = end;
    return class_of(wide.complement());
  }

  // The members of a bracket class up to its ']', as a set.
  CodeSet bracket_members(bool fold) {
    CodeSet set;
    for (bool first = true;; first = false) {
      if (!more()) throw Unsupported{};
      if (peek() == ']' && !first) {
        ++at_;
        return set;
      }
      if (peek() == '[' && peek(1) == ':') throw Unsupported{};  // POSIX classes
      if (peek() == '\\') {
        ++at_;
        if (class_escape(fold, &set)) continue;
        --at_;
      }
      const char32_t lo = class_code();
      char32_t hi = lo;
      if (peek() == '-' && peek(1) != ']' && at_ + 1 < pattern_.size()) {
        ++at_;
        hi = class_code();
        if (hi < lo) throw Unsupported{};
      }
      add_folded(&set, lo, hi, fold);
    }
  }

  // A member of a bracket class: an escaped or a literal code point.
  char32_t class_code() {
    if (accept('\\')) return escaped_code();
    return literal_code();
  }

  // After '\': \d \s \w, their negations, \p and \P, as a set; false (nothing read) for
  // anything else.
  bool class_escape(bool fold, CodeSet* out) {
    const char e = peek();
    CodeSet positive;
    switch (e) {
      case 'd':
      case 'D':
        positive.add('0', '9');
        break;
      case 's':
      case 'S':
        for (const char32_t c : {U'\t', U'\n', U'\f', U'\r', U' '}) positive.add(c, c);
        break;
      case 'w':
      case 'W':
        add_folded(&positive, '0', '9', fold);
        add_folded(&positive, 'A', 'Z', fold);
        add_folded(&positive, 'a', 'z', fold);
        positive.add('_', '_');
        break;
      case 'p':
      case 'P':
        ++at_;
        *out = property(e == 'P', fold);
        return true;
      default:
        return false;
    }
    ++at_;
    // As RE2 does under the i flag: the folded class first, then its complement.
    out->add(e >= 'A' && e <= 'Z' ? positive.complement() : positive);
    return true;
  }

  // \pL, \p{Lu}, \P{Ll}, \p{^Han}: RE2 holds the Unicode tables, so the automaton widens
  // the class to every non-ASCII code point (and the property's ASCII letters) and RE2
  // confirms a pattern that matches.
  CodeSet property(bool negated, bool fold) {
    std::string name;
    if (accept('{')) {
      const std::size_t close = pattern_.find('}', at_);
      if (close == std::string_view::npos) throw Unsupported{};
      name = std::string(pattern_.substr(at_, close - at_));
      at_ = close + 1;
    } else {
      if (!more()) throw Unsupported{};
      name = std::string(1, pattern_[at_++]);
    }
    if (!name.empty() && name[0] == '^') {
      negated = !negated;
      name.erase(0, 1);
    }
    ++widenings_;
    // The property's ASCII members, which are known; its others are not.
    CodeSet ascii;
    bool known = true;
    if (name == "L" || name == "Lu" || name == "Ll") {
      if (name != "Ll" || fold) ascii.add('A', 'Z');
      if (name != "Lu" || fold) ascii.add('a', 'z');
    } else if (name != "Lt" && name != "Lm" && name != "Lo" && name != "Han" && name != "Cyrillic" && name != "Greek") {
      known = false;
    }
    CodeSet wide = known ? ascii : CodeSet::all();
    wide.add(0x80, kMaxCodePoint);
    if (!narrow_) return negated ? CodeSet::all() : wide;
    if (negated) return wide.complement();
    return known ? ascii : CodeSet();
  }

  // After '\': a code point written as an escape.
  char32_t escaped_code() {
    if (!more()) throw Unsupported{};
    const char e = pattern_[at_++];
    switch (e) {
      case 'a':
        return 0x07;
      case 'f':
        return 0x0C;
      case 't':
        return 0x09;
      case 'n':
        return 0x0A;
      case 'r':
        return 0x0D;
      case 'v':
        return 0x0B;
      case 'x': {
        const bool braced = accept('{');
        char32_t value = 0;
        int digits = 0;
        for (; more() && std::isxdigit(static_cast<unsigned char>(peek())) && digits < 8; ++digits) {
          const char h = pattern_[at_++];
          value = value * 16 + static_cast<char32_t>(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
          if (!braced && digits == 1) {
            ++digits;
            break;
          }
        }
        if (braced) expect('}');
        if (digits == 0 || (!braced && digits != 2) || value > kMaxCodePoint) throw Unsupported{};
        return value;
      }
      default:
        break;
    }
    const auto u = static_cast<unsigned char>(e);
    // Punctuation escapes itself; letters and digits name other things (\Q, \C, \1).
    if (u < 0x80 && !std::isalnum(u) && e != '_') return u;
    throw Unsupported{};
  }

  // A code point written as itself, in UTF-8.
  char32_t literal_code() {
    const auto lead = static_cast<unsigned char>(pattern_[at_]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (lead >= 0x80 && lead < 0xC2) throw Unsupported{};
    if (at_ + length > pattern_.size()) throw Unsupported{};
    char32_t code = length == 1 ? lead : length == 2 ? lead & 0x1F : length == 3 ? lead & 0x0F : lead & 0x07;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(pattern_[at_ + k]);
      if ((next & 0xC0) != 0x80) throw Unsupported{};
      code = (code << 6) | (next & 0x3F);
    }
    at_ += length;
    return code;
  }

  // Adds [lo, hi] and, under the i flag, what RE2 folds it to: the other case of ASCII
  // letters, with K (U+212A) for k and ſ (U+017F) for s. Non-ASCII code points with a case
  // widen the set to every letter and non-ASCII code point.
  void add_folded(CodeSet* set, char32_t lo, char32_t hi, bool fold) {
    set->add(lo, hi);
    if (!fold) return;
    auto shifted = [&](char32_t from, char32_t to, char32_t target) {
      const char32_t a = std::max(lo, from);
      const char32_t b = std::min(hi, to);
      if (a <= b) set->add(a - from + target, b - from + target);
    };
    shifted('A', 'Z', 'a');
    shifted('a', 'z', 'A');
    auto covers = [&](char32_t c) { return lo <= c && c <= hi; };
    if (covers('k') || covers('K')) set->add(0x212A, 0x212A);
    if (covers('s') || covers('S')) set->add(0x017F, 0x017F);
    if (hi < 0x80 || caseless(std::max<char32_t>(lo, 0x80), hi)) return;
    ++widenings_;
    if (narrow_) return;  // [lo, hi] itself is surely in
    set->add('A', 'Z');
    set->add('a', 'z');
    set->add(0x80, kMaxCodePoint);
  }

  std::string_view pattern_;
  bool fold_;
  bool narrow_;
  std::size_t at_ = 0;
  int widenings_ = 0;  // classes widened so far
};

}  // namespace

PatternTree read_pattern(std::string_view pattern, bool fold, bool narrow) {
  Parser parser(pattern, fold, narrow);
  PatternTree tree;
  tree.ast = parser.parse();
  tree.approximate = parser.approximate();
  return tree;
}

}  // namespace annotate
