// SPDX-License-Identifier: MIT
#include "annotate/pattern_set.hpp"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>
#include <mutex>

#include "annotate/error.hpp"

namespace annotate {

std::shared_ptr<const RE2> compile_pattern(std::string_view pattern, RE2::Options options, const std::string& where) {
  options.set_log_errors(false);
  auto compiled = std::make_shared<const RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
  if (!compiled->ok()) throw Error(where + "bad pattern: " + compiled->error());
  return compiled;
}

namespace {

// The first bytes of the non-empty matches of `pattern` right after `context` ("" for the
// start of the text): RE2's PossibleMatchRange of context + pattern bounds every such
// string, so the byte after the context lies between the bounds' bytes there. What may
// precede a match matters: "\Bb|\bc" at the start of a text matches only "c", after a
// letter also "b".
struct FirstBytes {
  enum Kind { kNone, kRange, kAny } kind = kAny;  // none: no non-empty match after context
  unsigned char low = 0;
  unsigned char high = 0xFF;
};

// REQUIRES: `context` is its own pattern (no byte RE2 reads as an operator).
FirstBytes first_bytes_after(const RE2& pattern, std::string_view context) {
  std::string min;
  std::string max;
  if (context.empty()) {
    if (!pattern.PossibleMatchRange(&min, &max, 5)) return {};
  } else {
    RE2::Options options = pattern.options();
    options.set_log_errors(false);
    const RE2 combined(std::string(context) + "(?:" + pattern.pattern() + ")", options);
    if (!combined.ok() || !combined.PossibleMatchRange(&min, &max, 5)) return {};
  }
  const std::size_t at = context.size();
  if (min.compare(0, at, context) != 0 || max.compare(0, at, context) != 0) return {};
  if (max.size() == at) return {min.size() == at ? FirstBytes::kNone : FirstBytes::kAny};
  // A min that stops at the context is an empty match, below every non-empty one: no
  // lower bound for their first bytes.
  if (min.size() == at) return {};
  return {FirstBytes::kRange, static_cast<unsigned char>(min[at]), static_cast<unsigned char>(max[at])};
}

// Skipping pays where the range's bytes are rare in prose: no space, no lowercase letter.
bool worth_skipping(unsigned char low, unsigned char high) {
  const bool space = low <= ' ' && ' ' <= high;
  const bool lowercase = low <= 'z' && 'a' <= high;
  return low <= high && !space && !lowercase;
}

}  // namespace

MatchStart::MatchStart(const RE2& pattern) {
  // The left contexts the empty-width assertions tell apart come down to two. At the
  // text's start ^, (?m)^ and \A hold and \b, \B read the start as a non-word byte; after
  // any other non-word byte (a space, a newline) the same or fewer assertions hold, and
  // none of RE2's assertions forbids what another allows, so the start's matches include
  // theirs. After a word byte \b and \B turn over: that context is read as well. Only
  // non-empty matches count: skipping never passes the start of one (empty ones it may
  // pass; see the header).
  constexpr std::string_view kContexts[] = {"", "a"};
  // Each context can only widen the range, so a range not worth skipping ends the search:
  // most patterns (case-insensitive words) need no compiling beyond their own.
  bool found = false;
  for (const std::string_view context : kContexts) {
    const FirstBytes bytes = first_bytes_after(pattern, context);
    if (bytes.kind == FirstBytes::kAny) return;
    if (bytes.kind == FirstBytes::kNone) continue;
    low_ = found ? std::min(low_, bytes.low) : bytes.low;
    high_ = found ? std::max(high_, bytes.high) : bytes.high;
    found = true;
    if (!worth_skipping(low_, high_)) return;
  }
  skips_ = found;
}

std::size_t MatchStart::skip_to_range(std::string_view text, std::size_t from, std::size_t end) const {
  const char* const data = text.data();
  const char* p = data + from;
  const char* const stop = data + end;
#ifdef __SSE2__
  // Sixteen bytes at a time: a byte is in the range when clamping it to the range leaves it
  // unchanged (unsigned comparisons).
  const __m128i low = _mm_set1_epi8(static_cast<char>(low_));
  const __m128i high = _mm_set1_epi8(static_cast<char>(high_));
  for (; stop - p >= 16; p += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i in = _mm_cmpeq_epi8(_mm_min_epu8(_mm_max_epu8(bytes, low), high), bytes);
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(in));
    if (mask != 0) return static_cast<std::size_t>(p - data) + static_cast<std::size_t>(__builtin_ctz(mask));
  }
#endif
  for (; p < stop; ++p) {
    const auto byte = static_cast<unsigned char>(*p);
    if (low_ <= byte && byte <= high_) break;
  }
  return static_cast<std::size_t>(p - data);
}

bool next_match(const RE2& pattern, const MatchStart& start, std::string_view text, std::size_t end,
                std::size_t* position, re2::StringPiece* submatches, int count) {
  *position = start.skip(text, *position, end);
  if (*position >= end ||
      !pattern.Match(re2::StringPiece(text.data(), text.size()), *position, end, RE2::UNANCHORED, submatches, count)) {
    return false;
  }
  const auto begin = static_cast<std::size_t>(submatches[0].data() - text.data());
  *position = std::max(begin + submatches[0].size(), begin + 1);
  return true;
}

// The RE2::Set, compiled at construction when there is no automaton, and otherwise only
// if the automaton ever gives up on a text.
struct PatternSet::Fallback {
  Fallback(const RE2::Options& options, RE2::Anchor anchor) : set(options, anchor) {}
  RE2::Set set;
  std::once_flag compiled;
  bool ok = false;

  const RE2::Set* get() {
    std::call_once(compiled, [&] { ok = set.Compile(); });
    return ok ? &set : nullptr;
  }
};

PatternSet::PatternSet(const std::vector<std::string>& patterns, const std::vector<std::string>& labels,
                       RE2::Anchor anchor, RE2::Options options, const std::string& what)
    : size_(patterns.size()) {
  options.set_log_errors(false);
  fallback_ = std::make_shared<Fallback>(options, anchor);
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    std::string error;
    if (fallback_->set.Add(patterns[i], &error) < 0) throw Error(labels[i] + ": " + error);
  }
  // Every pattern parses (Add checked it). Where the automaton reads them all, RE2's own
  // automaton is compiled only if ever needed.
  automaton_ = SetAutomaton::compile(patterns, anchor, options);
  if (!automaton_ && fallback_->get() == nullptr) throw Error(what + ": the patterns do not compile as a set");
}

void PatternSet::match(std::string_view text, std::vector<int>* hits, std::vector<std::size_t>* search_ends) const {
  if (automaton_ && automaton_->match(text, hits, search_ends)) return;
  if (search_ends != nullptr) search_ends->assign(size_, text.size() + 1);
  hits->clear();
  RE2::Set::ErrorInfo error;
  const RE2::Set* set = fallback_->get();
  if (set == nullptr ||
      (!set->Match(re2::StringPiece(text.data(), text.size()), hits, &error) && error.kind != RE2::Set::kNoError)) {
    hits->resize(size_);  // undecided: every pattern stays a candidate
    for (std::size_t i = 0; i < size_; ++i) (*hits)[i] = static_cast<int>(i);
  }
  std::sort(hits->begin(), hits->end());
}

void PatternSet::match_pair(std::string_view first, std::vector<int>* first_hits,
                            std::vector<std::size_t>* first_search_ends, std::string_view second,
                            std::vector<int>* second_hits, std::vector<std::size_t>* second_search_ends) const {
  if (automaton_ &&
      automaton_->match_pair(first, first_hits, first_search_ends, second, second_hits, second_search_ends)) {
    return;
  }
  match(first, first_hits, first_search_ends);
  match(second, second_hits, second_search_ends);
}

}  // namespace annotate
