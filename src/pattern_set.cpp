// SPDX-License-Identifier: MIT
#include "annotate/pattern_set.hpp"

#include <algorithm>

#include "annotate/error.hpp"

namespace annotate {

std::shared_ptr<const RE2> compile_pattern(std::string_view pattern, RE2::Options options, const std::string& where) {
  options.set_log_errors(false);
  auto compiled = std::make_shared<const RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
  if (!compiled->ok()) throw Error(where + "bad pattern: " + compiled->error());
  return compiled;
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
