// SPDX-License-Identifier: MIT
#include "annotate/document_writer.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "annotate/reader.hpp"
#include "annotate/segmenter.hpp"
#include "test_support.hpp"

using namespace annotate;
using annotate::testing::decode_utf8;
using nlohmann::json;

namespace {

json annotate_text(const std::string& raw) {
  ReadResult read = decode_input("mem.txt", raw);
  REQUIRE_FALSE(read.error);
  Document doc = segment_text(read.document.text, annotate::testing::builtin_rules());
  doc.source = read.document.source;
  std::string out;
  write_document(doc, out);
  REQUIRE(out.back() == '\n');
  REQUIRE(out.find('\n') == out.size() - 1);  // one line
  return json::parse(out);
}

}  // namespace

TEST_CASE("document_writer: span counts code points, bytes counts UTF-8 after the BOM",
          "[document_writer]") {
  const std::string body = "\xE2\x80\x9C" "Seoul\xE2\x80\x9D wrote \xE6\x97\xA5\xE6\x9C\xAC.1 Next.\r\n\r\n1. Note.\r\n";
  const json out = annotate_text("\xEF\xBB\xBF" + body);
  CHECK(out["schema"] == "annotate/1");
  CHECK(out["source"]["bytes"] == body.size());
  CHECK(out["source"]["bom"] == true);
  CHECK(out["source"]["line_endings"] == "crlf");
  const std::u32string chars = decode_utf8(body);
  CHECK(out["source"]["chars"] == chars.size());
  const json& callout = out["callouts"][0];
  CHECK(callout["text"] == "1");
  CHECK(callout["span"] == json::array({17, 18}));
  CHECK(callout["bytes"] == json::array({25, 26}));
  CHECK(callout["target"] == "n1");
  CHECK(callout["sentence"] == "t1");
  for (const char* array : {"paragraphs", "sentences", "callouts", "notes"}) {
    for (const json& item : out[array]) {
      const auto span = item["span"].get<std::vector<std::size_t>>();
      const auto bytes = item["bytes"].get<std::vector<std::size_t>>();
      CHECK(body.substr(bytes[0], bytes[1] - bytes[0]) == item["text"].get<std::string>());
      CHECK(chars.substr(span[0], span[1] - span[0]) == decode_utf8(item["text"].get<std::string>()));
    }
  }
}

TEST_CASE("document_writer: every contract key, arrays for later stages empty",
          "[document_writer]") {
  const json out = annotate_text("One sentence only.");
  for (const char* key : {"schema", "source", "document", "boilerplate", "sections", "paragraphs",
                          "sentences", "callouts", "notes", "inline_refs", "actors", "mentions",
                          "dates", "red_lines", "diagnostics"}) {
    CHECK(out.contains(key));
  }
  for (const char* later : {"inline_refs", "actors", "mentions", "dates", "red_lines"}) {
    CHECK(out[later] == json::array());
  }
  CHECK(out["document"]["title"].is_null());
  CHECK(out["document"]["reference_date"].is_null());
  CHECK(out["sections"][0]["kind"] == "front");
  CHECK(out["sections"][0]["heading"].is_null());
  CHECK(out["sections"][0]["heading_span"].is_null());
  CHECK(out["sentences"][0]["text"] == "One sentence only.");
  CHECK(out["source"]["sha256"] ==
        "003dbdce4fda18c9cece719746037fe2146244a95a878eea81f52d083fe6ecb7");
}

TEST_CASE("document_writer: the error object", "[document_writer]") {
  InputError error;
  error.code = "invalid_utf8";
  error.message = "the input is not valid UTF-8: byte 0xE9 at offset 3";
  error.byte = 3;
  error.file_bytes = 10;
  std::string out;
  write_input_error("b.txt", std::nullopt, error, out);
  CHECK(out ==
        R"({"schema":"annotate/1","source":{"path":"b.txt","bytes":10},"error":{"code":"invalid_utf8","message":"the input is not valid UTF-8: byte 0xE9 at offset 3","byte":3}})"
        "\n");
}

TEST_CASE("document_writer: the same input gives the same bytes", "[document_writer]") {
  const std::string text = "Title Line\n\nBody.1 More body.\n\n1. A note.\n";
  std::string first;
  std::string second;
  write_document(segment_text(text, annotate::testing::builtin_rules()), first);
  write_document(segment_text(text, annotate::testing::builtin_rules()), second);
  CHECK(first == second);
}
