// SPDX-License-Identifier: MIT
// Lexicon: the actors (states, organisations, groups, people, places), every way of
// writing them, and people's dated roles, from data/actors/ plus --lexicon files; and a
// byte trie over the surfaces, so that matching costs the same whatever the lexicon's size.
#ifndef ANNOTATE_LEXICON_HPP_
#define ANNOTATE_LEXICON_HPP_

#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annotate/document.hpp"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace annotate {

struct Entity {
  std::string id;
  ActorType type = ActorType::kState;
  std::string name;
  std::string affiliation;  ///< a state id, or empty
};

/// One way of writing an entity: "Seoul" is the capital form of KOR.
struct Form {
  std::string surface;
  std::size_t entity = 0;  ///< index into Lexicon::entities()
  std::string form;        ///< name, alias, capital, demonym, adjective, prefix, surname, abbreviation
  bool case_insensitive = false;
  std::string rule_id;     ///< "data/actors/forms.tsv:120": where the row came from
};

/// A dated office: "xi-jinping CHN head_of_state 2013-03-14 -".
struct Role {
  std::size_t person = 0;
  std::string state;
  std::string role;
  std::string from;  ///< YYYY-MM-DD
  std::string to;    ///< YYYY-MM-DD, or empty while in office
};

/// Form indices held by the lexicon: a view, valid as long as the lexicon.
class FormList {
 public:
  FormList() = default;
  FormList(const std::size_t* begin, const std::size_t* end) : begin_(begin), end_(end) {}
  const std::size_t* begin() const { return begin_; }
  const std::size_t* end() const { return end_; }
  std::size_t size() const { return static_cast<std::size_t>(end_ - begin_); }
  bool empty() const { return begin_ == end_; }
  std::size_t front() const { return *begin_; }

 private:
  const std::size_t* begin_ = nullptr;
  const std::size_t* end_ = nullptr;
};

/// The longest surface found at a position.
struct LexiconMatch {
  std::size_t length = 0;
  FormList forms;  ///< indices into Lexicon::forms(); several if ambiguous
};

class Lexicon {
 public:
  /// The shipped data/actors files (or their replacements in `data_dir`), then each file
  /// of `overrides` in order: rows of forms.tsv format, or entity rows written as
  /// "@entity<TAB>id<TAB>type<TAB>name<TAB>affiliation". A later row for a surface replaces
  /// the earlier ones. Throws annotate::Error ("file:line: message") on a malformed row.
  static Lexicon load(const std::optional<std::string>& data_dir,
                      const std::vector<std::string>& overrides = {});

  const std::vector<Entity>& entities() const { return entities_; }
  const std::vector<Form>& forms() const { return forms_; }
  const std::vector<Role>& roles() const { return roles_; }
  std::optional<std::size_t> entity_index(std::string_view id) const;

  /// The longest surface that starts at text[begin] and ends at a word boundary (a prefix
  /// form such as "Sino-" must be followed by a letter), or an empty match.
  LexiconMatch longest_match(std::string_view text, std::size_t begin, std::size_t end) const;

  /// The end of the run of ASCII letters and digits that starts at text[begin] (`begin`
  /// itself when text[begin] is none): a word's first run, what may_start() screens.
  static std::size_t first_run_end(std::string_view text, std::size_t begin, std::size_t end) {
    const char* const data = text.data();
    const char* p = data + begin;
    const char* const stop = data + end;
#ifdef __SSE2__
    // Sixteen bytes at a time: a letter is a byte that lands in a-z once 0x20 is set.
    const auto in_range = [](__m128i bytes, char low, char high) {
      return _mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(bytes, _mm_set1_epi8(low)), bytes),
                           _mm_cmpeq_epi8(_mm_min_epu8(bytes, _mm_set1_epi8(high)), bytes));
    };
    for (; stop - p >= 16; p += 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const __m128i alnum = _mm_or_si128(in_range(_mm_or_si128(bytes, _mm_set1_epi8(0x20)), 'a', 'z'),
                                         in_range(bytes, '0', '9'));
      const unsigned others = ~static_cast<unsigned>(_mm_movemask_epi8(alnum)) & 0xFFFFu;
      if (others != 0) return static_cast<std::size_t>(p - data) + static_cast<std::size_t>(__builtin_ctz(others));
    }
#endif
    for (; p < stop; ++p) {
      const auto byte = static_cast<unsigned char>(*p);
      const bool alnum = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9');
      if (!alnum) break;
    }
    return static_cast<std::size_t>(p - data);
  }

  /// False when no surface can start at text[begin]: none has text[begin, run_end) as its
  /// first run of ASCII letters and digits (folding case for the case-insensitive ones).
  /// The run's length and first eight bytes are hashed to a bit, so that most words ("and",
  /// "the" and "this" among them) cost a few instructions instead of a walk of the trie.
  /// REQUIRES: run_end == first_run_end(text, begin, end).
  bool may_start(std::string_view text, std::size_t begin, std::size_t run_end) const {
    const std::size_t length = run_end - begin;
    std::uint64_t prefix = 0;
    const std::size_t kept = length < 8 ? length : 8;
    if (begin + 8 <= text.size()) {
      std::memcpy(&prefix, text.data() + begin, 8);
      if (kept < 8) prefix &= (std::uint64_t{1} << (8 * kept)) - 1;
    } else {
      for (std::size_t k = 0; k < kept; ++k) prefix |= std::uint64_t{static_cast<unsigned char>(text[begin + k])} << (8 * k);
    }
    // One table holds both kinds of run: a run in lowercase already is its folded form, so
    // only a word with capitals needs the second look ("China" may be "CHINA" folded).
    const std::uint32_t exact = run_bit(prefix, length);
    if (((runs_[exact / 64] >> (exact % 64)) & 1u) != 0) return true;
    const std::uint64_t lowered = fold_run(prefix, kept);
    if (lowered == prefix) return false;
    const std::uint32_t folded = run_bit(lowered, length);
    return ((runs_[folded / 64] >> (folded % 64)) & 1u) != 0;
  }

  /// The first two bytes of every surface (in either case for the case-insensitive ones; a
  /// one-byte surface with every second byte), a bit each in a table of 65,536 bits by
  /// first * 256 + second: a word whose two bytes are not there starts no surface, and two
  /// loads say so. `second` is 0 at the end of the text searched.
  const std::vector<std::uint64_t>& start_pairs() const { return start_pairs_; }
  static bool has_pair(const std::vector<std::uint64_t>& pairs, unsigned char first, unsigned char second) {
    const unsigned pair = (unsigned{first} << 8) | second;
    return ((pairs[pair / 64] >> (pair % 64)) & 1u) != 0;
  }
  /// Sets the bits of has_pair() for text that starts with `surface`, folding ASCII case
  /// if `either_case`.
  static void add_pairs(std::vector<std::uint64_t>& pairs, std::string_view surface, bool either_case);

  /// The role `person` held on `date` (YYYY-MM-DD or YYYY), the most senior first, or nothing.
  const Role* role_on(std::size_t person, std::string_view date) const;

 private:
  // A trie in flat arrays, laid out depth first: a node's children are a run of
  // `edge_bytes`/`edge_targets`, sorted by byte, and its forms a run of `form_indices`. The
  // root's children are also a table by byte, since every word start looks one up.
  struct Trie {
    struct Node {
      std::uint32_t first_edge = 0;
      std::uint32_t edge_count = 0;
      std::uint32_t first_form = 0;
      std::uint32_t form_count = 0;
      std::uint32_t table = 0;  ///< 1 + the index of its table in `tables`, or 0
      unsigned char only_byte = 0;  ///< with one edge: its byte; the child is the next node
    };
    std::vector<Node> nodes;
    std::vector<unsigned char> edge_bytes;
    std::vector<std::uint32_t> edge_targets;
    std::vector<std::uint32_t> tables;  ///< 256 children per wide node, 0 for none
    std::vector<std::size_t> form_indices;
    std::uint32_t root_children[256] = {};  ///< 0: no child (the root is never a child)
  };
  static constexpr std::uint32_t kDenseEdges = 6;  ///< nodes with this many edges get a table
  std::size_t add_entity(Entity entity);
  void add_form(Form form);
  void build_tries();
  /// The longest valid surface of `trie` at text[begin], folding ASCII case if `folded`.
  LexiconMatch walk(const Trie& trie, bool folded, std::string_view text, std::size_t begin, std::size_t end) const;
  void add_entity_row(const std::vector<std::string_view>& fields, const std::string& where);
  void parse_entities(std::string_view content, const std::string& name);
  void parse_forms(std::string_view content, const std::string& name);
  void parse_roles(std::string_view content, const std::string& name);

  std::vector<Entity> entities_;
  std::unordered_map<std::string, std::size_t> entity_by_id_;
  std::vector<Form> forms_;
  std::unordered_map<std::string, std::vector<std::size_t>> forms_by_surface_;
  std::vector<Role> roles_;
  std::vector<std::vector<std::size_t>> roles_by_person_;  ///< indices into roles_, in file order
  Trie exact_;   ///< trie of case-sensitive surfaces
  Trie folded_;  ///< trie of case-insensitive surfaces, ASCII-lowercased
  // The first runs of the surfaces (case-insensitive ones in lowercase), hashed to a bit
  // each in one table: the run's length and its first eight bytes, little-endian.
  static constexpr unsigned kRunBits = 16;
  static std::uint32_t run_bit(std::uint64_t prefix, std::size_t length) {
    const std::uint64_t mixed = (prefix ^ (length * 0x9E3779B97F4A7C15ull)) * 0xFF51AFD7ED558CCDull;
    return static_cast<std::uint32_t>(mixed >> (64 - kRunBits));
  }
  /// Lowercase: every byte of a run is an ASCII letter or digit, and setting 0x20 lowers a
  /// letter and leaves a digit as it is.
  static std::uint64_t fold_run(std::uint64_t prefix, std::size_t kept) {
    const std::uint64_t lows = 0x2020202020202020ull;
    return prefix | (kept < 8 ? lows & ((std::uint64_t{1} << (8 * kept)) - 1) : lows);
  }
  std::vector<std::uint64_t> runs_ = std::vector<std::uint64_t>((1u << kRunBits) / 64);
  std::vector<std::uint64_t> start_pairs_ = std::vector<std::uint64_t>(65536 / 64);
};

}  // namespace annotate

#endif  // ANNOTATE_LEXICON_HPP_
