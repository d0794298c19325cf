// SPDX-License-Identifier: MIT
#include "annotate/reader.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "test_support.hpp"

using namespace annotate;
using annotate::testing::scratch_dir;
using annotate::testing::write_file;

TEST_CASE("reader: a leading BOM is skipped and reported", "[reader]") {
  ReadResult r = decode_input("a.txt", "\xEF\xBB\xBFHello.\n");
  REQUIRE_FALSE(r.error);
  CHECK(r.document.text == "Hello.\n");
  CHECK(r.document.source.bom);
  CHECK(r.document.source.file_bytes == 10);
  CHECK(r.document.source.line_endings == "lf");
}

TEST_CASE("reader: line endings are recorded, never folded", "[reader]") {
  CHECK(decode_input("a", "One.\r\nTwo.\r\n").document.source.line_endings == "crlf");
  CHECK(decode_input("a", "One.\r\nTwo.\n").document.source.line_endings == "mixed");
  CHECK(decode_input("a", "One.").document.source.line_endings == "none");
  CHECK(decode_input("a", "One.\r\nTwo.\r\n").document.text == "One.\r\nTwo.\r\n");
}

TEST_CASE("reader: invalid UTF-8 names the first bad byte", "[reader]") {
  ReadResult r = decode_input("bad.txt", std::string("Seoul \xE2\x80\x9Cok\xE2\x80\x9D caf\xE9 x"));
  REQUIRE(r.error);
  CHECK(r.error->code == "invalid_utf8");
  REQUIRE(r.error->byte);
  CHECK(*r.error->byte == 18);
  CHECK(r.error->message == "the input is not valid UTF-8: byte 0xE9 at offset 18");
}

TEST_CASE("reader: UTF-8 validation rejects overlongs, surrogates and truncation", "[reader]") {
  CHECK(find_invalid_utf8("plain ascii") == std::string_view::npos);
  CHECK(find_invalid_utf8("\xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80") == std::string_view::npos);
  CHECK(find_invalid_utf8("ab\xC0\xAF") == 2);          // overlong '/'
  CHECK(find_invalid_utf8("a\xED\xA0\x80") == 1);       // UTF-16 surrogate
  CHECK(find_invalid_utf8("ab\xF4\x90\x80\x80") == 2);  // past U+10FFFF
  CHECK(find_invalid_utf8("abc\xE2\x80") == 3);         // truncated at the end
  CHECK(find_invalid_utf8("\x80") == 0);                // lone continuation byte
}

TEST_CASE("reader: NUL bytes mean binary input", "[reader]") {
  ReadResult r = decode_input("b.bin", std::string("PK\x03\x04\0\0data", 10));
  REQUIRE(r.error);
  CHECK(r.error->code == "binary");
  CHECK(*r.error->byte == 4);
}

TEST_CASE("reader: empty and white-space-only input are errors", "[reader]") {
  CHECK(decode_input("e", "").error->code == "empty");
  CHECK(decode_input("e", " \n\r\n\t\n").error->code == "empty");
  CHECK(decode_input("e", "\xEF\xBB\xBF").error->code == "empty");
}

TEST_CASE("reader: file errors carry stable codes", "[reader]") {
  const std::string dir = scratch_dir("reader");
  CHECK(read_input(dir + "/missing.txt").error->code == "not_found");
  CHECK(read_input(dir).error->code == "is_directory");

  write_file(dir + "/big.txt", std::string(100, 'x'));
  ReadResult big = read_input(dir + "/big.txt", 99);
  REQUIRE(big.error);
  CHECK(big.error->code == "too_large");
  CHECK(*big.error->file_bytes == 100);
  CHECK_FALSE(read_input(dir + "/big.txt", 100).error);

  write_file(dir + "/ok.txt", "Text.\n");
  ReadResult ok = read_input(dir + "/ok.txt");
  REQUIRE_FALSE(ok.error);
  CHECK(ok.document.text == "Text.\n");
  CHECK(ok.document.source.path == dir + "/ok.txt");
  CHECK(ok.document.source.sha256 ==
        "61ebb162c522567baabedfb142fe7341db83d2ad272f2886c92c1aef047b4551");
  std::filesystem::remove_all(dir);
}

TEST_CASE("reader: unreadable files are reported, not fatal", "[reader]") {
  if (::geteuid() == 0) {
    WARN("skipped: root can read files without read permission");
    return;
  }
  const std::string dir = scratch_dir("reader-perm");
  write_file(dir + "/secret.txt", "Text.\n");
  std::filesystem::permissions(dir + "/secret.txt", std::filesystem::perms::none);
  CHECK(read_input(dir + "/secret.txt").error->code == "unreadable");
  std::filesystem::remove_all(dir);
}

TEST_CASE("reader: file names that are not UTF-8 are shown with U+FFFD", "[reader]") {
  CHECK(sanitize_utf8("caf\xE9.txt") == "caf\xEF\xBF\xBD.txt");
  CHECK(sanitize_utf8("ok.txt") == "ok.txt");
}
