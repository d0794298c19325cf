// SPDX-License-Identifier: MIT
// Loading and finding the red-line tagger's cues (see redline_cues.hpp).
#include "annotate/redline_cues.hpp"

#include <algorithm>
#include <set>

#include "annotate/data_file.hpp"
#include "annotate/error.hpp"

namespace annotate {

namespace {

const std::set<std::string, std::less<>> kKinds = {
    "warn", "threat_noun", "idiom", "line", "cross", "not_cross", "negation", "condition", "hedge",
    "consequence", "trigger_marker", "receive", "cameo_138", "cameo_1313", "cameo_1312", "cameo_131"};

}  // namespace

bool RedlineCues::ignores_case(std::string_view kind) {
  // "In May" is no hedge.
  return kind != "condition" && kind != "threat_noun" && kind != "trigger_marker" && kind != "hedge";
}

RedlineCues RedlineCues::parse(std::string_view content, const std::string& name) {
  RedlineCues cues;
  for_each_data_line(content, [&](std::size_t line_number, std::string_view line) {
    const std::string where = located_message(name, line_number, "");
    const std::vector<std::string_view> fields = split_tabs(line);
    if (fields.size() < 3) throw Error(where + "expected 3 tab-separated fields (kind, id, pattern)");
    if (fields.size() > 4) throw Error(where + "expected at most 4 tab-separated fields (kind, id, pattern, needs)");
    if (kKinds.count(fields[0]) == 0) throw Error(where + "unknown kind '" + std::string(fields[0]) + "'");
    CueNeeds needs = CueNeeds::kNothing;
    if (fields.size() == 4 && fields[3] != "-") {
      if (fields[0] != "warn" && fields[0] != "threat_noun" && fields[0] != "idiom") {
        throw Error(where + "only warn, threat_noun and idiom cues have needs");
      }
      if (fields[3] == "threat") {
        needs = CueNeeds::kThreat;
      } else if (fields[3] == "condition") {
        needs = CueNeeds::kCondition;
      } else {
        throw Error(where + "unknown needs '" + std::string(fields[3]) + "' (-, threat or condition)");
      }
    }
    RE2::Options options;
    options.set_case_sensitive(!ignores_case(fields[0]));
    auto pattern = compile_pattern(fields[2], options, where);
    auto of_kind = std::find_if(cues.by_kind_.begin(), cues.by_kind_.end(),
                                [&](const auto& entry) { return entry.first == fields[0]; });
    if (of_kind == cues.by_kind_.end()) of_kind = cues.by_kind_.emplace(cues.by_kind_.end(), fields[0], std::vector<std::size_t>());
    of_kind->second.push_back(cues.cues_.size());
    const bool anchor = fields[0] == "warn" || fields[0] == "threat_noun" || fields[0] == "idiom" || fields[0] == "line";
    cues.cues_.push_back(RedlineCue{std::string(fields[0]), std::string(fields[1]), std::move(pattern), anchor, needs});
  });
  return cues;
}

RedlineCues RedlineCues::load(const std::optional<std::string>& dir) {
  const DataText file = read_data_file(dir, kFile);
  return parse(file.content, file.name);
}

std::vector<std::string> RedlineCues::anchor_patterns() const {
  std::vector<std::string> patterns;
  for (const RedlineCue& cue : cues_) {
    if (!cue.anchor) continue;
    patterns.push_back(ignores_case(cue.kind) ? "(?i:" + cue.pattern->pattern() + ")" : cue.pattern->pattern());
  }
  return patterns;
}

const RedlineCues::Screens& RedlineCues::screens() const {
  // Built on first use: a run over documents without a claim's anchor needs neither, and
  // compiling them is a third of the start-up time.
  std::call_once(screens_->built, [&] {
    // One pass of a set over each sentence says which cues occur at all: most sentences
    // have no anchor cue and are done, and the others run only the cues that occur.
    RE2::Options options;
    options.set_log_errors(false);
    options.set_case_sensitive(false);
    std::vector<std::string> patterns;
    std::vector<std::string> labels;
    for (const RedlineCue& cue : cues_) {
      patterns.push_back(cue.pattern->pattern());
      labels.push_back("red-line cue " + cue.id);
    }
    screens_->cue_set = PatternSet(patterns, labels, RE2::UNANCHORED, options, "red-line cues");
    // Cheaper still: one pattern of the anchor cues alone decides most sentences.
    std::string anchors;
    for (const RedlineCue& cue : cues_) {
      if (cue.anchor) anchors += (anchors.empty() ? "(?:" : "|(?:") + cue.pattern->pattern() + ")";
    }
    auto anchor_filter = std::make_shared<const RE2>(anchors.empty() ? std::string("$^") : anchors, options);
    if (!anchor_filter->ok()) throw Error("the red-line anchor cues do not combine: " + anchor_filter->error());
    screens_->anchor_filter = SentenceScreen(std::move(anchor_filter));
  });
  return *screens_;
}

RedlineCues::Presence RedlineCues::present_in(std::string_view text) const {
  Presence presence;
  presence.present.resize(cues_.size());
  std::vector<int> hits;
  screens().cue_set.match(text, &hits, &presence.search_end);
  for (const int c : hits) presence.present[static_cast<std::size_t>(c)] = true;
  return presence;
}

std::vector<bool> RedlineCues::anchor_flags(const Document& doc) const { return screens().anchor_filter.flags(doc); }

const std::vector<std::size_t>* RedlineCues::cues_of_kind(std::string_view kind) const {
  for (const auto& [name, indices] : by_kind_) {
    if (name == kind) return &indices;
  }
  return nullptr;
}

std::vector<CueHit> RedlineCues::find(std::string_view text, Span span, std::string_view kind,
                                      const Presence* present, Wanted wanted) const {
  std::vector<CueHit> found;
  const re2::StringPiece piece(text.data() + span.begin, span.size());
  const std::vector<std::size_t>* of_kind = cues_of_kind(kind);
  if (of_kind == nullptr) return found;
  for (const std::size_t c : *of_kind) {
    const RedlineCue& cue = cues_[c];
    if (present != nullptr && !(*present)[c]) continue;
    re2::StringPiece match;
    // Past the cue's last match, a search would only walk to the end and fail.
    const std::size_t search_end = present != nullptr ? present->search_end[c] : piece.size() + 1;
    std::size_t position = 0;
    while (position < search_end && cue.pattern->Match(piece, position, piece.size(), RE2::UNANCHORED, &match, 1)) {
      const auto begin = static_cast<std::size_t>(match.data() - text.data());
      position = static_cast<std::size_t>(match.data() - piece.data()) + std::max<std::size_t>(match.size(), 1);
      // "the US “Cold-War” mentality", "post-war", "non-nuclear": the end of a compound is
      // part of another word, no cue.
      if (begin > span.begin && text[begin - 1] == '-') continue;
      found.push_back(CueHit{&cue, Span{begin, begin + match.size()}});
      // A cue's later matches cannot come first: one search (rather than one more that
      // fails at the end of the sentence) is enough.
      if (wanted == Wanted::kFirst) break;
    }
  }
  // At one offset, the cue listed first comes first (cues_ is in file order).
  std::sort(found.begin(), found.end(), [](const CueHit& a, const CueHit& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.cue < b.cue;
  });
  if (wanted == Wanted::kFirst && found.size() > 1) found.resize(1);
  return found;
}

}  // namespace annotate
