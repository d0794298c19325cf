// SPDX-License-Identifier: MIT
// Loading the date rules and evaluating their TIMEX3 templates. Patterns name their parts
// (year, month, mod, ...) so that one small evaluator serves every rule, and adding a
// spelling or a pattern is an edit to data/, not to this file.
#include "annotate/date_rules.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>

#include "annotate/data_file.hpp"
#include "annotate/error.hpp"
#include "annotate/pattern_set.hpp"

namespace annotate {

namespace {

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// Replaces each {NAME} in `pattern` by the macro or word class of that name.
std::string expand(std::string_view pattern, const std::map<std::string, std::string>& pieces,
                   const std::string& where) {
  std::string out;
  std::size_t i = 0;
  while (i < pattern.size()) {
    const std::size_t open = pattern.find('{', i);
    if (open == std::string_view::npos) break;
    const std::size_t close = pattern.find('}', open);
    const std::string_view name =
        close == std::string_view::npos ? std::string_view() : pattern.substr(open + 1, close - open - 1);
    const bool is_name = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || c == '_';
    });
    if (!is_name) {  // a repetition such as {1,3}
      out.append(pattern.substr(i, open + 1 - i));
      i = open + 1;
      continue;
    }
    const auto piece = pieces.find(std::string(name));
    if (piece == pieces.end()) throw Error(where + "unknown word class or macro {" + std::string(name) + "}");
    out.append(pattern.substr(i, open - i));
    out += piece->second;
    i = close + 1;
  }
  out.append(pattern.substr(i));
  return out;
}

// A word class as an RE2 alternation, longest words first so that "Sept" beats "Sep".
std::string alternation(const std::map<std::string, std::string, std::less<>>& words) {
  std::vector<std::string> sorted;
  for (const auto& entry : words) sorted.push_back(RE2::QuoteMeta(entry.first));
  std::sort(sorted.begin(), sorted.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  std::string out = "(?:";
  for (std::size_t i = 0; i < sorted.size(); ++i) out += (i ? "|" : "") + sorted[i];
  return out + ")";
}

std::string pad2(int value) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d", value);
  return buffer;
}

int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
    if (value > 100000) return -1;
  }
  return digits.empty() ? -1 : value;
}

// Days of a month, for stepping a date back by one day.
int days_in_month(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// Reads a rule's value template into parts and finds its named groups, as evaluate() needs
// them: the same reading as a scan of the template for every match, done once.
void compile_value(DateRule& rule) {
  static constexpr const char* kNames[DateRule::kNamedCount] = {"year",    "year2",  "yy",   "month", "month2",
                                                                "day",     "season", "half", "quarter",
                                                                "decade",  "num",    "unit", "mod"};
  for (int n = 0; n < DateRule::kNamedCount; ++n) {
    const auto it = rule.groups.find(kNames[n]);
    rule.named[static_cast<std::size_t>(n)] = it == rule.groups.end() ? -1 : it->second;
  }
  const std::string& text = rule.value_template;
  rule.value_parts.clear();
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t open = text.find('{', i);
    const std::size_t close = open == std::string::npos ? open : text.find('}', open);
    if (close == std::string::npos) break;
    DateRule::Part part;
    part.literal = text.substr(i, open - i);
    part.key = text.substr(open + 1, close - open - 1);
    using Part = DateRule::Part;
    const std::string& key = part.key;
    part.kind = key == "year"     ? Part::kYearPiece
                : key == "year2"    ? Part::kYear2Piece
                : key == "month"    ? Part::kMonthPiece
                : key == "month2"   ? Part::kMonth2Piece
                : key == "day"      ? Part::kDayPiece
                : key == "season"   ? Part::kSeasonPiece
                : key == "half"     ? Part::kHalfPiece
                : key == "quarter"  ? Part::kQuarterPiece
                : key == "decade"   ? Part::kDecadePiece
                : key == "duration" ? Part::kDurationPiece
                : key.rfind("ry", 0) == 0 || key.rfind("rm", 0) == 0 || key.rfind("rd", 0) == 0 ? Part::kRelativePiece
                                                                                                 : Part::kGroupPiece;
    rule.value_parts.push_back(std::move(part));
    i = close + 1;
  }
  if (i < text.size()) rule.value_parts.push_back(DateRule::Part{text.substr(i), DateRule::Part::kNone, ""});
}

}  // namespace

DateRules DateRules::parse(std::string_view rules, const std::string& rules_name,
                           std::string_view words, const std::string& words_name) {
  DateRules result;
  std::map<std::string, std::map<std::string, std::string, std::less<>>> classes;  // in order, for the patterns
  for_each_data_line(words, [&](std::size_t line_number, std::string_view line) {
    const std::vector<std::string_view> fields = split_tabs(line);
    if (fields.size() != 3 || fields[0].empty() || fields[1].empty()) {
      throw Error(located_message(words_name, line_number,
                                  "expected 3 tab-separated fields (class, word, value)"));
    }
    classes[std::string(fields[0])][std::string(fields[1])] = std::string(fields[2]);
  });
  std::map<std::string, std::string> pieces;
  for (const auto& [word_class, entries] : classes) {
    pieces[upper(word_class)] = alternation(entries);
    result.words_.emplace_back(word_class, std::unordered_map<std::string, std::string>(entries.begin(), entries.end()));
  }

  for_each_data_line(rules, [&](std::size_t line_number, std::string_view line) {
    const std::string where = located_message(rules_name, line_number, "");
    const std::vector<std::string_view> fields = split_tabs(line);
    if (fields.size() != 6) {
      throw Error(where + "expected 6 tab-separated fields (id, type, value, mod, guard, pattern), found " +
                  std::to_string(fields.size()));
    }
    const std::string expanded = expand(fields[5], pieces, where);
    if (fields[1] == "macro") {
      pieces[std::string(fields[0])] = expanded;
      return;
    }
    if (fields[1] != "DATE" && fields[1] != "DURATION" && fields[1] != "SET") {
      throw Error(where + "type must be DATE, DURATION, SET or macro");
    }
    if (fields[4] != "-" && fields[4] != "number") throw Error(where + "guard must be - or number");
    auto pattern = compile_pattern(expanded, RE2::Options(), where);
    DateRule rule;
    rule.id = std::string(fields[0]);
    rule.type = std::string(fields[1]);
    rule.value_template = std::string(fields[2]);
    rule.mod_template = std::string(fields[3]);
    rule.number_guard = fields[4] == "number";
    for (const auto& [name, index] : pattern->NamedCapturingGroups()) rule.groups[name] = index;
    if (const auto span = rule.groups.find("span"); span != rule.groups.end()) rule.span_group = span->second;
    compile_value(rule);
    rule.start = MatchStart(*pattern);
    rule.pattern = std::move(pattern);
    result.rules_.push_back(std::move(rule));
  });
  return result;
}

DateRules DateRules::load(const std::optional<std::string>& dir) {
  const DataText rules = read_data_file(dir, kRulesFile);
  const DataText words = read_data_file(dir, kWordsFile);
  return parse(rules.content, rules.name, words.content, words.name);
}

const std::string* DateRules::find_word(std::string_view word_class, std::string_view word) const {
  const auto entries =
      std::find_if(words_.begin(), words_.end(), [&](const auto& named) { return named.first == word_class; });
  if (entries == words_.end()) return nullptr;
  std::string key(word);
  auto entry = entries->second.find(key);
  if (entry == entries->second.end() && !key.empty() && key[0] >= 'A' && key[0] <= 'Z') {
    // A capital only because the word opens a sentence: "Two years ago".
    key[0] = static_cast<char>(key[0] - 'A' + 'a');
    entry = entries->second.find(key);
  }
  return entry == entries->second.end() ? nullptr : &entry->second;
}

std::optional<std::string> DateRules::word_value(std::string_view word_class, std::string_view word) const {
  const std::string* value = find_word(word_class, word);
  if (value == nullptr) return std::nullopt;
  return *value;
}

bool DateRules::is_count_noun(std::string_view word) const { return has_word("count_noun", word); }

DateValue DateRules::evaluate(const DateRule& rule, MatchGroups groups, const ReferenceDate& reference) const {
  DateValue result;
  auto group = [&](const std::string& name) -> std::string_view {
    const auto it = rule.groups.find(name);
    if (it == rule.groups.end()) return {};
    return groups[static_cast<std::size_t>(it->second)];
  };
  auto named = [&](DateRule::Named name) -> std::string_view {
    const int index = rule.named[name];
    return index < 0 ? std::string_view() : groups[static_cast<std::size_t>(index)];
  };
  auto class_value = [&](const std::string& word_class, DateRule::Named name) {
    return word_value(word_class, named(name)).value_or("XX");
  };
  // Reference-relative pieces; an unknown reference gives TIMEX3's X placeholders.
  auto relative = [&](const std::string& key) -> std::string {
    result.needs_reference = true;
    const bool year_only = key.rfind("ry", 0) == 0;
    if (reference.year == 0 || (!year_only && reference.month == 0)) {
      result.anchored = false;
      return year_only ? "XXXX" : key.rfind("rm", 0) == 0 ? "XXXX-XX" : "XXXX-XX-XX";
    }
    int year = reference.year;
    int month = reference.month;
    int day = reference.day;
    if (key == "ry-1") return std::to_string(year - 1);
    if (key == "ry+1") return std::to_string(year + 1);
    if (key == "ry-num") {
      const std::string n = word_value("number", named(DateRule::kNum)).value_or(std::string(named(DateRule::kNum)));
      const int count = to_int(n);
      return count < 0 ? "XXXX" : std::to_string(year - count);
    }
    if (key == "ry") return std::to_string(year);
    if (key == "rm-1" || key == "rm+1") {
      month += key == "rm-1" ? -1 : 1;
      if (month == 0) month = 12, --year;
      if (month == 13) month = 1, ++year;
    }
    if (key.rfind("rm", 0) == 0) return std::to_string(year) + "-" + pad2(month);
    if (key == "rd-1" && --day == 0) {
      if (--month == 0) month = 12, --year;
      day = days_in_month(year, month);
    }
    return std::to_string(year) + "-" + pad2(month) + "-" + pad2(day);
  };
  auto duration = [&]() -> std::string {
    std::string unit = word_value("unit", named(DateRule::kUnit)).value_or("");
    if (unit.empty()) unit = "Y";
    const std::string_view num = named(DateRule::kNum);
    const std::string number = num.empty() ? "X" : word_value("number", num).value_or(std::string(num));
    int multiplier = 1;
    if (unit.size() > 1) {  // "10Y" for decades, "100Y" for centuries
      multiplier = to_int(std::string_view(unit).substr(0, unit.size() - 1));
      unit = unit.substr(unit.size() - 1);
    }
    if (number == "X") return std::string("PX") + (multiplier == 10 ? "DE" : multiplier == 100 ? "CE" : unit);
    const int count = to_int(number);
    return "P" + (count < 0 ? std::string("X") : std::to_string(count * multiplier)) + unit;
  };
  // "2020-12-30" spells the month in digits, "December" by name.
  auto month = [&](DateRule::Named name) {
    const int number = to_int(named(name));
    return number > 0 ? pad2(number) : class_value("month", name);
  };
  auto piece = [&](const DateRule::Part& part) -> std::string {
    using Part = DateRule::Part;
    switch (part.kind) {
      case Part::kNone:
        return std::string();
      case Part::kYearPiece:
        return std::string(named(DateRule::kYear));
      case Part::kYear2Piece: {
        if (!named(DateRule::kYear2).empty()) return std::string(named(DateRule::kYear2));
        const int year = to_int(named(DateRule::kYear));
        const int yy = to_int(named(DateRule::kYy));
        int century = year / 100 * 100;
        if (yy <= year % 100) century += 100;  // "1999-00"
        return std::to_string(century + yy);
      }
      case Part::kMonthPiece:
        return month(DateRule::kMonth);
      case Part::kMonth2Piece:
        return month(DateRule::kMonth2);
      case Part::kDayPiece:
        return pad2(to_int(named(DateRule::kDay)));
      case Part::kSeasonPiece:
        return class_value("season", DateRule::kSeason);
      case Part::kHalfPiece:
        return class_value("half", DateRule::kHalf);
      case Part::kQuarterPiece:
        return class_value("quarter", DateRule::kQuarter);
      case Part::kDecadePiece:
        return std::string(named(DateRule::kDecade).substr(0, 3));
      case Part::kDurationPiece:
        return duration();
      case Part::kRelativePiece:
        return relative(part.key);
      case Part::kGroupPiece:
        return std::string(group(part.key));
    }
    return std::string();
  };
  for (const DateRule::Part& part : rule.value_parts) {
    result.value += part.literal;
    result.value += piece(part);
  }
  if (rule.mod_template == "{mod}") {
    result.mod = word_value("mod", named(DateRule::kMod)).value_or("");
  } else if (rule.mod_template != "-") {
    result.mod = rule.mod_template;
  }
  return result;
}

}  // namespace annotate
