// SPDX-License-Identifier: MIT
// Structure recovery. Lines are classified on their own first (line_classifier); here the
// neighbours decide: the endnote block is found from the end, the header from the start,
// and what lies between becomes headings and paragraphs.
#include "annotate/segmenter.hpp"

#include <algorithm>
#include <set>

#include "annotate/callout_linker.hpp"
#include "annotate/line_classifier.hpp"
#include "annotate/sentence_splitter.hpp"
#include "annotate/unicode.hpp"

namespace annotate {

namespace {

bool is_heading_class(LineClass kind) {
  switch (kind) {
    case LineClass::kResponse:
    case LineClass::kNumberedSection:
    case LineClass::kMarkdown:
    case LineClass::kAppendix:
    case LineClass::kNotesHeading:
    case LineClass::kPlainHeading:
      return true;
    case LineClass::kBoilerplate:
    case LineClass::kNoteItem:
    case LineClass::kByline:
    case LineClass::kBody:
      return false;
  }
  return false;
}

// Where the endnotes start among the content lines, and whether a heading introduces them.
struct NotesBlock {
  std::size_t begin;               // index of the first line of the block (heading or note)
  bool has_heading = false;
  bool found() const { return begin != kNone; }
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
};

// The numeric markers of the callouts in lines [0, end): a trailing numbered list counts as
// endnotes without a heading only when the text cites at least one of its numbers.
std::set<std::string> cited_numbers(const Document& doc, const std::vector<Line>& lines,
                                    std::size_t end, const Rules& rules) {
  std::set<std::string> numbers;
  for (std::size_t i = 0; i < end; ++i) {
    for (const CalloutCandidate& c : find_callouts(doc.text, lines[i].span, rules)) {
      if (c.style != CalloutStyle::kSymbol) numbers.insert(c.marker);
    }
  }
  return numbers;
}

NotesBlock find_notes_block(const Document& doc, const std::vector<Line>& lines,
                            const Rules& rules) {
  // A "Notes" heading directly followed by a numbered note owns everything after it.
  for (std::size_t i = lines.size(); i-- > 0;) {
    if (lines[i].kind == LineClass::kNotesHeading && i + 1 < lines.size() &&
        lines[i + 1].kind == LineClass::kNoteItem) {
      return NotesBlock{i, true};
    }
  }
  std::size_t begin = lines.size();
  while (begin > 0 && lines[begin - 1].kind == LineClass::kNoteItem) --begin;
  if (begin == lines.size() || begin == 0) return NotesBlock{NotesBlock::kNone};
  const std::set<std::string> cited = cited_numbers(doc, lines, begin, rules);
  for (std::size_t i = begin; i < lines.size(); ++i) {
    if (cited.count(std::to_string(*lines[i].number)) > 0) return NotesBlock{begin, false};
  }
  return NotesBlock{NotesBlock::kNone};
}

// Assigns the header fields from the leading run of heading-like lines and returns how many
// lines the header takes. A document that is nothing but that run has no header.
std::size_t read_header(Document& doc, const std::vector<Line>& lines, std::size_t end) {
  if (end > 1 && lines[0].kind == LineClass::kMarkdown && lines[0].markdown_depth == 1) {
    doc.header.title = lines[0].title;  // "# Title" opening a Markdown document
    return 1;
  }
  std::size_t run = 0;
  while (run < end && (lines[run].kind == LineClass::kPlainHeading ||
                       lines[run].kind == LineClass::kByline)) {
    ++run;
  }
  if (run == 0 || run >= end) return 0;

  HeaderInfo& header = doc.header;
  std::vector<std::size_t> plain;  // indices of the non-byline lines of the run
  for (std::size_t i = 0; i < run; ++i) {
    if (lines[i].kind != LineClass::kByline) plain.push_back(i);
  }
  std::size_t last_used = 0;  // one past the last header line that got a field
  auto use = [&](std::optional<Span>& field, std::size_t index, Span value) {
    field = value;
    last_used = std::max(last_used, index + 1);
  };
  auto quoted = std::find_if(plain.begin(), plain.end(), [&](std::size_t i) {
    return is_wholly_quoted(doc.view(lines[i].span));
  });
  if (quoted != plain.end()) {
    use(header.title, *quoted, *lines[*quoted].title);
    if (quoted != plain.begin()) use(header.series, *(quoted - 1), lines[*(quoted - 1)].span);
    if (quoted + 1 != plain.end()) use(header.subtitle, *(quoted + 1), lines[*(quoted + 1)].span);
  } else if (plain.size() >= 3) {
    use(header.series, plain[0], lines[plain[0]].span);
    use(header.title, plain[1], lines[plain[1]].span);
    use(header.subtitle, plain[2], lines[plain[2]].span);
  } else if (plain.size() == 2) {
    use(header.title, plain[0], lines[plain[0]].span);
    use(header.subtitle, plain[1], lines[plain[1]].span);
  } else if (plain.size() == 1) {
    use(header.title, plain[0], lines[plain[0]].span);
  }
  // A byline right after the last field belongs to the header too.
  for (std::size_t i = 0; i < run && i <= last_used; ++i) {
    if (lines[i].kind == LineClass::kByline && !header.byline) use(header.byline, i, lines[i].span);
  }
  return last_used;
}

ParagraphKind header_paragraph_kind(const HeaderInfo& header, Span span) {
  auto same_line = [&](const std::optional<Span>& field) {
    return field && span.contains(*field);
  };
  if (same_line(header.series)) return ParagraphKind::kSeries;
  if (same_line(header.title)) return ParagraphKind::kTitle;
  if (same_line(header.subtitle)) return ParagraphKind::kSubtitle;
  return ParagraphKind::kByline;
}

// Builds sections and paragraphs; keeps track of the appendix that owns plain headings.
class StructureBuilder {
 public:
  explicit StructureBuilder(Document& doc) : doc_(doc) {}

  void add_front(Span first_line) {
    Section front;
    front.kind = SectionKind::kFront;
    front.span = first_line;
    front.rule_id = "front.before_first_heading";
    open(std::move(front));
  }

  void add_heading(const Line& line) {
    Section section;
    section.span = line.span;
    section.heading = line.span;
    section.title = line.title;
    section.number = line.number;
    section.rule_id = line.rule != nullptr ? line.rule->id : "heading.plain";
    switch (line.kind) {
      case LineClass::kResponse:
        section.kind = SectionKind::kResponse;
        break;
      case LineClass::kAppendix:
        section.kind = SectionKind::kAppendix;
        section.symbol = line.symbol;
        break;
      case LineClass::kNotesHeading:
        section.kind = SectionKind::kNotes;
        break;
      case LineClass::kMarkdown:
        section.level = line.markdown_depth;
        section.parent = innermost_below(section.level);
        break;
      case LineClass::kPlainHeading:
        if (appendix_) {
          section.level = doc_.sections[*appendix_].level + 1;
          section.parent = appendix_;
        }
        break;
      case LineClass::kNumberedSection:
      case LineClass::kBoilerplate:
      case LineClass::kNoteItem:
      case LineClass::kByline:
      case LineClass::kBody:
        break;
    }
    if (section.level == 1) appendix_.reset();
    if (section.kind == SectionKind::kAppendix) appendix_ = doc_.sections.size();
    open(std::move(section));
  }

  void add_notes_without_heading(Span first_note) {
    Section notes;
    notes.kind = SectionKind::kNotes;
    notes.span = first_note;
    notes.rule_id = "notes.trailing_block";
    open(std::move(notes));
  }

  std::size_t add_paragraph(Span span, ParagraphKind kind) {
    const std::size_t section = doc_.sections.empty() ? 0 : doc_.sections.size() - 1;
    // Grow the section and the sections it nests in to cover the line.
    for (std::optional<std::size_t> s = section; s; s = doc_.sections[*s].parent) {
      doc_.sections[*s].span.end = std::max(doc_.sections[*s].span.end, span.end);
    }
    doc_.paragraphs.push_back(Paragraph{section, kind, span});
    return doc_.paragraphs.size() - 1;
  }

 private:
  void open(Section section) { doc_.sections.push_back(std::move(section)); }

  // The last section, other than the front, whose level is below `level`.
  std::optional<std::size_t> innermost_below(int level) const {
    for (std::size_t i = doc_.sections.size(); i-- > 0;) {
      const Section& s = doc_.sections[i];
      if (s.kind != SectionKind::kFront && s.level < level) return i;
    }
    return std::nullopt;
  }

  Document& doc_;
  std::optional<std::size_t> appendix_;
};

void add_notes(Document& doc, StructureBuilder& builder, const std::vector<Line>& lines,
               const NotesBlock& block, const Rules& rules) {
  std::size_t i = block.begin;
  if (block.has_heading) {
    builder.add_heading(lines[i]);
    builder.add_paragraph(lines[i].span, ParagraphKind::kHeading);
    ++i;
  } else {
    builder.add_notes_without_heading(lines[i].span);
  }
  for (; i < lines.size(); ++i) {
    const Line& line = lines[i];
    const std::size_t paragraph = builder.add_paragraph(line.span, ParagraphKind::kNote);
    if (line.kind != LineClass::kNoteItem) {
      // A wrapped note: the line continues the note before it.
      if (!doc.notes.empty()) doc.notes.back().span.end = line.span.end;
      continue;
    }
    Note note;
    note.n = *line.number;
    note.span = *line.title;
    note.paragraph = paragraph;
    if (rules.match(LineRuleKind::kIbid, doc.view(note.span))) {
      note.kind = NoteKind::kIbid;
      // "Ibid." after "Ibid." still means the last full citation.
      if (!doc.notes.empty()) {
        const std::size_t previous = doc.notes.size() - 1;
        note.ibid_of = doc.notes[previous].ibid_of.value_or(previous);
      }
    }
    const int expected = doc.notes.empty() ? 1 : doc.notes.back().n + 1;
    if (note.n != expected) {
      doc.diagnostics.push_back(Diagnostic{
          Severity::kWarning, "notes_numbering",
          "note " + std::to_string(note.n) + " follows " +
              (doc.notes.empty() ? std::string("no note") : "note " + std::to_string(doc.notes.back().n)) +
              "; expected " + std::to_string(expected),
          line.span});
    }
    doc.notes.push_back(std::move(note));
  }
}

}  // namespace

void segment(Document& doc, const Rules& rules) {
  std::vector<Line> lines;
  for (Line& line : classify_lines(doc.text, rules)) {
    if (line.kind == LineClass::kBoilerplate) {
      doc.boilerplate.push_back(Boilerplate{line.span, line.rule->id});
    } else {
      lines.push_back(std::move(line));
    }
  }
  if (lines.empty()) return;

  const NotesBlock notes = find_notes_block(doc, lines, rules);
  const std::size_t body_end = notes.found() ? notes.begin : lines.size();
  const std::size_t header_end = read_header(doc, lines, body_end);

  StructureBuilder builder(doc);
  // A line is a heading only if something follows it; a lone short line is body text.
  auto is_heading = [&](std::size_t i) {
    return is_heading_class(lines[i].kind) && i + 1 < lines.size();
  };
  if (header_end > 0 || (body_end > 0 && !is_heading(0))) builder.add_front(lines[0].span);
  for (std::size_t i = 0; i < header_end; ++i) {
    builder.add_paragraph(lines[i].span, header_paragraph_kind(doc.header, lines[i].span));
  }
  for (std::size_t i = header_end; i < body_end; ++i) {
    if (is_heading(i)) {
      builder.add_heading(lines[i]);
      builder.add_paragraph(lines[i].span, ParagraphKind::kHeading);
    } else {
      builder.add_paragraph(lines[i].span, ParagraphKind::kBody);
    }
  }
  if (notes.found()) add_notes(doc, builder, lines, notes, rules);
}

Document segment_text(std::string_view text, const Rules& rules) {
  Document doc;
  doc.text = std::string(text);
  segment(doc, rules);
  split_sentences(doc, rules);
  link_callouts(doc, rules);
  return doc;
}

}  // namespace annotate
