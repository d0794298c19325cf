// SPDX-License-Identifier: MIT
// CorpusSummary: corpus-level counts for --summary FILE (documents, errors by code, actors
// by mentions and by documents, red-line claims by warner and target, dates by year).
#ifndef ANNOTATE_SUMMARY_HPP_
#define ANNOTATE_SUMMARY_HPP_

#include <cstddef>
#include <map>
#include <string>

#include "annotate/document.hpp"

namespace annotate {

/// What one document adds to the summary, taken while the document is still in memory.
struct DocumentCounts {
  bool failed = false;
  std::string error_code;
  std::size_t bytes = 0;
  std::map<std::string, std::size_t> actor_mentions;  ///< actor id -> mentions here
  std::map<std::string, std::string> actor_names;     ///< actor id -> name
  std::map<std::string, std::size_t> date_years;      ///< "2023" -> dates here
  std::map<std::string, std::size_t> red_lines;       ///< "CHN>KOR" -> claims here

  static DocumentCounts of(const Document& doc);
  static DocumentCounts of_error(const std::string& code);
};

class CorpusSummary {
 public:
  void add(const DocumentCounts& counts);
  /// The summary as one pretty-printed JSON object.
  std::string to_json() const;

 private:
  std::size_t documents_ = 0;
  std::size_t annotated_ = 0;
  std::size_t bytes_ = 0;
  std::map<std::string, std::size_t> errors_;
  std::map<std::string, std::pair<std::size_t, std::size_t>> actors_;  ///< mentions, documents
  std::map<std::string, std::string> actor_names_;
  std::map<std::string, std::size_t> years_;
  std::map<std::string, std::size_t> red_lines_;
};

}  // namespace annotate

#endif  // ANNOTATE_SUMMARY_HPP_
