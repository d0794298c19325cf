// SPDX-License-Identifier: MIT
// Input enumeration. Directory walks are sorted so that a corpus gives the same output
// order on every machine, and JSON Lines are read lazily so that memory stays bounded by
// the batch window, not by the corpus.
#include "annotate/inputs.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "annotate/error.hpp"

namespace annotate {

namespace fs = std::filesystem;

Encoding parse_encoding(const std::string& name) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lower == "utf-8" || lower == "utf8") return Encoding::kUtf8;
  if (lower == "latin1" || lower == "latin-1" || lower == "iso-8859-1") return Encoding::kLatin1;
  if (lower == "windows-1252" || lower == "cp1252") return Encoding::kWindows1252;
  throw Error("--encoding must be utf-8, latin1 or windows-1252, not '" + name + "'");
}

std::string transcode_to_utf8(std::string_view bytes, Encoding encoding) {
  if (encoding == Encoding::kUtf8) return std::string(bytes);
  // Windows-1252's 0x80-0x9F; the five undefined bytes keep their C1 code points, as the
  // WHATWG encoding standard does.
  static const char32_t kWindows1252[32] = {
      0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    char32_t cp = byte;
    if (encoding == Encoding::kWindows1252 && byte >= 0x80 && byte <= 0x9F) cp = kWindows1252[byte - 0x80];
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

InputQueue::InputQueue(const std::vector<std::string>& arguments, const std::string& glob,
                       const std::optional<std::string>& files_from, InputFormat format, std::size_t max_bytes)
    : format_(format), max_bytes_(max_bytes), glob_(glob) {
  for (const std::string& argument : arguments) expand(argument, false);
  if (files_from) {
    std::ifstream file;
    std::istream* list = &std::cin;
    if (*files_from != "-") {
      file.open(*files_from);
      if (!file) throw Error(*files_from + ": cannot read --files-from list");
      list = &file;
    }
    for (std::string line; std::getline(*list, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) expand(line, true);
    }
  }
  if (arguments.empty() && !files_from) paths_.push_back(InputItem{"-", {}, {}, {}});
}

void InputQueue::expand(const std::string& argument, bool from_list) {
  std::error_code error;
  if (argument == "-" || from_list || !fs::is_directory(argument, error)) {
    // A directory named in a list is an error the reader reports in its place.
    paths_.push_back(InputItem{argument, {}, {}, {}});
    return;
  }
  std::vector<std::string> found;
  fs::recursive_directory_iterator walk(argument, fs::directory_options::skip_permission_denied, error);
  for (; !error && walk != fs::recursive_directory_iterator(); walk.increment(error)) {
    const fs::directory_entry& entry = *walk;
    std::error_code status_error;
    if (!entry.is_regular_file(status_error)) continue;
    const std::string name = entry.path().filename().string();
    if (fnmatch(glob_.c_str(), name.c_str(), 0) == 0) found.push_back(entry.path().string());
  }
  std::sort(found.begin(), found.end());
  for (std::string& path : found) paths_.push_back(InputItem{std::move(path), {}, {}, {}});
}

std::optional<std::size_t> InputQueue::known_total() const {
  if (format_ == InputFormat::kJsonLines) return std::nullopt;
  return paths_.size();
}

bool InputQueue::open_next_stream() {
  owned_stream_.reset();
  stream_ = nullptr;
  if (next_path_ >= paths_.size()) return false;
  stream_name_ = paths_[next_path_++].path;
  stream_line_ = 0;
  if (stream_name_ == "-") {
    stream_ = &std::cin;
  } else {
    auto file = std::make_unique<std::ifstream>(stream_name_, std::ios::binary);
    if (!*file) return false;
    owned_stream_ = std::move(file);
    stream_ = owned_stream_.get();
  }
  return true;
}

std::optional<InputItem> InputQueue::next() {
  if (format_ == InputFormat::kText) {
    if (next_path_ >= paths_.size()) return std::nullopt;
    return paths_[next_path_++];
  }
  for (;;) {
    if (stream_ == nullptr) {
      if (next_path_ >= paths_.size()) return std::nullopt;
      const std::string name = paths_[next_path_].path;
      if (!open_next_stream()) {
        InputItem item{name, {}, {}, InputError{"not_found", "cannot open the JSON Lines input", {}, {}}};
        return item;
      }
    }
    std::string line;
    if (!std::getline(*stream_, line)) {
      stream_ = nullptr;
      continue;
    }
    ++stream_line_;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    // The path stays the stream's name, so that a corpus split across GNU parallel jobs
    // gives the same output as one run; the line appears only in error messages.
    InputItem item{stream_name_, {}, {}, {}};
    const std::string where = "line " + std::to_string(stream_line_) + ": ";
    if (line.size() > max_bytes_) {
      item.error = InputError{"too_large", where + "the record is larger than --max-bytes", {}, line.size()};
      return item;
    }
    const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_discarded() || !record.is_object() || !record.contains("text") || !record["text"].is_string()) {
      item.error = InputError{"bad_record", where + "expected a JSON object with a string \"text\"", {}, {}};
      return item;
    }
    if (record.contains("id")) item.id = record["id"].is_string() ? record["id"].get<std::string>() : record["id"].dump();
    item.text = record["text"].get<std::string>();
    return item;
  }
}

}  // namespace annotate
