// SPDX-License-Identifier: MIT
// Writes a Document in the contract's order of keys. Ids are derived from vector positions
// (s1, p1, t1, ...), so they are stable for the same input and cost nothing to store.
#include "annotate/document_writer.hpp"

#include "annotate/json_writer.hpp"
#include "annotate/text_index.hpp"

namespace annotate {

namespace {

// A streamed document's JSON is handed on in parts of about this size.
constexpr std::size_t kDrainBytes = 1 << 20;

class DocumentWriter {
 public:
  DocumentWriter(const Document& doc, std::string& out, bool pretty, const OutputDrain* drain)
      : doc_(doc), index_(doc.text), out_(out), json_(out, pretty), drain_(drain) {}

  void write() {
    json_.begin_object();
    json_.member("schema", kSchema);
    write_source();
    write_header();
    write_boilerplate();
    write_sections();
    write_paragraphs();
    write_sentences();
    write_callouts();
    write_notes();
    write_inline_refs();
    write_actors();
    write_dates();
    write_red_lines();
    write_diagnostics();
    json_.end_object();
  }

 private:
  void id(char prefix, std::size_t index) { json_.id(prefix, index + 1); }

  void id_member(std::string_view name, char prefix, std::size_t index) { json_.id_member(name, prefix, index + 1); }

  void optional_id_member(std::string_view name, char prefix, const std::optional<std::size_t>& index) {
    if (index) {
      id_member(name, prefix, *index);
    } else {
      null_member(name);
    }
  }

  // Writes `name: [{...}, ...]`, one object per item, with write_item(item, index) filling
  // each object's members.
  template <typename Item, typename WriteItem>
  void object_array(std::string_view name, const std::vector<Item>& items, WriteItem write_item) {
    json_.plain_key(name);
    json_.begin_array();
    for (std::size_t i = 0; i < items.size(); ++i) {
      json_.begin_object();
      write_item(items[i], i);
      json_.end_object();
      // Hand the buffer on as it fills, so a large document's JSON is never held whole.
      if (drain_ != nullptr && json_.size() >= kDrainBytes) {
        json_.flush();
        (*drain_)(out_);
        out_.clear();
      }
    }
    json_.end_array();
  }

  void null_member(std::string_view name) {
    json_.plain_key(name);
    json_.null();
  }


  // "span" and "bytes" for a byte span, under the given key names.
  void span_members(const Span& span, std::string_view span_key = "span", std::string_view bytes_key = "bytes") {
    json_.pair_member(span_key, index_.code_point_at(span.begin), index_.code_point_at(span.end));
    json_.pair_member(bytes_key, span.begin, span.end);
  }

  void text_and_span(const Span& span) {
    json_.member("text", doc_.view(span));
    span_members(span);
  }

  void optional_text_member(std::string_view name, const std::optional<Span>& span) {
    if (span) {
      json_.plain_key(name);
      json_.string(doc_.view(*span));
    } else {
      null_member(name);
    }
  }

  void write_source() {
    const SourceInfo& source = doc_.source;
    json_.key("source");
    json_.begin_object();
    json_.member("path", source.path);
    if (source.id) json_.member("id", *source.id);
    json_.key("bytes");
    json_.number(doc_.text.size());
    json_.key("chars");
    json_.number(index_.code_points());
    json_.member("sha256", source.sha256);
    json_.key("bom");
    json_.boolean(source.bom);
    json_.member("line_endings", source.line_endings);
    json_.end_object();
  }

  void write_header() {
    json_.key("document");
    json_.begin_object();
    optional_text_member("series", doc_.header.series);
    optional_text_member("title", doc_.header.title);
    optional_text_member("subtitle", doc_.header.subtitle);
    optional_text_member("byline", doc_.header.byline);
    if (doc_.reference_date.value.empty()) {
      null_member("reference_date");
      null_member("reference_date_source");
    } else {
      json_.member("reference_date", doc_.reference_date.value);
      json_.member("reference_date_source", doc_.reference_date.source);
    }
    json_.end_object();
  }

  void write_boilerplate() {
    object_array("boilerplate", doc_.boilerplate, [&](const Boilerplate& item, std::size_t i) {
      id_member("id", 'b', i);
      text_and_span(item.span);
      json_.member("rule", item.rule_id);
    });
  }

  void write_sections() {
    object_array("sections", doc_.sections, [&](const Section& section, std::size_t i) {
      id_member("id", 's', i);
      json_.member("kind", to_string(section.kind));
      json_.key("level");
      json_.number(section.level);
      optional_id_member("parent", 's', section.parent);
      optional_text_member("heading", section.heading);
      if (section.heading) {
        span_members(*section.heading, "heading_span", "heading_bytes");
      } else {
        null_member("heading_span");
        null_member("heading_bytes");
      }
      if (section.number) {
        json_.key("number");
        json_.number(*section.number);
      } else {
        null_member("number");
      }
      optional_text_member("title", section.title);
      if (section.symbol.empty()) {
        null_member("symbol");
      } else {
        json_.member("symbol", section.symbol);
      }
      text_and_span(section.span);
      json_.member("rule", section.rule_id);
    });
  }

  void write_paragraphs() {
    object_array("paragraphs", doc_.paragraphs, [&](const Paragraph& paragraph, std::size_t i) {
      id_member("id", 'p', i);
      id_member("section", 's', paragraph.section);
      json_.member("kind", to_string(paragraph.kind));
      text_and_span(paragraph.span);
    });
  }

  void write_sentences() {
    object_array("sentences", doc_.sentences, [&](const Sentence& sentence, std::size_t i) {
      id_member("id", 't', i);
      id_member("paragraph", 'p', sentence.paragraph);
      text_and_span(sentence.span);
    });
  }

  void write_callouts() {
    object_array("callouts", doc_.callouts, [&](const Callout& callout, std::size_t i) {
      id_member("id", 'c', i);
      json_.member("marker", callout.marker);
      json_.member("style", to_string(callout.style));
      if (callout.target_note) {
        id_member("target", 'n', *callout.target_note);
      } else {
        optional_id_member("target", 's', callout.target_section);
      }
      id_member("sentence", 't', callout.sentence);
      text_and_span(callout.span);
      json_.member("rule", callout.rule_id);
    });
  }

  void write_notes() {
    object_array("notes", doc_.notes, [&](const Note& note, std::size_t i) {
      id_member("id", 'n', i);
      json_.key("n");
      json_.number(note.n);
      json_.member("kind", to_string(note.kind));
      json_.member("raw", doc_.view(note.span));
      text_and_span(note.span);
      id_member("paragraph", 'p', note.paragraph);
      json_.key("cited_by");
      json_.begin_array();
      for (std::size_t callout : note.cited_by) id('c', callout);
      json_.end_array();
      optional_id_member("ibid_of", 'n', note.ibid_of);
      reference_member("reference", note.reference);
      if (!note.references.empty()) {
        json_.key("references");
        json_.begin_array();
        for (const Reference& reference : note.references) write_reference(reference);
        json_.end_array();
      }
      json_.key("scripts");
      json_.begin_array();
      for (const std::string& script : note.scripts) json_.string(script);
      json_.end_array();
    });
  }

  void write_inline_refs() {
    object_array("inline_refs", doc_.inline_refs, [&](const InlineRef& ref, std::size_t i) {
      id_member("id", 'r', i);
      json_.member("raw", doc_.view(ref.span));
      text_and_span(ref.span);
      id_member("sentence", 't', ref.sentence);
      reference_member("reference", ref.reference);
    });
  }

  void reference_member(std::string_view name, const std::optional<Reference>& reference) {
    json_.plain_key(name);
    if (reference) {
      write_reference(*reference);
    } else {
      json_.null();
    }
  }

  // CSL-JSON field names; absent fields are left out rather than null, as CSL-JSON does.
  void write_reference(const Reference& reference) {
    json_.begin_object();
    if (!reference.authors.empty()) {
      json_.key("author");
      json_.begin_array();
      for (const Name& name : reference.authors) {
        json_.begin_object();
        if (name.literal) json_.member("literal", doc_.view(*name.literal));
        if (name.family) json_.member("family", doc_.view(*name.family));
        if (name.given) json_.member("given", doc_.view(*name.given));
        json_.end_object();
      }
      json_.end_array();
    }
    const std::pair<const char*, const std::optional<Span>*> fields[] = {
        {"title", &reference.title},
        {"container-title", &reference.container_title},
        {"volume", &reference.volume},
        {"issue", &reference.issue},
        {"page", &reference.page},
        {"publisher", &reference.publisher},
        {"publisher-place", &reference.publisher_place},
        {"URL", &reference.url},
        {"DOI", &reference.doi},
        {"note", &reference.note}};
    for (const auto& [field_name, field] : fields) {
      if (*field) json_.member(field_name, doc_.view(**field));
    }
    if (!reference.issued.empty()) json_.member("issued", reference.issued);
    json_.key("rules");
    json_.begin_object();
    for (const auto& [field_name, rule] : reference.rules) json_.member(field_name, rule);
    json_.end_object();
    json_.end_object();
  }

  void write_actors() {
    object_array("actors", doc_.actors, [&](const Actor& actor, std::size_t) {
      json_.member("id", actor.id);
      json_.member("type", to_string(actor.type));
      json_.member("name", actor.name);
      if (actor.affiliation.empty()) {
        null_member("affiliation");
      } else {
        json_.member("affiliation", actor.affiliation);
      }
      json_.key("mention_count");
      json_.number(actor.mention_count);
      if (actor.role.empty()) {
        null_member("role");
      } else {
        json_.member("role", actor.role);
      }
      json_.member("rule", actor.rule_id);
    });
    object_array("mentions", doc_.mentions, [&](const Mention& mention, std::size_t) {
      json_.member("actor", doc_.actors[mention.actor].id);
      text_and_span(mention.span);
      id_member("sentence", 't', mention.sentence);
      json_.member("form", mention.form);
      json_.member("rule", mention.rule_id);
    });
  }

  void write_dates() {
    object_array("dates", doc_.dates, [&](const DateMention& date, std::size_t i) {
      id_member("id", 'd', i);
      text_and_span(date.span);
      id_member("sentence", 't', date.sentence);
      json_.member("type", date.type);
      json_.member("value", date.value);
      if (date.mod.empty()) {
        null_member("mod");
      } else {
        json_.member("mod", date.mod);
      }
      json_.member("rule", date.rule_id);
    });
  }

  void optional_text_object(std::string_view name, const std::optional<Span>& span) {
    json_.plain_key(name);
    if (span) {
      json_.begin_object();
      text_and_span(*span);
      json_.end_object();
    } else {
      json_.null();
    }
  }

  void write_red_lines() {
    object_array("red_lines", doc_.red_lines, [&](const RedLine& claim, std::size_t i) {
      id_member("id", 'l', i);
      id_member("sentence", 't', claim.sentence);
      text_and_span(doc_.sentences[claim.sentence].span);
      json_.member("status", claim.status);
      for (const auto& [name, actors] : {std::pair<const char*, const std::vector<std::size_t>*>{"warners", &claim.warners},
                                         {"targets", &claim.targets}}) {
        json_.plain_key(name);
        json_.begin_array();
        for (std::size_t actor : *actors) json_.string(doc_.actors[actor].id);
        json_.end_array();
      }
      optional_text_object("trigger", claim.trigger);
      optional_text_object("consequence", claim.consequence);
      json_.key("cues");
      json_.begin_array();
      for (std::size_t c = 0; c < claim.cues.size(); ++c) {
        json_.begin_object();
        text_and_span(claim.cues[c]);
        json_.member("rule", claim.cue_rules[c]);
        json_.end_object();
      }
      json_.end_array();
      json_.member("modality", claim.modality);
      json_.member("cameo", claim.cameo);
      optional_id_member("date", 'd', claim.date);
      json_.member("rule", claim.rule_id);
    });
  }

  void write_diagnostics() {
    object_array("diagnostics", doc_.diagnostics, [&](const Diagnostic& diagnostic, std::size_t) {
      json_.member("severity", to_string(diagnostic.severity));
      json_.member("code", diagnostic.code);
      json_.member("message", diagnostic.message);
      if (diagnostic.span) {
        span_members(*diagnostic.span);
      } else {
        null_member("span");
        null_member("bytes");
      }
    });
  }

  const Document& doc_;
  TextIndex index_;
  std::string& out_;
  JsonWriter json_;
  const OutputDrain* drain_;
};

}  // namespace

void write_document(const Document& doc, std::string& out, bool pretty, const OutputDrain* drain) {
  // Commentary gives about eight and a half bytes of JSON per byte of text: room for that
  // at once spares the copies (and fresh pages) of a string that doubles as it grows. A
  // streamed document needs room for one part only.
  const std::size_t expected = 9 * doc.text.size() + 4096;
  out.reserve(out.size() + (drain != nullptr ? std::min(expected, kDrainBytes + kDrainBytes / 4) : expected));
  DocumentWriter(doc, out, pretty, drain).write();
  out += '\n';
}

void write_input_error(const std::string& path, const std::optional<std::string>& id,
                       const InputError& error, std::string& out, bool pretty) {
  JsonWriter json(out, pretty);
  json.begin_object();
  json.member("schema", kSchema);
  json.key("source");
  json.begin_object();
  json.member("path", path);
  if (id) json.member("id", *id);
  if (error.file_bytes) {
    json.key("bytes");
    json.number(*error.file_bytes);
  }
  json.end_object();
  json.key("error");
  json.begin_object();
  json.member("code", error.code);
  json.member("message", error.message);
  if (error.byte) {
    json.key("byte");
    json.number(*error.byte);
  }
  json.end_object();
  json.end_object();
  out += '\n';
}

}  // namespace annotate
