// SPDX-License-Identifier: MIT
#include "annotate/pattern_set.hpp"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>

#include "annotate/error.hpp"

namespace annotate {

std::shared_ptr<const RE2> compile_pattern(std::string_view pattern, RE2::Options options, const std::string& where) {
  options.set_log_errors(false);
  auto compiled = std::make_shared<const RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
  if (!compiled->ok()) throw Error(where + "bad pattern: " + compiled->error());
  return compiled;
}

MatchStart::MatchStart(const RE2& pattern) {
  std::string min;
  std::string max;
  // An empty min would allow an empty match, which may start anywhere.
  if (!pattern.PossibleMatchRange(&min, &max, 4) || min.empty() || max.empty()) return;
  low_ = static_cast<unsigned char>(min[0]);
  high_ = static_cast<unsigned char>(max[0]);
  // Skipping pays where the range's bytes are rare in prose: no space, no lowercase letter.
  const bool space = low_ <= ' ' && ' ' <= high_;
  const bool lowercase = low_ <= 'z' && 'a' <= high_;
  skips_ = low_ <= high_ && !space && !lowercase;
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

PatternSet::PatternSet(const std::vector<std::string>& patterns, const std::vector<std::string>& labels,
                       RE2::Anchor anchor, RE2::Options options, const std::string& what)
    : size_(patterns.size()) {
  options.set_log_errors(false);
  auto set = std::make_shared<RE2::Set>(options, anchor);
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    std::string error;
    if (set->Add(patterns[i], &error) < 0) throw Error(labels[i] + ": " + error);
  }
  if (!set->Compile()) throw Error(what + ": the patterns do not compile as a set");
  set_ = std::move(set);
}

void PatternSet::match(std::string_view text, std::vector<int>* hits) const {
  hits->clear();
  RE2::Set::ErrorInfo error;
  if (!set_->Match(re2::StringPiece(text.data(), text.size()), hits, &error) && error.kind != RE2::Set::kNoError) {
    hits->resize(size_);  // undecided: every pattern stays a candidate
    for (std::size_t i = 0; i < size_; ++i) (*hits)[i] = static_cast<int>(i);
  }
  std::sort(hits->begin(), hits->end());
}

}  // namespace annotate
