// SPDX-License-Identifier: MIT
// The streaming writer is checked against nlohmann_json's parser: whatever we escape must
// read back as the same string.
#include "annotate/json_writer.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using annotate::JsonWriter;

TEST_CASE("json_writer: escaping round-trips through a real parser", "[json_writer]") {
  std::string tricky = "quote \" backslash \\ newline \n tab \t cr \r bell \x07 nul ";
  tricky.push_back('\0');
  tricky += " del \x7F curly \xE2\x80\x9C\xE6\x97\xA5\xE2\x80\x9D line-sep \xE2\x80\xA8 emoji \xF0\x9F\x98\x80";
  std::string out;
  JsonWriter json(out);
  json.begin_object();
  json.member("s", tricky);
  json.end_object();
  CHECK(nlohmann::json::parse(out)["s"].get<std::string>() == tricky);
  CHECK(out.find("\\u0007") != std::string::npos);
  CHECK(out.find("\\u0000") != std::string::npos);
}

TEST_CASE("json_writer: compact output, nesting and every value type", "[json_writer]") {
  std::string out;
  JsonWriter json(out);
  json.begin_object();
  json.key("a");
  json.begin_array();
  json.number(1);
  json.number(std::size_t{18446744073709551615u});
  json.number(std::int64_t{-5});
  json.boolean(true);
  json.null();
  json.begin_object();
  json.end_object();
  json.begin_array();
  json.end_array();
  json.end_array();
  json.member("b", "x");
  json.end_object();
  CHECK(out == R"({"a":[1,18446744073709551615,-5,true,null,{},[]],"b":"x"})");
}

TEST_CASE("json_writer: pretty output indents by two spaces", "[json_writer]") {
  std::string out;
  JsonWriter json(out, true);
  json.begin_object();
  json.key("a");
  json.begin_array();
  json.number(1);
  json.number(2);
  json.end_array();
  json.key("e");
  json.begin_array();
  json.end_array();
  json.end_object();
  CHECK(out == "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"e\": []\n}");
  CHECK(nlohmann::json::parse(out) == nlohmann::json::parse(R"({"a":[1,2],"e":[]})"));
}

TEST_CASE("json_writer: values longer than the staging buffer and staged bytes", "[json_writer]") {
  std::string long_text;
  for (int i = 0; i < 5000; ++i) long_text += "line \"" + std::to_string(i) + "\"\n";  // ~60 KB, escapes throughout
  std::string out;
  {
    JsonWriter json(out);
    json.begin_object();
    json.key("items");
    json.begin_array();
    json.number(1);
    CHECK(out.empty());         // staged until the outermost value closes
    CHECK(json.size() == 11);   // {"items":[1
    json.string(long_text);
    json.plain_string("t12");
    json.end_array();
    json.end_object();
    CHECK(json.size() == out.size());
  }
  const nlohmann::json parsed = nlohmann::json::parse(out);
  CHECK(parsed["items"][1].get<std::string>() == long_text);
  CHECK(parsed["items"][2] == "t12");
}

TEST_CASE("json_writer: keys from the program and keys from data", "[json_writer]") {
  std::string out;
  {
    JsonWriter json(out);
    json.begin_object();
    json.key("literal");
    json.null();
    const std::string from_data = "quo\"te";
    json.key(from_data);
    json.boolean(false);
    json.plain_key("plain");
    json.number(std::int64_t{-1});
    json.end_object();
  }
  CHECK(out == R"({"literal":null,"quo\"te":false,"plain":-1})");
}

TEST_CASE("json_writer: every short length, with and without a byte to escape at each place", "[json_writer]") {
  // Short strings and tokens take a path of their own (overlapping eight- and four-byte
  // moves); each length from 0 to 40, plain and with a quote or a control byte at every
  // position, must come back as written, and plain ones byte for byte.
  for (std::size_t length = 0; length <= 40; ++length) {
    std::string plain;
    for (std::size_t i = 0; i < length; ++i) plain.push_back(static_cast<char>('a' + i % 26));
    std::vector<std::string> values{plain};
    for (std::size_t at = 0; at < length; ++at) {
      for (const char special : {'"', '\n', '\\', '\x01'}) {
        std::string value = plain;
        value[at] = special;
        values.push_back(value);
      }
    }
    for (const std::string& value : values) {
      INFO("length " << length << ": " << value);
      std::string out;
      {
        JsonWriter json(out);
        json.begin_array();
        json.string(value);
        json.plain_string(plain);
        json.end_array();
      }
      const nlohmann::json parsed = nlohmann::json::parse(out);
      CHECK(parsed[0].get<std::string>() == value);
      CHECK(parsed[1].get<std::string>() == plain);
      if (value == plain) CHECK(out == "[\"" + plain + "\",\"" + plain + "\"]");
    }
  }
}

TEST_CASE("json_writer: program keys of every length, first and later members", "[json_writer]") {
  // Compact keys up to 32 bytes are put in one go with their comma; longer ones take the
  // general path. Both must give the same bytes as spelling it out.
  for (std::size_t length = 1; length <= 40; ++length) {
    std::string name;
    for (std::size_t i = 0; i < length; ++i) name.push_back(static_cast<char>('A' + i % 26));
    INFO("length " << length);
    std::string out;
    {
      JsonWriter json(out);
      json.begin_object();
      json.plain_key(name);
      json.begin_object();
      json.plain_key(name);
      json.number(1);
      json.plain_key(name);
      json.string(name);
      json.end_object();
      json.plain_key(name);
      json.null();
      json.end_object();
    }
    const std::string key = "\"" + name + "\":";
    CHECK(out == "{" + key + "{" + key + "1," + key + "\"" + name + "\"}," + key + "null}");
  }
}

TEST_CASE("json_writer: a member with a literal name, every value length, first and later, compact and pretty", "[json_writer]") {
  // member("name", value) puts a short plain pair in one go in compact output; a longer
  // value, one with a byte to escape, pretty output and a pending key take the general
  // path. All must give the bytes a parser reads back.
  for (const bool pretty : {false, true}) {
    for (std::size_t length = 0; length <= 40; ++length) {
      for (const char odd : {'x', '"', '\\', '\n'}) {
        std::string value;
        for (std::size_t i = 0; i < length; ++i) value.push_back(static_cast<char>('a' + i % 26));
        if (length > 0) value[length / 2] = odd;
        INFO("pretty " << pretty << ", length " << length << ", odd byte " << static_cast<int>(odd));
        std::string out;
        {
          JsonWriter json(out, pretty);
          json.begin_object();
          json.member("first", value);
          json.key("nested");
          json.begin_array();
          json.begin_object();
          json.member("k", value);
          json.member("second_name", value);
          json.end_object();
          json.end_array();
          json.member("last", value);
          json.end_object();
        }
        // Ordered: the members keep the writer's order, so compact output must equal the dump.
        const nlohmann::ordered_json parsed = nlohmann::ordered_json::parse(out);
        CHECK(parsed.size() == 3);
        CHECK(parsed["first"] == value);
        CHECK(parsed["nested"][0]["k"] == value);
        CHECK(parsed["nested"][0]["second_name"] == value);
        CHECK(parsed["last"] == value);
        if (!pretty) CHECK(out == parsed.dump());
      }
    }
  }
}

TEST_CASE("json_writer: number pairs, compact and pretty", "[json_writer]") {
  std::string compact;
  std::string pretty;
  for (const bool indent : {false, true}) {
    std::string& out = indent ? pretty : compact;
    JsonWriter json(out, indent);
    json.begin_object();
    json.key("span");
    json.number_pair(0, 18446744073709551615u);
    json.key("pairs");
    json.begin_array();
    json.number_pair(7, 12);
    json.number_pair(12, 7);
    json.end_array();
    json.end_object();
  }
  CHECK(compact == R"({"span":[0,18446744073709551615],"pairs":[[7,12],[12,7]]})");
  CHECK(pretty ==
        "{\n  \"span\": [\n    0,\n    18446744073709551615\n  ],\n  \"pairs\": [\n    [\n      7,\n      12\n"
        "    ],\n    [\n      12,\n      7\n    ]\n  ]\n}");
}

TEST_CASE("json_writer: numbers at every change of length read back as written", "[json_writer]") {
  // The writer formats numbers of up to eight digits itself: each power of ten, the number
  // before it and the largest values, through every path that writes a number.
  std::vector<std::uint64_t> values = {0, 18446744073709551615u};
  for (std::uint64_t power = 1; power <= 10000000000000000000u; power *= 10) {
    values.push_back(power - 1);
    values.push_back(power);
    values.push_back(power + 1);
    if (power == 10000000000000000000u) break;
  }
  for (const std::uint64_t value : values) {
    const std::string digits = std::to_string(value);
    for (const bool indent : {false, true}) {
      std::string out;
      {
        JsonWriter json(out, indent);
        json.begin_object();
        json.key("n");
        json.number(static_cast<std::size_t>(value));
        json.pair_member("span", value, value / 3);
        json.id_member("id", 't', value);
        json.end_object();
      }
      const nlohmann::json parsed = nlohmann::json::parse(out);
      INFO(out);
      CHECK(parsed["n"].get<std::uint64_t>() == value);
      CHECK(parsed["span"][0].get<std::uint64_t>() == value);
      CHECK(parsed["span"][1].get<std::uint64_t>() == value / 3);
      CHECK(parsed["id"].get<std::string>() == "t" + digits);
      if (!indent) {
        CHECK(out == "{\"n\":" + digits + ",\"span\":[" + digits + "," + std::to_string(value / 3) + "],\"id\":\"t" +
                         digits + "\"}");
      }
    }
  }
}

TEST_CASE("json_writer: pair and id members as the first member, after a pending key's value, and pretty", "[json_writer]") {
  std::string compact;
  std::string pretty;
  for (const bool indent : {false, true}) {
    std::string& out = indent ? pretty : compact;
    JsonWriter json(out, indent);
    json.begin_array();
    json.begin_object();
    json.pair_member("span", 3, 9);
    json.id_member("sentence", 't', 12);
    json.end_object();
    json.begin_object();
    json.id_member("id", 'p', 1);
    json.key("text");
    json.string("x");
    json.pair_member("bytes", 3, 11);
    json.end_object();
    json.end_array();
  }
  CHECK(compact == R"([{"span":[3,9],"sentence":"t12"},{"id":"p1","text":"x","bytes":[3,11]}])");
  CHECK(nlohmann::json::parse(pretty) == nlohmann::json::parse(compact));
  CHECK(pretty.find("\n    \"span\": [\n      3,\n      9\n    ],") != std::string::npos);
}

TEST_CASE("json_writer: short tokens across the staging buffer's end", "[json_writer]") {
  // Keys, short strings and number pairs reserve their room first: filled to each offset
  // near the buffer's 16 KB end, the output must still parse and hold every value.
  for (std::size_t filler = 16 * 1024 - 48; filler <= 16 * 1024; ++filler) {
    std::string out;
    {
      JsonWriter json(out);
      json.begin_object();
      json.key("f");
      json.plain_string(std::string(filler, 'x'));
      for (int i = 0; i < 4; ++i) {
        json.plain_key("key" + std::to_string(i));
        json.begin_array();
        json.string("a short value");
        json.number_pair(123456, 654321);
        json.end_array();
      }
      json.end_object();
    }
    INFO("filler " << filler);
    const nlohmann::json parsed = nlohmann::json::parse(out);
    CHECK(parsed["f"].get<std::string>().size() == filler);
    CHECK(parsed["key3"][0] == "a short value");
    CHECK(parsed["key3"][1] == nlohmann::json::array({123456, 654321}));
  }
}
