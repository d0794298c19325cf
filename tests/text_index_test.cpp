// SPDX-License-Identifier: MIT
#include "annotate/text_index.hpp"

#include <catch2/catch.hpp>
#include <string>

using annotate::TextIndex;

TEST_CASE("text_index: bytes map to code points across scripts", "[text_index]") {
  // "a" (1 byte), "“" (3 bytes), "日" (3 bytes), "😀" (4 bytes), "b"
  const std::string text = "a\xE2\x80\x9C\xE6\x97\xA5\xF0\x9F\x98\x80" "b";
  const TextIndex index(text);
  CHECK(index.code_point_at(0) == 0);
  CHECK(index.code_point_at(1) == 1);
  CHECK(index.code_point_at(4) == 2);
  CHECK(index.code_point_at(7) == 3);
  CHECK(index.code_point_at(11) == 4);
  CHECK(index.code_point_at(12) == 5);
  CHECK(index.code_points() == 5);
}

TEST_CASE("text_index: lookups past many checkpoints agree with a direct count", "[text_index]") {
  std::string text;
  for (int i = 0; i < 500; ++i) text += (i % 3 == 0) ? "\xC3\xA9" : (i % 3 == 1 ? "x" : "\xE2\x80\x94");
  const TextIndex index(text);
  std::size_t expected = 0;
  for (std::size_t byte = 0; byte <= text.size(); ++byte) {
    const bool boundary =
        byte == text.size() || (static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80;
    if (boundary) REQUIRE(index.code_point_at(byte) == expected);
    if (byte < text.size() && boundary) ++expected;
  }
  CHECK(index.code_points() == 500);
}

TEST_CASE("text_index: empty text", "[text_index]") {
  const TextIndex index("");
  CHECK(index.code_points() == 0);
  CHECK(index.code_point_at(0) == 0);
}
