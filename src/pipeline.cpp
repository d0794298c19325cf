// SPDX-License-Identifier: MIT
// The driver loop. Each document's JSON is built in a buffer and written whole, so a
// failure in one input can never leave half an object in the stream.
#include "annotate/pipeline.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>

#include "annotate/callout_linker.hpp"
#include "annotate/data_file.hpp"
#include "annotate/document_writer.hpp"
#include "annotate/error.hpp"
#include "annotate/html_writer.hpp"
#include "annotate/segmenter.hpp"
#include "annotate/sentence_splitter.hpp"

namespace annotate {

namespace {

// Where the JSON goes: stdout, or a temporary file renamed over the target at the end so
// that a failed run never leaves half a file.
class OutputSink {
 public:
  // stdio's buffer for a pipe, /dev/null or a file is 4 KB: a write call or two for each
  // short commentary's 30 KB of JSON. With 64 KB (set before anything is written; glibc
  // ignores the size unless it is given the buffer) one call serves two documents.
  explicit OutputSink(const std::string& path) : path_(path) {
    if (path_.empty() || path_ == "-") {
      file_ = stdout;
      // A terminal stays line-buffered, so that each document shows as it is done. stdout
      // outlives this object, hence a static buffer; a second sink on stdout (--summary -)
      // comes after output and keeps it.
      static char buffer[kBufferBytes];
      static const bool buffered =
          ::isatty(STDOUT_FILENO) == 0 && std::setvbuf(file_, buffer, _IOFBF, sizeof buffer) == 0;
      static_cast<void>(buffered);
      return;
    }
    temporary_ = path_ + ".tmp" + std::to_string(::getpid());
    file_ = std::fopen(temporary_.c_str(), "wb");
    if (file_ == nullptr) {
      throw Error(path_ + ": cannot write output: " + std::strerror(errno));
    }
    buffer_ = std::make_unique<char[]>(kBufferBytes);
    std::setvbuf(file_, buffer_.get(), _IOFBF, kBufferBytes);
  }
  OutputSink(const OutputSink&) = delete;
  OutputSink& operator=(const OutputSink&) = delete;
  ~OutputSink() {
    if (file_ != nullptr && file_ != stdout) {
      std::fclose(file_);
      std::remove(temporary_.c_str());
    }
  }

  // Writes through stdio's buffer; commit() (or the end of the run for stdout) flushes.
  void write(const std::string& bytes) {
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) fail();
  }

  void flush() {
    if (std::fflush(file_) != 0) fail();
  }

  void commit() {
    if (file_ == stdout) {
      flush();
      return;
    }
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!closed || std::rename(temporary_.c_str(), path_.c_str()) != 0) {
      const std::string reason = std::strerror(errno);
      std::remove(temporary_.c_str());
      throw Error(path_ + ": cannot write output: " + reason, kExitInputFailed);
    }
  }

 private:
  [[noreturn]] void fail() const {
    throw Error((path_.empty() ? std::string("stdout") : path_) + ": write failed: " + std::strerror(errno),
                kExitInputFailed);
  }

  static constexpr std::size_t kBufferBytes = std::size_t{1} << 16;
  std::string path_;
  std::string temporary_;
  std::FILE* file_ = nullptr;
  std::unique_ptr<char[]> buffer_;  // the file's, closed before this goes
};

}  // namespace

namespace {

const std::optional<std::string>& checked_directory(const std::optional<std::string>& dir) {
  if (dir) require_directory(*dir);
  return dir;
}

}  // namespace

Annotator::Annotator(const std::optional<std::string>& data_dir,
                     const std::optional<std::string>& reference_date,
                     const std::vector<std::string>& lexicons)
    : rules_(Rules::load(checked_directory(data_dir))),
      date_tagger_(DateRules::load(data_dir)),
      citation_parser_(CitationParser::load(data_dir)),
      actor_tagger_(Lexicon::load(data_dir, lexicons), ActorCues::load(data_dir)),
      redline_tagger_(RedlineTagger::load(data_dir)),
      // In the order of the CueList values.
      screens_({date_tagger_.screen_patterns(), actor_tagger_.screen_patterns(), redline_tagger_.screen_patterns()},
               {"date rules", "actor cues", "red-line cues"}) {
  if (reference_date) reference_date_ = parse_reference_date(*reference_date);
}

void Annotator::annotate(Document& doc) const { annotate(std::vector<Document*>{&doc}); }

void Annotator::annotate(const std::vector<Document*>& docs) const {
  for (Document* doc : docs) segment(*doc, rules_);
  for (Document* doc : docs) split_sentences(*doc, rules_);
  for (Document* doc : docs) link_callouts(*doc, rules_);
  // One pass over each sentence tells the three stages below which of their patterns
  // occur in it, instead of a pass of their own each.
  std::vector<std::vector<CueHits>> screened(docs.size());
  for (std::size_t d = 0; d < docs.size(); ++d) screened[d] = screens_.find(*docs[d]);
  for (std::size_t d = 0; d < docs.size(); ++d) date_tagger_.tag(*docs[d], reference_date_, &screened[d][kDateRules]);
  for (Document* doc : docs) citation_parser_.parse_notes(*doc);
  for (std::size_t d = 0; d < docs.size(); ++d) actor_tagger_.tag(*docs[d], &screened[d][kPersonCues]);
  for (std::size_t d = 0; d < docs.size(); ++d) redline_tagger_.tag(*docs[d], &screened[d][kRedlineCues]);
}

namespace {

// What a failed annotation may have left in a document, cleared: it is as read again.
void put_back_as_read(Document& doc) {
  Document fresh;
  fresh.text = std::move(doc.text);
  fresh.source = std::move(doc.source);
  doc = std::move(fresh);
}

std::string describe_current_exception() {
  try {
    throw;
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "an exception of unknown type";
  }
}

}  // namespace

std::vector<std::optional<std::string>> annotate_isolating_failures(const std::vector<Document*>& docs,
                                                                    const BatchAnnotation& annotate) {
  std::vector<std::optional<std::string>> failures(docs.size());
  try {
    annotate(docs);
    return failures;
  } catch (...) {
    // Which document threw is unknown, and the stages run document by document within
    // each stage, so every document may hold part of an annotation: all start again.
    spdlog::debug("a batch of {} documents failed ({}); annotating them one by one", docs.size(),
                  describe_current_exception());
  }
  for (std::size_t d = 0; d < docs.size(); ++d) {
    put_back_as_read(*docs[d]);
    try {
      annotate({docs[d]});
    } catch (...) {
      failures[d] = describe_current_exception();
      put_back_as_read(*docs[d]);  // the half-made annotation's memory back now
    }
  }
  return failures;
}

InputError annotation_failure(const std::string& what) {
  InputError error;
  error.code = "internal_error";
  error.message = "annotation failed: " + what + " (a bug in annotate: please report it with this input)";
  return error;
}

PreparedInput prepare_input(const InputItem& item, const RunOptions& options) {
  PreparedInput input;
  input.shown_path = sanitize_utf8(item.path);
  input.id = item.id;
  if (item.error) {
    input.error = item.error;
    return input;
  }
  std::string raw;
  if (item.text) {
    raw = *item.text;
  } else if (std::optional<InputError> error = read_raw(item.path, options.max_bytes, raw)) {
    input.error = std::move(error);
    return input;
  }
  if (options.encoding != Encoding::kUtf8) raw = transcode_to_utf8(raw, options.encoding);
  ReadResult read = decode_input(input.shown_path, std::move(raw));
  if (read.error) {
    input.error = std::move(read.error);
    return input;
  }
  input.document = std::move(read.document);
  input.document.source.id = item.id;
  return input;
}

bool write_prepared(const PreparedInput& input, const RunOptions& options, std::string& out,
                    DocumentCounts* counts, std::size_t sequence, const OutputDrain* drain) {
  const bool html = options.format == "html";
  if (input.error) {
    const InputError& error = *input.error;
    spdlog::error("{}: {} ({})", input.shown_path, error.message, error.code);
    if (html) {
      write_html_error(input.shown_path, error, out);
    } else {
      write_input_error(input.shown_path, input.id, error, out, options.pretty);
    }
    if (counts) *counts = DocumentCounts::of_error(error.code);
    return false;
  }
  const Document& doc = input.document;
  spdlog::debug("{}: {} sections, {} sentences, {} callouts, {} notes, {} dates, {} mentions",
                input.shown_path, doc.sections.size(), doc.sentences.size(), doc.callouts.size(),
                doc.notes.size(), doc.dates.size(), doc.mentions.size());
  if (html) {
    write_html_document(doc, sequence + 1, out);
  } else {
    write_document(doc, out, options.pretty, drain);
  }
  if (counts) {
    // The summary's tallies cost map lookups per actor and date; without --summary only
    // the byte count (for --progress) is kept.
    if (options.summary) {
      *counts = DocumentCounts::of(doc);
    } else {
      counts->bytes = doc.text.size();
    }
  }
  return true;
}

namespace {

// Annotates `inputs` (none in error), and turns the documents whose annotation failed
// into error objects.
void annotate_inputs(const Annotator& annotator, const std::vector<PreparedInput*>& inputs) {
  std::vector<Document*> documents;
  documents.reserve(inputs.size());
  for (PreparedInput* input : inputs) documents.push_back(&input->document);
  const std::vector<std::optional<std::string>> failures = annotate_isolating_failures(
      documents, [&annotator](const std::vector<Document*>& docs) { annotator.annotate(docs); });
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (failures[i]) inputs[i]->error = annotation_failure(*failures[i]);
  }
}

void annotate_one(const Annotator& annotator, PreparedInput& input) { annotate_inputs(annotator, {&input}); }

}  // namespace

bool annotate_input(const InputItem& item, const Annotator& annotator, const RunOptions& options,
                    std::string& out, DocumentCounts* counts, std::size_t sequence, const OutputDrain* drain) {
  PreparedInput input = prepare_input(item, options);
  if (!input.error) annotate_one(annotator, input);
  return write_prepared(input, options, out, counts, sequence, drain);
}

namespace {

// One input's output and what it adds to the summary, waiting for its turn to be written.
struct Finished {
  std::string json;
  DocumentCounts counts;
  bool ok = true;
  std::size_t held = 0;  // bytes of text it kept in memory (counted in bytes_in_flight_)
};

// A batch of short documents is annotated stage by stage: up to this many documents, or
// this many bytes (a document larger than that goes alone). Each switch of stage refills
// the caches with that stage's automata and tables; on the benchmark corpus, batches of
// 16 short commentaries took 1.39 s for 6,000 files, 64 took 1.15 s, 128 took 1.09 s and
// 256 no less, while peak memory grows with the batch (28 MB at -j 1, 37 MB at -j 2 here).
constexpr std::size_t kBatchDocuments = 128;
constexpr std::size_t kBatchBytes = 512 * 1024;

// Progress on stderr: files done, throughput and time left, redrawn at most five times a
// second, and only where a person is watching.
class Progress {
 public:
  Progress(const std::string& mode, std::optional<std::size_t> total)
      : enabled_(mode == "always" || (mode == "auto" && ::isatty(STDERR_FILENO) && std::getenv("CI") == nullptr)),
        total_(total), start_(std::chrono::steady_clock::now()) {}

  void update(std::size_t done, std::size_t bytes, bool force = false) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double mb_per_s = seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0;
    std::string line = "\rannotate: " + std::to_string(done);
    if (total_) line += "/" + std::to_string(*total_);
    char rate[64];
    std::snprintf(rate, sizeof rate, " files, %.1f MB/s", mb_per_s);
    line += rate;
    if (total_ && done > 0 && done < *total_) {
      const double left = seconds / static_cast<double>(done) * static_cast<double>(*total_ - done);
      std::snprintf(rate, sizeof rate, ", %d:%02d left", static_cast<int>(left) / 60, static_cast<int>(left) % 60);
      line += rate;
    }
    std::fputs((line + "   ").c_str(), stderr);
  }
  void finish(std::size_t done, std::size_t bytes) {
    if (!enabled_) return;
    update(done, bytes, true);
    std::fputs("\n", stderr);
  }

 private:
  bool enabled_;
  std::optional<std::size_t> total_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace

namespace {

// The -j N workers of run() and what they share. Each worker reads short documents into a
// batch and annotates the batch stage by stage (see Annotator::annotate); a document too
// large for a batch goes alone and streams its JSON in parts when its turn comes. Finished
// documents wait in `ready_` and are written in input order by whichever worker finds them
// next in line. Workers take input only while fewer than `window_documents_` and
// `window_bytes_` are taken and not yet written, so memory stays bounded whatever the
// number of inputs.
class Workers {
 public:
  Workers(const Annotator& annotator, const RunOptions& options, InputQueue& queue, OutputSink& sink,
          Progress& progress, CorpusSummary& summary, unsigned jobs)
      : annotator_(annotator), options_(options), queue_(queue), sink_(sink), progress_(progress),
        summary_(summary), jobs_(jobs), window_documents_(2 * kBatchDocuments * jobs),
        window_bytes_(2 * kBatchBytes * jobs) {}

  /// Runs the workers, this thread being one of them, until every input is written.
  /// Returns the exit code; rethrows what stopped a worker.
  int run() {
    // The last worker to finish writes whatever is still queued, so joining them is
    // enough: no thread waits on `changed_` for the end, which spares a wake-up per
    // document.
    std::vector<std::thread> threads;
    for (unsigned j = 1; j < jobs_; ++j) threads.emplace_back([this] { work(); });
    work();
    for (std::thread& thread : threads) thread.join();
    if (failure_) std::rethrow_exception(failure_);
    progress_.finish(next_to_write_, bytes_done_);
    return exit_code_;
  }

 private:
  struct Taken {
    std::size_t sequence = 0;
    PreparedInput input;
  };
  // One worker's documents read and not yet annotated.
  struct Batch {
    std::vector<Taken> taken;
    std::size_t bytes = 0;
    std::size_t unreported = 0;  // bytes read since the worker last held the lock
    std::string json;            // one document's output, the buffer reused
  };
  struct Aborted {};

  void work() {
    Batch batch;
    try {
      for (;;) {
        InputItem item;
        std::size_t sequence = 0;
        {
          std::unique_lock<std::mutex> lock(mutex_);
          bytes_in_flight_ += std::exchange(batch.unreported, 0);
          // A worker holding a batch never waits for room: the room is what its batch
          // would free.
          if (!batch.taken.empty() && !room() && !inputs_done_ && !failure_) {
            lock.unlock();
            finish_batch(batch);
            continue;
          }
          changed_.wait(lock, [&] { return inputs_done_ || failure_ || room(); });
          if (failure_) return;
          std::optional<InputItem> next;
          if (!inputs_done_) {
            next = queue_.next();
            if (!next) {
              inputs_done_ = true;
              changed_.notify_all();
            }
          }
          if (!next) {
            lock.unlock();
            finish_batch(batch);
            return;
          }
          item = std::move(*next);
          sequence = next_to_take_++;
        }
        Taken taken{sequence, prepare_input(item, options_)};
        const std::size_t size = taken.input.error ? 0 : taken.input.document.text.size();
        if (size > kBatchBytes) {
          finish_batch(batch);  // the documents before it first: it will wait for its turn
          {
            std::lock_guard<std::mutex> lock(mutex_);
            bytes_in_flight_ += size;
          }
          stream_alone(taken);
          continue;
        }
        batch.taken.push_back(std::move(taken));
        batch.bytes += size;
        batch.unreported += size;
        if (batch.taken.size() >= kBatchDocuments || batch.bytes >= kBatchBytes) finish_batch(batch);
      }
    } catch (const Aborted&) {
      return;
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!failure_) failure_ = std::current_exception();
      changed_.notify_all();
    }
  }

  // Annotates the batch stage by stage, then writes each document's JSON into the worker's
  // one buffer and on to the output at once when the document is next in line (always at
  // -j 1); only a document that must wait for its turn keeps a copy. A batch's JSON is
  // about nine times its text: held whole (4 MB for 128 short documents), it pushed the
  // stages' tables and automata out of the caches before the next batch.
  void finish_batch(Batch& batch) {
    if (batch.taken.empty()) return;
    std::vector<PreparedInput*> inputs;
    for (Taken& taken : batch.taken) {
      if (!taken.input.error) inputs.push_back(&taken.input);
    }
    annotate_inputs(annotator_, inputs);
    for (Taken& taken : batch.taken) {
      Finished finished;
      batch.json.clear();
      finished.held = taken.input.document.text.size();
      finished.ok = write_prepared(taken.input, options_, batch.json, &finished.counts, taken.sequence);
      taken.input = PreparedInput();  // its memory back before the next document's JSON
      std::lock_guard<std::mutex> lock(mutex_);
      bytes_in_flight_ += std::exchange(batch.unreported, 0);
      if (next_to_write_ == taken.sequence) {
        sink_.write(batch.json);
        commit(finished);
        flush_ready();
      } else {
        finished.json = batch.json;
        ready_.emplace(taken.sequence, std::move(finished));
      }
    }
    batch.taken.clear();
    batch.bytes = 0;
  }

  // Annotates one large document and writes it when its turn comes, in parts.
  void stream_alone(Taken& taken) {
    if (!taken.input.error) annotate_one(annotator_, taken.input);
    Finished finished;
    bool my_turn = false;
    const OutputDrain drain = [&](const std::string& part) {
      if (!my_turn) {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [&] { return failure_ || next_to_write_ == taken.sequence; });
        if (failure_) throw Aborted{};
        my_turn = true;
      }
      sink_.write(part);
    };
    finished.held = taken.input.document.text.size();
    finished.ok = write_prepared(taken.input, options_, finished.json, &finished.counts, taken.sequence, &drain);
    std::lock_guard<std::mutex> lock(mutex_);
    if (my_turn) {
      sink_.write(finished.json);
      commit(finished);
    } else {
      ready_.emplace(taken.sequence, std::move(finished));
    }
    flush_ready();
  }

  // REQUIRES: mutex_ held. Counts a written document and passes the turn on.
  void commit(const Finished& done) {
    if (!done.ok) exit_code_ = kExitInputFailed;
    summary_.add(done.counts);
    bytes_done_ += done.counts.bytes;
    bytes_in_flight_ -= std::min(bytes_in_flight_, done.held);
    ++next_to_write_;
    progress_.update(next_to_write_, bytes_done_);
  }

  // REQUIRES: mutex_ held. Writes the queued documents that are next in line.
  void flush_ready() {
    for (auto it = ready_.find(next_to_write_); it != ready_.end(); it = ready_.find(next_to_write_)) {
      sink_.write(it->second.json);
      commit(it->second);
      ready_.erase(it);
    }
    changed_.notify_all();
  }

  // REQUIRES: mutex_ held. True while a worker may take another input.
  bool room() const {
    return next_to_take_ < next_to_write_ + window_documents_ && bytes_in_flight_ < window_bytes_;
  }

  const Annotator& annotator_;
  const RunOptions& options_;
  InputQueue& queue_;
  OutputSink& sink_;
  Progress& progress_;
  CorpusSummary& summary_;
  const unsigned jobs_;
  const std::size_t window_documents_;
  const std::size_t window_bytes_;

  std::mutex mutex_;
  std::condition_variable changed_;
  std::size_t next_to_take_ = 0;
  std::size_t next_to_write_ = 0;
  std::size_t bytes_in_flight_ = 0;  // of documents read and not yet written
  std::size_t bytes_done_ = 0;
  bool inputs_done_ = false;
  std::exception_ptr failure_;
  int exit_code_ = kExitOk;
  std::map<std::size_t, Finished> ready_;  // finished documents waiting for their turn
};

}  // namespace

int run(const RunOptions& options) {
  const Annotator annotator(options.data_dir, options.reference_date, options.lexicons);
  InputQueue queue(options.inputs, options.glob, options.files_from, options.input_format, options.max_bytes);
  OutputSink sink(options.output);
  Progress progress(options.progress, queue.known_total());
  CorpusSummary summary;
  const unsigned jobs = options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());

  if (options.format == "html") {
    std::string start;
    write_html_start(start);
    sink.write(start);
  }
  const int exit_code = Workers(annotator, options, queue, sink, progress, summary, jobs).run();
  if (options.format == "html") {
    std::string end;
    write_html_end(end);
    sink.write(end);
  }
  sink.commit();
  if (options.summary) {
    OutputSink summary_sink(*options.summary);
    summary_sink.write(summary.to_json());
    summary_sink.commit();
  }
  return exit_code;
}

}  // namespace annotate
