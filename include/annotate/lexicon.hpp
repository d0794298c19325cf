// SPDX-License-Identifier: MIT
// Lexicon: the actors (states, organisations, groups, people, places), every way of
// writing them, and people's dated roles, from data/actors/ plus --lexicon files; and a
// byte trie over the surfaces, so that matching costs the same whatever the lexicon's size.
#ifndef ANNOTATE_LEXICON_HPP_
#define ANNOTATE_LEXICON_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annotate/document.hpp"

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

/// The longest surface found at a position.
struct LexiconMatch {
  std::size_t length = 0;
  std::vector<std::size_t> forms;  ///< indices into Lexicon::forms(); several if ambiguous
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

  /// The role `person` held on `date` (YYYY-MM-DD or YYYY), the most senior first, or nothing.
  const Role* role_on(std::size_t person, std::string_view date) const;

 private:
  struct Node {
    std::vector<std::pair<unsigned char, std::uint32_t>> children;  ///< sorted by byte
    std::vector<std::size_t> forms;                                 ///< forms ending here
  };
  std::size_t add_entity(Entity entity);
  void add_form(Form form);
  void build_tries();
  std::uint32_t child(std::uint32_t node, unsigned char byte) const;
  void add_entity_row(const std::vector<std::string_view>& fields, const std::string& where);
  void parse_entities(std::string_view content, const std::string& name);
  void parse_forms(std::string_view content, const std::string& name);
  void parse_roles(std::string_view content, const std::string& name);

  std::vector<Entity> entities_;
  std::unordered_map<std::string, std::size_t> entity_by_id_;
  std::vector<Form> forms_;
  std::unordered_map<std::string, std::vector<std::size_t>> forms_by_surface_;
  std::vector<Role> roles_;
  std::vector<Node> exact_;     ///< trie of case-sensitive surfaces
  std::vector<Node> folded_;    ///< trie of case-insensitive surfaces, ASCII-lowercased
};

}  // namespace annotate

#endif  // ANNOTATE_LEXICON_HPP_
