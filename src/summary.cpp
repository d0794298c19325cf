// SPDX-License-Identifier: MIT
// Corpus summary. Counts are merged in input order by the thread that writes the output,
// so the summary is as deterministic as the JSON Lines it describes.
#include "annotate/summary.hpp"

#include <algorithm>
#include <vector>

#include "annotate/json_writer.hpp"

namespace annotate {

DocumentCounts DocumentCounts::of(const Document& doc) {
  DocumentCounts counts;
  counts.bytes = doc.text.size();
  for (const Actor& actor : doc.actors) {  // each listed once, with its mentions counted
    if (actor.mention_count == 0) continue;
    counts.actor_mentions[actor.id] += actor.mention_count;
    counts.actor_names[actor.id] = actor.name;
  }
  for (const DateMention& date : doc.dates) {
    if (date.type == "DATE" && date.value.size() >= 4 &&
        std::all_of(date.value.begin(), date.value.begin() + 4, [](char c) { return c >= '0' && c <= '9'; })) {
      ++counts.date_years[date.value.substr(0, 4)];
    }
  }
  return counts;
}

DocumentCounts DocumentCounts::of_error(const std::string& code) {
  DocumentCounts counts;
  counts.failed = true;
  counts.error_code = code;
  return counts;
}

void CorpusSummary::add(const DocumentCounts& counts) {
  ++documents_;
  if (counts.failed) {
    ++errors_[counts.error_code];
    return;
  }
  ++annotated_;
  bytes_ += counts.bytes;
  for (const auto& [id, mentions] : counts.actor_mentions) {
    actors_[id].first += mentions;
    ++actors_[id].second;
  }
  for (const auto& [id, name] : counts.actor_names) actor_names_[id] = name;
  for (const auto& [year, n] : counts.date_years) years_[year] += n;
  for (const auto& [pair, n] : counts.red_lines) red_lines_[pair] += n;
}

std::string CorpusSummary::to_json() const {
  std::string out;
  JsonWriter json(out, true);
  json.begin_object();
  json.member("schema", "annotate-summary/1");
  json.key("documents");
  json.number(documents_);
  json.key("annotated");
  json.number(annotated_);
  json.key("bytes");
  json.number(bytes_);
  json.key("errors");
  json.begin_object();
  for (const auto& [code, n] : errors_) {
    json.key(code);
    json.number(n);
  }
  json.end_object();
  // Actors by mentions, most first; ties by id so the order is stable.
  std::vector<std::pair<std::string, std::pair<std::size_t, std::size_t>>> actors(actors_.begin(), actors_.end());
  std::stable_sort(actors.begin(), actors.end(),
                   [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
  json.key("actors");
  json.begin_array();
  for (const auto& [id, counts] : actors) {
    json.begin_object();
    json.member("id", id);
    json.member("name", actor_names_.at(id));
    json.key("mentions");
    json.number(counts.first);
    json.key("documents");
    json.number(counts.second);
    json.end_object();
  }
  json.end_array();
  json.key("red_lines");
  json.begin_array();
  for (const auto& [pair, n] : red_lines_) {
    const std::size_t arrow = pair.find('>');
    json.begin_object();
    json.member("warner", pair.substr(0, arrow));
    json.member("target", pair.substr(arrow + 1));
    json.key("claims");
    json.number(n);
    json.end_object();
  }
  json.end_array();
  json.key("dates_by_year");
  json.begin_object();
  for (const auto& [year, n] : years_) {
    json.key(year);
    json.number(n);
  }
  json.end_object();
  json.end_object();
  out += '\n';
  return out;
}

}  // namespace annotate
