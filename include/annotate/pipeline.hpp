// SPDX-License-Identifier: MIT
// The driver: read -> segment -> split sentences -> link callouts -> write, for each input
// in order, with per-input errors written in place and the contract's exit code returned.
#ifndef ANNOTATE_PIPELINE_HPP_
#define ANNOTATE_PIPELINE_HPP_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "annotate/actor_tagger.hpp"
#include "annotate/citation_parser.hpp"
#include "annotate/date_tagger.hpp"
#include "annotate/document.hpp"
#include "annotate/document_writer.hpp"
#include "annotate/inputs.hpp"
#include "annotate/summary.hpp"
#include "annotate/reader.hpp"
#include "annotate/redline_tagger.hpp"
#include "annotate/sentence_search.hpp"
#include "annotate/rules.hpp"

namespace annotate {

/// Everything the command line can set.
struct RunOptions {
  std::vector<std::string> inputs;   ///< paths; "-" is stdin; empty means stdin
  std::string output;                ///< empty: stdout; else written via a temporary file
  bool pretty = false;
  std::size_t max_bytes = kDefaultMaxBytes;
  std::optional<std::string> data_dir;  ///< replaces files of the shipped data/
  std::optional<std::string> reference_date;  ///< "YYYY-MM-DD" anchoring yearless dates
  std::vector<std::string> lexicons;          ///< --lexicon files, applied in order
  unsigned jobs = 0;                          ///< worker threads; 0: one per core
  std::string glob = "*.txt";                 ///< files taken from directories
  std::optional<std::string> files_from;      ///< a file ("-": stdin) listing inputs
  InputFormat input_format = InputFormat::kText;
  Encoding encoding = Encoding::kUtf8;
  std::optional<std::string> summary;         ///< where to write the corpus summary
  std::string progress = "auto";              ///< auto, always or never
  std::string format = "json";                ///< json (JSON Lines) or html (one reading page)
};

/// The annotation stages, configured once and shared by every document.
class Annotator {
 public:
  /// Loads every rule file from `data_dir` where present there, the shipped copies
  /// otherwise. Throws annotate::Error on a malformed file or a bad reference date.
  explicit Annotator(const std::optional<std::string>& data_dir = std::nullopt,
                     const std::optional<std::string>& reference_date = std::nullopt,
                     const std::vector<std::string>& lexicons = {});
  /// Runs every stage over `doc`. REQUIRES: doc.text is valid UTF-8 without a BOM.
  void annotate(Document& doc) const;
  /// The same for several documents, stage by stage: each stage's patterns, tables and
  /// code stay in the caches across the documents, which for short documents is faster
  /// than running every stage on one document before the next.
  void annotate(const std::vector<Document*>& docs) const;
  const Rules& rules() const { return rules_; }

 private:
  Rules rules_;
  DateTagger date_tagger_;
  CitationParser citation_parser_;
  ActorTagger actor_tagger_;
  RedlineTagger redline_tagger_;
  enum CueList : std::size_t { kDateRules, kPersonCues, kRedlineCues };
  SentenceCueSet screens_;  ///< the screening patterns of the stages, by CueList
  std::optional<ReferenceDate> reference_date_;
};

/// An input read and decoded, ready to be annotated, or the error that stopped it.
struct PreparedInput {
  std::string shown_path;           ///< the path as logged and written (invalid UTF-8 replaced)
  std::optional<std::string> id;    ///< the JSON Lines record id, if any
  std::optional<InputError> error;  ///< set when the input cannot be annotated
  Document document;                ///< meaningful only without `error`
};

/// Annotation run over a batch of documents (Annotator::annotate, or a stand-in in tests).
using BatchAnnotation = std::function<void(const std::vector<Document*>&)>;

/// Runs `annotate` over `docs` so that a failure costs only the document that provokes
/// it: should the batch throw, each document is put back as read (text and source) and
/// annotated alone. Returns, for each document, what stopped it (std::nullopt: annotated).
/// A throw is a bug in annotate, but "bad input never loses other work" holds for the bugs
/// not yet found too.
std::vector<std::optional<std::string>> annotate_isolating_failures(const std::vector<Document*>& docs,
                                                                    const BatchAnnotation& annotate);

/// The error object of a document whose annotation failed (code "internal_error").
InputError annotation_failure(const std::string& what);

/// Reads (or takes from the record) and decodes one input; never throws for bad input.
PreparedInput prepare_input(const InputItem& item, const RunOptions& options);

/// Appends the JSON line of an annotated input, or its error object, to `out` (or with
/// options.format "html" its part of the reading page; `sequence` keeps element ids
/// unique there). Returns false for an error. `counts` and `drain` as for annotate_input.
bool write_prepared(const PreparedInput& input, const RunOptions& options, std::string& out,
                    DocumentCounts* counts = nullptr, std::size_t sequence = 0, const OutputDrain* drain = nullptr);

/// Reads and annotates one input and appends its JSON line (or error object) to `out`.
/// Returns false when the input could not be annotated. `counts`, when given, receives
/// what the input adds to the corpus summary.
/// With options.format "html", appends the document's part of the reading page instead;
/// `sequence` (from 0) keeps its element ids unique on the page.
/// With `drain`, a large document's JSON is handed over in parts (see write_document).
bool annotate_input(const InputItem& item, const Annotator& annotator, const RunOptions& options,
                    std::string& out, DocumentCounts* counts = nullptr, std::size_t sequence = 0,
                    const OutputDrain* drain = nullptr);

/// Runs the whole command: every input in order (whatever the number of jobs, with at most
/// a small window of documents in memory), output to stdout or options.output.
/// Returns kExitOk, or kExitInputFailed when any input failed. Throws annotate::Error on
/// setup failures (bad --data-dir, unwritable output).
int run(const RunOptions& options);

}  // namespace annotate

#endif  // ANNOTATE_PIPELINE_HPP_
