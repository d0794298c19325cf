// SPDX-License-Identifier: MIT
// Document: the one value that travels through every stage. The text is immutable after
// reading; each stage appends to its own vectors, and every annotation is a Span into text.
#ifndef ANNOTATE_DOCUMENT_HPP_
#define ANNOTATE_DOCUMENT_HPP_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annotate/span.hpp"

namespace annotate {

/// Where the text came from, as the contract's `source` object reports it.
struct SourceInfo {
  std::string path;                ///< "-" for stdin; "file:line" for a JSON Lines record
  std::optional<std::string> id;   ///< the record id of a JSON Lines input
  std::size_t file_bytes = 0;      ///< size of the input as read, BOM included
  bool bom = false;                ///< a leading UTF-8 BOM was skipped
  std::string sha256;              ///< hex digest of the input as read, BOM included
  std::string line_endings = "none";  ///< "lf", "crlf", "mixed" or "none"
};

/// The commentary's header. Each field is a span into text, without surrounding quotes.
struct HeaderInfo {
  std::optional<Span> series;
  std::optional<Span> title;
  std::optional<Span> subtitle;
  std::optional<Span> byline;
};

/// A line of site furniture ("EMAIL", "Now Reading ..."): kept out of paragraphs.
struct Boilerplate {
  Span span;
  std::string rule_id;
};

enum class SectionKind { kFront, kSection, kResponse, kAppendix, kNotes };

/// A heading and what it owns: from the heading line to the next heading of the same or a
/// higher level. The front section (text before the first heading) has no heading.
struct Section {
  SectionKind kind = SectionKind::kSection;
  int level = 1;
  std::optional<std::size_t> parent;  ///< index into Document::sections
  Span span;                          ///< heading through the last line it owns
  std::optional<Span> heading;        ///< the heading line, trimmed
  std::optional<int> number;          ///< "Response 2." -> 2, "II." -> 2
  std::optional<Span> title;          ///< heading without number, markers or quotes
  std::string symbol;                 ///< "*" for "*Warnings"; empty otherwise
  std::string rule_id;                ///< the structure rule that made it a heading
};

enum class ParagraphKind { kBody, kHeading, kSeries, kTitle, kSubtitle, kByline, kNote };

/// One line of content: a blank line or a single newline ends a paragraph.
struct Paragraph {
  std::size_t section = 0;  ///< index into Document::sections
  ParagraphKind kind = ParagraphKind::kBody;
  Span span;
};

struct Sentence {
  std::size_t paragraph = 0;  ///< index into Document::paragraphs
  Span span;
};

enum class CalloutStyle { kGlued, kBracket, kSuperscript, kSymbol };

/// A footnote mark in the running text and what it points to.
struct Callout {
  std::string marker;  ///< "1" for "1", "[1]" and "¹"; "*" for "*"
  CalloutStyle style = CalloutStyle::kGlued;
  Span span;           ///< the mark as written
  std::size_t sentence = 0;
  std::optional<std::size_t> target_note;     ///< index into Document::notes
  std::optional<std::size_t> target_section;  ///< index into Document::sections (symbols)
  std::string rule_id;
};

/// A CSL-JSON name: `literal` for organisations and names kept whole (East Asian order),
/// else `family` and `given`. All spans into Document::text.
struct Name {
  std::optional<Span> literal;
  std::optional<Span> family;
  std::optional<Span> given;
};

/// A parsed source, in CSL-JSON terms. Text fields are spans into Document::text; `issued`
/// is normalised (ISO 8601, as precise as the source). `rules` names, per field, the rule
/// of data/citation_rules.tsv (or the parser step) that found it.
struct Reference {
  std::vector<Name> authors;
  std::optional<Span> title;
  std::optional<Span> container_title;
  std::optional<Span> volume;
  std::optional<Span> issue;
  std::optional<Span> page;
  std::optional<Span> publisher;
  std::optional<Span> publisher_place;
  std::optional<Span> url;
  std::optional<Span> doi;
  std::optional<Span> note;
  std::string issued;
  std::vector<std::pair<std::string, std::string>> rules;  ///< field -> rule id
};

/// A pointer to a source written in the running text: "(See The Asan Forum, July 2023)".
struct InlineRef {
  Span span;  ///< the parenthesis, brackets included
  std::size_t sentence = 0;
  std::optional<Reference> reference;
};

enum class NoteKind { kCitation, kIbid, kComment };

/// A numbered endnote. `span` covers the note after its "1. " marker.
struct Note {
  int n = 0;
  NoteKind kind = NoteKind::kCitation;
  Span span;
  std::size_t paragraph = 0;
  std::vector<std::size_t> cited_by;  ///< indices into Document::callouts
  std::optional<std::size_t> ibid_of;  ///< the citation an "Ibid." repeats (never an ibid)
  std::optional<Reference> reference;  ///< the (first) source the note cites
  std::vector<Reference> references;   ///< every source, when the note cites several
  std::vector<std::string> scripts;    ///< writing systems: "Latin", "Han", "Cyrillic", ...
};

/// A temporal expression normalised after TIMEX3: type DATE, DURATION or SET; value such as
/// "2023-08-18", "2023-H1", "202", "2013/2014", "P20Y"; mod START, MID, END, APPROX,
/// BEFORE, AFTER or empty.
struct DateMention {
  Span span;
  std::size_t sentence = 0;
  std::string type;
  std::string value;
  std::string mod;
  std::string rule_id;
  bool needs_reference = false;  ///< the value used the reference date ("August 18")
};

enum class ActorType { kState, kOrganization, kPerson, kGroup, kPlace };

/// An actor named in the document, listed once. `id` is ISO 3166-1 alpha-3 for states, a
/// lowercase slug for people and organisations.
struct Actor {
  std::string id;
  ActorType type = ActorType::kState;
  std::string name;
  std::string affiliation;  ///< a state id, or empty
  std::string role;         ///< a person's office on the reference date, or empty
  std::size_t mention_count = 0;
  std::string rule_id;      ///< the lexicon row, or the context rule that found a person
};

/// One place where an actor is named. `form`: name, alias, capital, demonym, adjective,
/// prefix, surname or abbreviation. `form` and `rule_id` view strings owned by the
/// Annotator's lexicon and cues (or literals), so that a mention costs no allocation: they
/// are valid while the Annotator that tagged the document lives.
struct Mention {
  std::size_t actor = 0;  ///< index into Document::actors
  Span span;
  std::size_t sentence = 0;
  std::string_view form;
  std::string_view rule_id;
};

/// A red-line claim: one per sentence at most.
struct RedLine {
  std::size_t sentence = 0;
  std::string status;  ///< warned, crossed, not_crossed or conditional
  std::vector<std::size_t> warners;  ///< indices into Document::actors
  std::vector<std::size_t> targets;
  std::optional<Span> trigger;
  std::optional<Span> consequence;
  std::vector<Span> cues;
  std::vector<std::string> cue_rules;  ///< the cue rule of each cue
  std::string modality = "asserted";   ///< asserted or hedged
  std::string cameo = "130";
  std::optional<std::size_t> date;     ///< index into Document::dates
  std::string rule_id;
};

/// The date that anchors expressions without a year ("In March", "last year").
struct DocumentDate {
  std::string value;   ///< "YYYY-MM-DD", or "YYYY" when taken from the text; empty if none
  std::string source;  ///< "option", "notes" or "text"; empty if none
};

enum class Severity { kError, kWarning, kInfo };

/// A problem found in the text. It never stops the pipeline.
struct Diagnostic {
  Severity severity = Severity::kWarning;
  std::string code;
  std::string message;
  std::optional<Span> span;
};

struct Document {
  std::string text;  ///< UTF-8, BOM removed, otherwise exactly as read
  SourceInfo source;
  HeaderInfo header;
  std::vector<Boilerplate> boilerplate;
  std::vector<Section> sections;
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Callout> callouts;
  std::vector<Note> notes;
  std::vector<InlineRef> inline_refs;
  DocumentDate reference_date;
  std::vector<DateMention> dates;
  std::vector<Actor> actors;
  std::vector<Mention> mentions;
  std::vector<RedLine> red_lines;
  std::vector<Diagnostic> diagnostics;

  std::string_view view(Span span) const { return span.of(text); }
};

const char* to_string(SectionKind kind);
const char* to_string(ParagraphKind kind);
const char* to_string(CalloutStyle style);
const char* to_string(NoteKind kind);
const char* to_string(Severity severity);
const char* to_string(ActorType type);

}  // namespace annotate

#endif  // ANNOTATE_DOCUMENT_HPP_
