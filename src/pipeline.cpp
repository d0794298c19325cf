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
                     const std::optional<std::string>& reference_date,
                     const std::vector<std::string>& lexicons)
    : rules_(Rules::load(checked_directory(data_dir))),
      date_tagger_(DateRules::load(data_dir)),
      citation_parser_(CitationParser::load(data_dir)),
      actor_tagger_(Lexicon::load(data_dir, lexicons), ActorCues::load(data_dir)),
      redline_tagger_(RedlineTagger::load(data_dir)) {
  if (reference_date) reference_date_ = parse_reference_date(*reference_date);
}

void Annotator::annotate(Document& doc) const { annotate(std::vector<Document*>{&doc}); }

void Annotator::annotate(const std::vector<Document*>& docs) const {
  for (Document* doc : docs) segment(*doc, rules_);
  for (Document* doc : docs) split_sentences(*doc, rules_);
  for (Document* doc : docs) link_callouts(*doc, rules_);
  for (Document* doc : docs) date_tagger_.tag(*doc, reference_date_);
  for (Document* doc : docs) citation_parser_.parse_notes(*doc, date_tagger_);
  for (Document* doc : docs) actor_tagger_.tag(*doc);
  for (Document* doc : docs) redline_tagger_.tag(*doc);
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

bool annotate_input(const InputItem& item, const Annotator& annotator, const RunOptions& options,
                    std::string& out, DocumentCounts* counts, std::size_t sequence,
                    const std::function<void()>* wait_turn, const OutputDrain* drain) {
  PreparedInput input = prepare_input(item, options);
  if (!input.error) annotator.annotate(input.document);
  if (wait_turn) (*wait_turn)();
  return write_prepared(input, options, out, counts, sequence, drain);
}

namespace {

// One input's output and what it adds to the summary, waiting for its turn to be written.
struct Finished {
  std::string json;
  DocumentCounts counts;
  bool ok = true;
  std::size_t read_bytes = 0;  ///< what it held in memory before it was written
};

// A batch of short documents is annotated stage by stage: up to this many documents, or
// this many bytes (a document larger than that goes alone). Batches of about 64 short
// commentaries recover most of what running every stage over a whole corpus at once would
// (bench/stage_times), at a bounded cost in memory.
constexpr std::size_t kBatchDocuments = 64;
constexpr std::size_t kBatchBytes = 256 * 1024;

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

int run(const RunOptions& options) {
  const Annotator annotator(options.data_dir, options.reference_date, options.lexicons);
  InputQueue queue(options.inputs, options.glob, options.files_from, options.input_format, options.max_bytes);
  OutputSink sink(options.output);
  Progress progress(options.progress, queue.known_total());
  CorpusSummary summary;

  const unsigned jobs = options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  // Each worker reads short documents into a batch and annotates the batch stage by stage
  // (see Annotator::annotate); a document too large for a batch goes alone and streams its
  // JSON in parts when its turn comes. Finished documents wait in `ready` and are written
  // in input order by whichever worker finds them next in line. Workers take input only
  // while fewer than `window_documents` and `window_bytes` are taken and not yet written,
  // so memory stays bounded whatever the number of inputs.
  const std::size_t window_documents = 2 * kBatchDocuments * jobs;
  const std::size_t window_bytes = 2 * kBatchBytes * jobs;
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t next_to_take = 0;
  std::size_t next_to_write = 0;
  std::size_t bytes_in_flight = 0;  // of documents read and not yet written
  bool inputs_done = false;
  std::exception_ptr failure;
  int exit_code = kExitOk;
  std::size_t bytes_done = 0;
  struct Aborted {};

  if (options.format == "html") {
    std::string start;
    write_html_start(start);
    sink.write(start);
  }

  std::map<std::size_t, Finished> ready;  // finished documents waiting for their turn
  // REQUIRES: `mutex` held. Counts a written document and passes the turn on.
  auto commit = [&](const Finished& done) {
    if (!done.ok) exit_code = kExitInputFailed;
    summary.add(done.counts);
    bytes_done += done.counts.bytes;
    bytes_in_flight -= std::min(bytes_in_flight, done.read_bytes);
    ++next_to_write;
    progress.update(next_to_write, bytes_done);
  };
  // REQUIRES: `mutex` held. Writes the queued documents that are next in line.
  auto flush_ready = [&]() {
    for (auto it = ready.find(next_to_write); it != ready.end(); it = ready.find(next_to_write)) {
      sink.write(it->second.json);
      commit(it->second);
      ready.erase(it);
    }
    changed.notify_all();
  };
  // REQUIRES: `mutex` held.
  auto room = [&] { return next_to_take < next_to_write + window_documents && bytes_in_flight < window_bytes; };

  auto worker = [&]() {
    struct Taken {
      std::size_t sequence = 0;
      PreparedInput input;
    };
    std::vector<Taken> batch;
    std::size_t batch_bytes = 0;
    std::size_t unreported = 0;  // bytes read since the worker last held the lock
    // Annotates the batch stage by stage and queues each document's output.
    auto finish_batch = [&]() {
      if (batch.empty()) return;
      std::vector<Document*> documents;
      for (Taken& taken : batch) {
        if (!taken.input.error) documents.push_back(&taken.input.document);
      }
      annotator.annotate(documents);
      std::vector<std::pair<std::size_t, Finished>> done;
      for (Taken& taken : batch) {
        Finished finished;
        finished.read_bytes = taken.input.error ? 0 : taken.input.document.text.size();
        finished.ok = write_prepared(taken.input, options, finished.json, &finished.counts, taken.sequence);
        done.emplace_back(taken.sequence, std::move(finished));
      }
      batch.clear();
      batch_bytes = 0;
      std::lock_guard<std::mutex> lock(mutex);
      bytes_in_flight += std::exchange(unreported, 0);
      for (auto& [sequence, finished] : done) ready.emplace(sequence, std::move(finished));
      flush_ready();
    };
    // Annotates one large document and writes it when its turn comes, in parts.
    auto stream_alone = [&](Taken& taken) {
      if (!taken.input.error) annotator.annotate(taken.input.document);
      Finished finished;
      finished.read_bytes = taken.input.error ? 0 : taken.input.document.text.size();
      bool my_turn = false;
      const OutputDrain drain = [&](const std::string& part) {
        if (!my_turn) {
          std::unique_lock<std::mutex> lock(mutex);
          changed.wait(lock, [&] { return failure || next_to_write == taken.sequence; });
          if (failure) throw Aborted{};
          my_turn = true;
        }
        sink.write(part);
      };
      finished.ok = write_prepared(taken.input, options, finished.json, &finished.counts, taken.sequence, &drain);
      std::lock_guard<std::mutex> lock(mutex);
      if (my_turn) {
        sink.write(finished.json);
        commit(finished);
      } else {
        ready.emplace(taken.sequence, std::move(finished));
      }
      flush_ready();
    };
    try {
      for (;;) {
        InputItem item;
        std::size_t sequence = 0;
        {
          std::unique_lock<std::mutex> lock(mutex);
          bytes_in_flight += std::exchange(unreported, 0);
          // A worker holding a batch never waits for room: the room is what its batch
          // would free.
          if (!batch.empty() && !room() && !inputs_done && !failure) {
            lock.unlock();
            finish_batch();
            continue;
          }
          changed.wait(lock, [&] { return inputs_done || failure || room(); });
          if (failure) return;
          std::optional<InputItem> next;
          if (!inputs_done) {
            next = queue.next();
            if (!next) {
              inputs_done = true;
              changed.notify_all();
            }
          }
          if (!next) {
            lock.unlock();
            finish_batch();
            return;
          }
          item = std::move(*next);
          sequence = next_to_take++;
        }
        Taken taken{sequence, prepare_input(item, options)};
        const std::size_t size = taken.input.error ? 0 : taken.input.document.text.size();
        if (size > kBatchBytes) {
          finish_batch();  // the documents before it first: it will wait for its turn
          {
            std::lock_guard<std::mutex> lock(mutex);
            bytes_in_flight += size;
          }
          stream_alone(taken);
          continue;
        }
        batch.push_back(std::move(taken));
        batch_bytes += size;
        unreported += size;
        if (batch.size() >= kBatchDocuments || batch_bytes >= kBatchBytes) finish_batch();
      }
    } catch (const Aborted&) {
      return;
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex);
      if (!failure) failure = std::current_exception();
      changed.notify_all();
      return;
    }
  };
  // The last worker to finish writes whatever is still queued, so joining them is enough:
  // the main thread does not wait on `changed`, which spares a wake-up per document.
  std::vector<std::thread> workers;
  for (unsigned j = 1; j < jobs; ++j) workers.emplace_back(worker);
  worker();
  for (std::thread& thread : workers) thread.join();
  if (failure) std::rethrow_exception(failure);
  progress.finish(next_to_write, bytes_done);
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
