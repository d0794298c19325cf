// SPDX-License-Identifier: MIT
// Input checks happen here, once, so that every later stage may assume valid UTF-8 text
// without a BOM.
#include "annotate/reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>

#include "annotate/sha256.hpp"

namespace annotate {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string line_endings_of(std::string_view text) {
  bool lf = false;
  bool crlf = false;
  for (std::size_t i = text.find('\n'); i != std::string_view::npos;
       i = text.find('\n', i + 1)) {
    if (i > 0 && text[i - 1] == '\r') {
      crlf = true;
    } else {
      lf = true;
    }
    if (lf && crlf) return "mixed";
  }
  if (crlf) return "crlf";
  return lf ? "lf" : "none";
}

bool only_whitespace(std::string_view text) {
  return trim(text, Span{0, text.size()}).empty();
}

InputError make_error(std::string code, std::string message) {
  InputError error;
  error.code = std::move(code);
  error.message = std::move(message);
  return error;
}

}  // namespace

std::size_t find_invalid_utf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    // Eight ASCII bytes at a time: most commentary is ASCII between its quotes and dashes.
    while (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, s + i, 8);
      if ((word & 0x8080808080808080ULL) != 0) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char low = 0x80;  // bounds of the second byte, per RFC 3629's table
    unsigned char high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) low = 0xA0;   // overlong
      if (c == 0xED) high = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) low = 0x90;   // overlong
      if (c == 0xF4) high = 0x8F;  // past U+10FFFF
    } else {
      return i;
    }
    if (i + length > n) return i;
    if (s[i + 1] < low || s[i + 1] > high) return i;
    for (std::size_t k = 2; k < length; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

std::string sanitize_utf8(std::string_view bytes) {
  std::string clean;
  clean.reserve(bytes.size());
  while (!bytes.empty()) {
    const std::size_t bad = find_invalid_utf8(bytes);
    if (bad == std::string_view::npos) {
      clean.append(bytes);
      break;
    }
    clean.append(bytes.substr(0, bad));
    clean.append("\xEF\xBF\xBD");
    bytes.remove_prefix(bad + 1);
  }
  return clean;
}

ReadResult decode_input(std::string path, std::string raw) {
  ReadResult result;
  const std::size_t file_bytes = raw.size();
  auto fail = [&](InputError error) {
    error.file_bytes = file_bytes;
    result.error = std::move(error);
    return std::move(result);
  };
  if (raw.empty()) return fail(make_error("empty", "the input is empty"));

  const std::size_t nul = raw.find('\0');
  if (nul != std::string::npos) {
    InputError error = make_error(
        "binary", "the input looks binary: NUL byte at offset " + std::to_string(nul));
    error.byte = nul;
    return fail(std::move(error));
  }
  const std::size_t bad = find_invalid_utf8(raw);
  if (bad != std::string_view::npos) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(raw[bad]));
    InputError error = make_error("invalid_utf8", "the input is not valid UTF-8: byte " +
                                                      std::string(hex) + " at offset " +
                                                      std::to_string(bad));
    error.byte = bad;
    return fail(std::move(error));
  }

  Document& doc = result.document;
  doc.source.path = std::move(path);
  doc.source.file_bytes = file_bytes;
  doc.source.sha256 = sha256_hex(raw);
  doc.source.bom = raw.compare(0, kBom.size(), kBom) == 0;
  if (doc.source.bom) raw.erase(0, kBom.size());
  if (only_whitespace(raw)) {
    return fail(make_error("empty", "the input has no text, only white space"));
  }
  doc.source.line_endings = line_endings_of(raw);
  doc.text = std::move(raw);
  return result;
}

std::optional<InputError> read_raw(const std::string& path, std::size_t max_bytes, std::string& raw) {
  auto fail = [](std::string code, std::string message, std::optional<std::size_t> size = std::nullopt) {
    InputError error = make_error(std::move(code), std::move(message));
    error.file_bytes = size;
    return std::optional<InputError>(std::move(error));
  };
  // Reads in blocks so that a stream over the limit is refused without holding it whole.
  auto read_stream = [&](std::istream& in, const char* what) -> std::optional<InputError> {
    char block[1 << 16];
    while (in.read(block, sizeof block) || in.gcount() > 0) {
      raw.append(block, static_cast<std::size_t>(in.gcount()));
      if (raw.size() > max_bytes) {
        return fail("too_large", std::string(what) + " is larger than --max-bytes (" + std::to_string(max_bytes) + " bytes)");
      }
    }
    if (in.bad()) return fail("unreadable", "read error");
    return std::nullopt;
  };
  raw.clear();
  if (path == "-") return read_stream(std::cin, "standard input");

  // One path lookup: open, then ask the open file what it is (stat by path and then open
  // walked the path twice). POSIX reads straight into the string: an ifstream per file
  // costs more than reading a commentary does.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT || errno == ENOTDIR) return fail("not_found", "no such file");
    return fail("unreadable", std::string("cannot open: ") + std::strerror(errno));
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat info {};
  if (::fstat(fd, &info) != 0) return fail("unreadable", std::string("cannot read: ") + std::strerror(errno));
  if (S_ISDIR(info.st_mode)) return fail("is_directory", "is a directory, not a file");
  const auto size = static_cast<std::size_t>(info.st_size);
  if (S_ISREG(info.st_mode) && size > max_bytes) {
    return fail("too_large",
                "the file has " + std::to_string(size) + " bytes, more than --max-bytes (" + std::to_string(max_bytes) + ")",
                size);
  }
  // A regular file is read in one go (one byte more shows whether it grew); a FIFO in blocks.
  std::size_t length = 0;
  raw.resize(S_ISREG(info.st_mode) ? size + 1 : std::size_t{1} << 16);
  for (;;) {
    if (length == raw.size()) raw.resize(raw.size() * 2);
    const ssize_t n = ::read(fd, raw.data() + length, raw.size() - length);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      raw.clear();
      return fail("unreadable", "read error");
    }
    if (n == 0) break;
    length += static_cast<std::size_t>(n);
    if (length > max_bytes) {
      raw.clear();
      return fail("too_large", "the input is larger than --max-bytes (" + std::to_string(max_bytes) + " bytes)");
    }
    // A regular file that leaves room unfilled is at its end: no second read to learn it.
    if (S_ISREG(info.st_mode) && length < raw.size()) break;
  }
  raw.resize(length);
  return std::nullopt;
}

ReadResult read_input(const std::string& path, std::size_t max_bytes) {
  std::string raw;
  if (std::optional<InputError> error = read_raw(path, max_bytes, raw)) {
    ReadResult result;
    result.error = std::move(error);
    return result;
  }
  return decode_input(path, std::move(raw));
}

}  // namespace annotate
