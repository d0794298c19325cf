// SPDX-License-Identifier: MIT
// The driver loop. Each document's JSON is built in a buffer and written whole, so a
// failure in one input can never leave half an object in the stream.
#include "annotate/pipeline.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "annotate/callout_linker.hpp"
#include "annotate/data_file.hpp"
#include "annotate/document_writer.hpp"
#include "annotate/error.hpp"
#include "annotate/segmenter.hpp"
#include "annotate/sentence_splitter.hpp"

namespace annotate {

namespace {

// Where the JSON goes: stdout, or a temporary file renamed over the target at the end so
// that a failed run never leaves half a file.
class OutputSink {
 public:
  explicit OutputSink(const std::string& path) : path_(path) {
    if (path_.empty() || path_ == "-") {
      file_ = stdout;
      return;
    }
    temporary_ = path_ + ".tmp" + std::to_string(::getpid());
    file_ = std::fopen(temporary_.c_str(), "wb");
    if (file_ == nullptr) {
      throw Error(path_ + ": cannot write output: " + std::strerror(errno));
    }
  }
  OutputSink(const OutputSink&) = delete;
  OutputSink& operator=(const OutputSink&) = delete;
  ~OutputSink() {
    if (file_ != nullptr && file_ != stdout) {
      std::fclose(file_);
      std::remove(temporary_.c_str());
    }
  }

  void write(const std::string& bytes) {
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size() ||
        std::fflush(file_) != 0) {
      throw Error((path_.empty() ? std::string("stdout") : path_) +
                      ": write failed: " + std::strerror(errno),
                  kExitInputFailed);
    }
  }

  void commit() {
    if (file_ == stdout) return;
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!closed || std::rename(temporary_.c_str(), path_.c_str()) != 0) {
      const std::string reason = std::strerror(errno);
      std::remove(temporary_.c_str());
      throw Error(path_ + ": cannot write output: " + reason, kExitInputFailed);
    }
  }

 private:
  std::string path_;
  std::string temporary_;
  std::FILE* file_ = nullptr;
};

}  // namespace

namespace {

const std::optional<std::string>& checked_directory(const std::optional<std::string>& dir) {
  if (dir) require_directory(*dir);
  return dir;
}

}  // namespace

Annotator::Annotator(const std::optional<std::string>& data_dir,
                     const std::optional<std::string>& reference_date)
    : rules_(Rules::load(checked_directory(data_dir))),
      date_tagger_(DateRules::load(data_dir)),
      citation_parser_(CitationParser::load(data_dir)) {
  if (reference_date) reference_date_ = parse_reference_date(*reference_date);
}

void Annotator::annotate(Document& doc) const {
  segment(doc, rules_);
  split_sentences(doc, rules_);
  link_callouts(doc, rules_);
  date_tagger_.tag(doc, reference_date_);
  citation_parser_.parse_notes(doc, date_tagger_);
}

bool annotate_input(const std::string& path, const Annotator& annotator,
                    const RunOptions& options, std::string& out) {
  const std::string shown_path = sanitize_utf8(path);
  ReadResult read = read_input(path, options.max_bytes);
  if (read.error) {
    spdlog::error("{}: {} ({})", shown_path, read.error->message, read.error->code);
    write_input_error(shown_path, *read.error, out, options.pretty);
    return false;
  }
  Document& doc = read.document;
  doc.source.path = shown_path;
  annotator.annotate(doc);
  spdlog::debug("{}: {} sections, {} paragraphs, {} sentences, {} callouts, {} notes, {} dates",
                shown_path, doc.sections.size(), doc.paragraphs.size(), doc.sentences.size(),
                doc.callouts.size(), doc.notes.size(), doc.dates.size());
  write_document(doc, out, options.pretty);
  return true;
}

int run(const RunOptions& options) {
  const Annotator annotator(options.data_dir, options.reference_date);
  std::vector<std::string> inputs = options.inputs;
  if (inputs.empty()) inputs.push_back("-");

  OutputSink sink(options.output);
  int exit_code = kExitOk;
  std::string buffer;
  for (const std::string& path : inputs) {
    buffer.clear();
    if (!annotate_input(path, annotator, options, buffer)) exit_code = kExitInputFailed;
    sink.write(buffer);
  }
  sink.commit();
  return exit_code;
}

}  // namespace annotate
