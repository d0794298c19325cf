// SPDX-License-Identifier: MIT
// Lexicon loading and the surface trie. One trie holds the case-sensitive surfaces, a second
// the case-insensitive ones in lowercase; a match walks both from a word start, byte by byte,
// so its cost depends on the length of the longest surface, never on how many there are.
#include "annotate/lexicon.hpp"

#include <algorithm>

#include "annotate/data_file.hpp"
#include "annotate/error.hpp"
#include "annotate/unicode.hpp"

namespace annotate {

namespace {

constexpr const char* kEntitiesFile = "actors/entities.tsv";
constexpr const char* kFormsFile = "actors/forms.tsv";
constexpr const char* kRolesFile = "actors/roles.tsv";

std::optional<ActorType> parse_type(std::string_view type) {
  if (type == "state") return ActorType::kState;
  if (type == "organization") return ActorType::kOrganization;
  if (type == "person") return ActorType::kPerson;
  if (type == "group") return ActorType::kGroup;
  if (type == "place") return ActorType::kPlace;
  return std::nullopt;
}

bool is_form_name(std::string_view form) {
  for (const char* known : {"name", "alias", "capital", "demonym", "adjective", "prefix", "surname", "abbreviation"}) {
    if (form == known) return true;
  }
  return false;
}

unsigned char fold(unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c - 'A' + 'a') : c; }

bool is_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  return std::all_of(text.begin(), text.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
}

int seniority(const std::string& role) {
  if (role == "head_of_state") return 0;
  if (role == "head_of_government") return 1;
  if (role == "foreign_minister") return 2;
  return 3;
}

}  // namespace

std::size_t Lexicon::add_entity(Entity entity) {
  const auto existing = entity_by_id_.find(entity.id);
  if (existing != entity_by_id_.end()) {
    entities_[existing->second] = std::move(entity);
    return existing->second;
  }
  entity_by_id_.emplace(entity.id, entities_.size());
  entities_.push_back(std::move(entity));
  return entities_.size() - 1;
}

void Lexicon::add_form(Form form) {
  forms_by_surface_[form.surface].push_back(forms_.size());
  forms_.push_back(std::move(form));
}

std::optional<std::size_t> Lexicon::entity_index(std::string_view id) const {
  const auto it = entity_by_id_.find(std::string(id));
  if (it == entity_by_id_.end()) return std::nullopt;
  return it->second;
}

void Lexicon::add_entity_row(const std::vector<std::string_view>& fields, const std::string& where) {
  if (fields.size() < 3 || fields.size() > 4 || fields[0].empty() || fields[2].empty()) {
    throw Error(where + "expected an entity: id, type, name, affiliation");
  }
  const auto type = parse_type(fields[1]);
  if (!type) throw Error(where + "unknown actor type '" + std::string(fields[1]) + "'");
  add_entity(Entity{std::string(fields[0]), *type, std::string(fields[2]),
                    fields.size() == 4 ? std::string(fields[3]) : std::string()});
}

void Lexicon::parse_entities(std::string_view content, const std::string& name) {
  for_each_data_line(content, [&](std::size_t line_number, std::string_view line) {
    add_entity_row(split_tabs(line), located_message(name, line_number, ""));
  });
}

void Lexicon::parse_forms(std::string_view content, const std::string& name) {
  for_each_data_line(content, [&](std::size_t line_number, std::string_view line) {
    const std::string where = located_message(name, line_number, "");
    std::vector<std::string_view> fields = split_tabs(line);
    if (fields[0] == "@entity") {
      fields.erase(fields.begin());
      add_entity_row(fields, where);
      return;
    }
    if (fields.size() < 3 || fields.size() > 4 || fields[0].empty()) {
      throw Error(where + "expected a form: surface, id, form, case");
    }
    const auto entity = entity_index(fields[1]);
    if (!entity) throw Error(where + "unknown actor id '" + std::string(fields[1]) + "'");
    if (!is_form_name(fields[2])) throw Error(where + "unknown form '" + std::string(fields[2]) + "'");
    if (fields.size() == 4 && fields[3] != "cs" && fields[3] != "ci") throw Error(where + "case must be cs or ci");
    const std::string surface(fields[0]);
    // A surface defined again in a later file replaces every earlier reading of it; rows of
    // one file for one surface are kept together (a deliberate ambiguity).
    auto& existing = forms_by_surface_[surface];
    if (!existing.empty() && forms_[existing.front()].rule_id.rfind(name + ":", 0) != 0) existing.clear();
    Form form{surface, *entity, std::string(fields[2]), fields.size() == 4 && fields[3] == "ci",
              name + ":" + std::to_string(line_number)};
    // "Sino–DPRK" is written with an en dash as often as with a hyphen.
    if (form.form == "prefix" && !surface.empty() && surface.back() == '-') {
      Form dashed = form;
      dashed.surface = surface.substr(0, surface.size() - 1) + "\xE2\x80\x93";
      forms_by_surface_[dashed.surface].clear();
      add_form(std::move(dashed));
    }
    add_form(std::move(form));
  });
}

void Lexicon::parse_roles(std::string_view content, const std::string& name) {
  for_each_data_line(content, [&](std::size_t line_number, std::string_view line) {
    const std::vector<std::string_view> fields = split_tabs(line);
    const std::string where = located_message(name, line_number, "");
    if (fields.size() < 4 || fields.size() > 5) throw Error(where + "expected a role: person, state, role, from, to");
    const auto person = entity_index(fields[0]);
    if (!person) throw Error(where + "unknown person '" + std::string(fields[0]) + "'");
    const std::string_view to = fields.size() == 5 ? fields[4] : std::string_view();
    if (!is_date(fields[3]) || (!to.empty() && !is_date(to))) throw Error(where + "dates must be YYYY-MM-DD");
    if (roles_by_person_.size() <= *person) roles_by_person_.resize(*person + 1);
    roles_by_person_[*person].push_back(roles_.size());
    roles_.push_back(Role{*person, std::string(fields[1]), std::string(fields[2]), std::string(fields[3]), std::string(to)});
  });
}

Lexicon Lexicon::load(const std::optional<std::string>& data_dir, const std::vector<std::string>& overrides) {
  Lexicon lexicon;
  const DataText entities = read_data_file(data_dir, kEntitiesFile);
  lexicon.parse_entities(entities.content, entities.name);
  const DataText forms = read_data_file(data_dir, kFormsFile);
  lexicon.parse_forms(forms.content, forms.name);
  const DataText roles = read_data_file(data_dir, kRolesFile);
  lexicon.parse_roles(roles.content, roles.name);
  for (const std::string& path : overrides) {
    const DataText file = read_data_file(std::nullopt, path, true);
    lexicon.parse_forms(file.content, file.name);
  }
  lexicon.build_tries();
  return lexicon;
}

void Lexicon::build_tries() {
  // Built as nodes with child lists first, then laid out flat, depth first.
  struct BuildNode {
    std::vector<std::pair<unsigned char, std::uint32_t>> children;
    std::vector<std::size_t> forms;
  };
  std::vector<BuildNode> exact(1);
  std::vector<BuildNode> folded(1);
  for (const auto& [surface, indices] : forms_by_surface_) {
    for (std::size_t index : indices) {
      const Form& form = forms_[index];
      std::vector<BuildNode>& trie = form.case_insensitive ? folded : exact;
      std::uint32_t node = 0;
      for (char c : surface) {
        const unsigned char byte = form.case_insensitive ? fold(static_cast<unsigned char>(c)) : static_cast<unsigned char>(c);
        auto& children = trie[node].children;
        auto it = std::find_if(children.begin(), children.end(), [&](const auto& child) { return child.first == byte; });
        if (it == children.end()) {
          children.emplace_back(byte, static_cast<std::uint32_t>(trie.size()));
          node = static_cast<std::uint32_t>(trie.size());
          trie.emplace_back();
        } else {
          node = it->second;
        }
      }
      trie[node].forms.push_back(index);
    }
  }
  // The first run of every surface, for may_start(), and its first two bytes.
  runs_.assign(runs_.size(), 0);
  start_pairs_.assign(start_pairs_.size(), 0);
  for (const Form& form : forms_) {
    add_pairs(start_pairs_, form.surface, form.case_insensitive);
    const std::string_view surface = form.surface;
    const std::size_t length = first_run_end(surface, 0, surface.size());
    const std::size_t kept = std::min<std::size_t>(length, 8);
    std::uint64_t prefix = 0;
    for (std::size_t k = 0; k < kept; ++k) prefix |= std::uint64_t{static_cast<unsigned char>(surface[k])} << (8 * k);
    const std::uint32_t bit = run_bit(form.case_insensitive ? fold_run(prefix, kept) : prefix, length);
    runs_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  // Laid out depth first: a node's first child comes right after it, so that a name's
  // chain of single children is read in order from one stretch of memory, and a node with
  // one child keeps that child's byte itself (Trie::Node::only_byte).
  auto depth_first = [](std::vector<BuildNode>& trie) {
    std::vector<std::uint32_t> order;
    std::vector<std::uint32_t> pending{0};
    while (!pending.empty()) {
      const std::uint32_t n = pending.back();
      pending.pop_back();
      order.push_back(n);
      std::sort(trie[n].children.begin(), trie[n].children.end());
      for (auto child = trie[n].children.rbegin(); child != trie[n].children.rend(); ++child) pending.push_back(child->second);
    }
    std::vector<std::uint32_t> new_index(trie.size());
    for (std::size_t k = 0; k < order.size(); ++k) new_index[order[k]] = static_cast<std::uint32_t>(k);
    std::vector<BuildNode> reordered(trie.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
      reordered[k] = std::move(trie[order[k]]);
      for (auto& child : reordered[k].children) child.second = new_index[child.second];
    }
    trie = std::move(reordered);
  };
  depth_first(exact);
  depth_first(folded);
  for (auto [built, flat] : {std::pair{&exact, &exact_}, std::pair{&folded, &folded_}}) {
    *flat = Trie{};
    for (BuildNode& node : *built) {
      std::sort(node.children.begin(), node.children.end());
      std::sort(node.forms.begin(), node.forms.end());
      Trie::Node out;
      out.first_edge = static_cast<std::uint32_t>(flat->edge_bytes.size());
      out.edge_count = static_cast<std::uint32_t>(node.children.size());
      out.first_form = static_cast<std::uint32_t>(flat->form_indices.size());
      out.form_count = static_cast<std::uint32_t>(node.forms.size());
      if (node.children.size() == 1) out.only_byte = node.children.front().first;
      for (const auto& [byte, target] : node.children) {
        flat->edge_bytes.push_back(byte);
        flat->edge_targets.push_back(target);
      }
      flat->form_indices.insert(flat->form_indices.end(), node.forms.begin(), node.forms.end());
      flat->nodes.push_back(out);
    }
    for (const auto& [byte, target] : built->front().children) flat->root_children[byte] = target;
    // Wide nodes (the first letters of many surfaces) get a table by byte: a scan of their
    // edges would cost more than the table's memory.
    for (std::size_t n = 0; n < flat->nodes.size(); ++n) {
      Trie::Node& node = flat->nodes[n];
      if (node.edge_count < kDenseEdges) continue;
      node.table = static_cast<std::uint32_t>(flat->tables.size() / 256 + 1);
      flat->tables.resize(flat->tables.size() + 256, 0);
      std::uint32_t* table = flat->tables.data() + (node.table - 1) * 256;
      for (std::uint32_t e = node.first_edge; e < node.first_edge + node.edge_count; ++e) {
        table[flat->edge_bytes[e]] = flat->edge_targets[e];
      }
    }
  }
}

void Lexicon::add_pairs(std::vector<std::uint64_t>& pairs, std::string_view surface, bool either_case) {
  if (surface.empty()) return;
  const auto cases = [&](unsigned char byte) {
    const bool letter = (byte | 0x20) >= 'a' && (byte | 0x20) <= 'z';
    return std::array<unsigned char, 2>{byte, either_case && letter ? static_cast<unsigned char>(byte ^ 0x20) : byte};
  };
  for (const unsigned char first : cases(static_cast<unsigned char>(surface[0]))) {
    if (surface.size() == 1) {
      for (unsigned second = 0; second < 256; ++second) {
        const unsigned pair = (unsigned{first} << 8) | second;
        pairs[pair / 64] |= std::uint64_t{1} << (pair % 64);
      }
      continue;
    }
    for (const unsigned char second : cases(static_cast<unsigned char>(surface[1]))) {
      const unsigned pair = (unsigned{first} << 8) | second;
      pairs[pair / 64] |= std::uint64_t{1} << (pair % 64);
    }
  }
}

LexiconMatch Lexicon::walk(const Trie& trie, bool folded, std::string_view text, std::size_t begin,
                           std::size_t end) const {
  LexiconMatch best;
  if (begin >= end) return best;
  const auto byte_at = [&](std::size_t i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    return folded ? fold(byte) : byte;
  };
  std::uint32_t node = trie.root_children[byte_at(begin)];
  for (std::size_t i = begin; node != 0;) {
    const Trie::Node& reached = trie.nodes[node];
    if (reached.form_count > 0) {
      const auto byte = static_cast<unsigned char>(text[i]);
      // A prefix form ("Sino-") ends in a hyphen and must run into a word; others must end one.
      const bool prefix = byte == '-' || (byte == 0x93 && i >= begin + 2 && text[i - 1] == '\x80' && text[i - 2] == '\xE2');
      const bool valid = prefix ? i + 1 < end && !word_ends_at(text, i + 1, end) : word_ends_at(text, i + 1, end);
      if (valid) {
        const std::size_t* forms = trie.form_indices.data() + reached.first_form;
        best = LexiconMatch{i + 1 - begin, FormList(forms, forms + reached.form_count)};
      }
    }
    if (++i >= end) break;
    const unsigned char byte = byte_at(i);
    if (reached.edge_count == 1) {  // the only child is the next node (depth-first layout)
      node = byte == reached.only_byte ? node + 1 : 0;
      continue;
    }
    if (reached.table != 0) {
      node = trie.tables[(reached.table - 1) * 256 + byte];
      continue;
    }
    const unsigned char* bytes = trie.edge_bytes.data() + reached.first_edge;
    const unsigned char* found = std::find(bytes, bytes + reached.edge_count, byte);
    node = found == bytes + reached.edge_count ? 0 : trie.edge_targets[reached.first_edge + static_cast<std::size_t>(found - bytes)];
  }
  return best;
}

LexiconMatch Lexicon::longest_match(std::string_view text, std::size_t begin, std::size_t end) const {
  const LexiconMatch exact = walk(exact_, false, text, begin, end);
  // Few surfaces ignore case: most words start none of them, which the root tells.
  if (begin >= end || folded_.root_children[fold(static_cast<unsigned char>(text[begin]))] == 0) return exact;
  const LexiconMatch folded = walk(folded_, true, text, begin, end);
  return folded.length > exact.length ? folded : exact;
}

const Role* Lexicon::role_on(std::size_t person, std::string_view date) const {
  if (date.empty() || person >= roles_by_person_.size() || roles_by_person_[person].empty()) return nullptr;
  const std::string first = date.size() == 4 ? std::string(date) + "-12-31" : std::string(date);
  const std::string last = date.size() == 4 ? std::string(date) + "-01-01" : std::string(date);
  const Role* best = nullptr;
  for (const std::size_t r : roles_by_person_[person]) {
    const Role& role = roles_[r];
    if (role.from > first || (!role.to.empty() && role.to < last)) continue;
    if (best == nullptr || seniority(role.role) < seniority(best->role)) best = &role;
  }
  return best;
}

}  // namespace annotate
