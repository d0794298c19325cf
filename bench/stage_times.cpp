// SPDX-License-Identifier: MIT
// Time per stage: reads the given files into memory, then runs each stage of the pipeline
// over all of them in turn and prints nanoseconds per input byte, so that a change to one
// stage can be measured without the noise of the others (bench/run reports the whole).
//
//   annotate_stage_times [--rounds N] [--only STAGE] FILE...
//
// With --only, the rounds after the first run that stage alone, for a profiler's sake.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "annotate/actor_tagger.hpp"
#include "annotate/callout_linker.hpp"
#include "annotate/citation_parser.hpp"
#include "annotate/date_tagger.hpp"
#include "annotate/document_writer.hpp"
#include "annotate/reader.hpp"
#include "annotate/redline_tagger.hpp"
#include "annotate/rules.hpp"
#include "annotate/segmenter.hpp"
#include "annotate/sentence_splitter.hpp"

using namespace annotate;

int main(int argc, char** argv) {
  int rounds = 3;
  std::string only;
  std::vector<std::string> raws;
  std::vector<std::string> paths;
  std::size_t bytes = 0;
  for (int a = 1; a < argc; ++a) {
    if (std::strcmp(argv[a], "--rounds") == 0 && a + 1 < argc) {
      rounds = std::atoi(argv[++a]);
      continue;
    }
    if (std::strcmp(argv[a], "--only") == 0 && a + 1 < argc) {
      only = argv[++a];
      continue;
    }
    std::string raw;
    if (read_raw(argv[a], kDefaultMaxBytes, raw)) continue;
    bytes += raw.size();
    paths.emplace_back(argv[a]);
    raws.push_back(std::move(raw));
  }
  if (raws.empty()) {
    std::fprintf(stderr, "usage: annotate_stage_times [--rounds N] [--only STAGE] FILE...\n");
    return 2;
  }
  const Rules rules = Rules::load(std::nullopt);
  const DateTagger dates(DateRules::load(std::nullopt));
  const CitationParser citations = CitationParser::load(std::nullopt);
  const ActorTagger actors(Lexicon::load(std::nullopt), ActorCues::load(std::nullopt));
  const RedlineTagger red_lines = RedlineTagger::load(std::nullopt);
  // As the Annotator does it: one set pass per sentence for the three stages' screens.
  const SentenceCueSet screens({dates.screen_patterns(), actors.screen_patterns(), red_lines.screen_patterns()},
                               {"date rules", "actor cues", "red-line cues"});
  std::vector<std::vector<CueHits>> screened(raws.size());

  std::vector<Document> docs(raws.size());
  struct Stage {
    const char* name;
    std::function<void(std::size_t)> run;
    double best_ns = 1e300;
  };
  std::string out;
  std::vector<Document> snapshot;
  std::vector<Stage> stages = {
      {"read (decode, sha256)", [&](std::size_t i) { docs[i] = decode_input(paths[i], raws[i]).document; }},
      {"segment", [&](std::size_t i) { segment(docs[i], rules); }},
      {"sentences", [&](std::size_t i) { split_sentences(docs[i], rules); }},
      {"callouts", [&](std::size_t i) { link_callouts(docs[i], rules); }},
      {"screens", [&](std::size_t i) { screened[i] = screens.find(docs[i]); }},
      {"dates", [&](std::size_t i) { dates.tag(docs[i], std::nullopt, &screened[i][0]); }},
      {"notes", [&](std::size_t i) { citations.parse_notes(docs[i]); }},
      {"actors", [&](std::size_t i) { actors.tag(docs[i], &screened[i][1]); }},
      {"red lines", [&](std::size_t i) { red_lines.tag(docs[i], &screened[i][2]); }},
      {"json", [&](std::size_t i) {
         out.clear();
         write_document(docs[i], out, false, nullptr);
       }},
  };
  // The same work in batches of 128 documents, stage by stage within a batch, as the
  // pipeline does it: the difference from the stages run over all documents at once is what
  // switching between stages costs (caches, predictors).
  constexpr std::size_t kBatch = 128;
  double batched_ns = 1e300;
  std::vector<double> batched_stage_ns(stages.size(), 1e300);
  for (int round = 0; round < (only.empty() ? rounds : 0); ++round) {
    std::vector<double> stage_ns(stages.size(), 0);
    for (std::size_t first = 0; first < docs.size(); first += kBatch) {
      const std::size_t last = std::min(docs.size(), first + kBatch);
      for (std::size_t k = 0; k < stages.size(); ++k) {
        const auto start = std::chrono::steady_clock::now();
        for (std::size_t i = first; i < last; ++i) stages[k].run(i);
        stage_ns[k] += std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count();
      }
    }
    double sum = 0;
    for (std::size_t k = 0; k < stages.size(); ++k) {
      sum += stage_ns[k];
      batched_stage_ns[k] = std::min(batched_stage_ns[k], stage_ns[k]);
    }
    batched_ns = std::min(batched_ns, sum);
  }
  // Each round runs every stage in order over fresh documents; the best round counts.
  for (int round = 0; round < rounds; ++round) {
    for (Stage& stage : stages) {
      // --only: the stage starts each round from the documents as the first round had them.
      if (!only.empty() && only == stage.name) {
        if (round == 0) snapshot = docs;
        else docs = snapshot;
      }
      if (round > 0 && !only.empty() && only != stage.name) continue;
      const auto start = std::chrono::steady_clock::now();
      for (std::size_t i = 0; i < docs.size(); ++i) stage.run(i);
      const double ns = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count();
      stage.best_ns = std::min(stage.best_ns, ns);
    }
  }
  double total = 0;
  std::printf("%zu documents, %.1f MB, best of %d rounds; ns/byte, each stage over all documents%s\n", docs.size(),
              static_cast<double>(bytes) / 1e6, rounds, only.empty() ? " | in batches of 128" : "");
  for (std::size_t k = 0; k < stages.size(); ++k) {
    total += stages[k].best_ns;
    std::printf("%-24s %7.1f", stages[k].name, stages[k].best_ns / static_cast<double>(bytes));
    if (only.empty()) std::printf(" | %7.1f", batched_stage_ns[k] / static_cast<double>(bytes));
    std::printf("\n");
  }
  std::printf("%-24s %7.1f", "total", total / static_cast<double>(bytes));
  if (only.empty()) std::printf(" | %7.1f", batched_ns / static_cast<double>(bytes));
  std::printf("   (%.1f MB/s", static_cast<double>(bytes) / total * 1e3);
  if (only.empty()) std::printf(" | %.1f MB/s", static_cast<double>(bytes) / batched_ns * 1e3);
  std::printf(")\n");
  return 0;
}
