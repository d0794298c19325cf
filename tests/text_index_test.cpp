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

TEST_CASE("text_index: every length around the 64-byte blocks, with characters across their edges", "[text_index]") {
  // One to four bytes per character, in an order that puts every kind across a block edge,
  // and every text length from 0 to 300 bytes (the ends at 64, 128, ... included).
  const std::string pieces[] = {"a", "\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x99\x82", "b", "\xE4\xB8\xAD"};
  std::string full;
  for (std::size_t i = 0; full.size() < 300; ++i) full += pieces[(i * 7 + i / 5) % 6];
  for (std::size_t length = 0; length <= 300; ++length) {
    if (length < full.size() && (static_cast<unsigned char>(full[length]) & 0xC0) == 0x80) continue;  // mid-character
    const std::string text = full.substr(0, length);
    const TextIndex index(text);
    std::size_t expected = 0;
    for (std::size_t byte = 0; byte <= text.size(); ++byte) {
      const bool boundary = byte == text.size() || (static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80;
      if (!boundary) continue;
      INFO("length " << length << ", byte " << byte);
      REQUIRE(index.code_point_at(byte) == expected);
      if (byte < text.size()) ++expected;
    }
    CHECK(index.code_points() == expected);
  }
}
