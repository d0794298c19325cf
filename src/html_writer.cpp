// SPDX-License-Identifier: MIT
// HTML rendering. Annotations are nested marks over a paragraph's text (claim sentence >
// trigger and consequence > mentions and dates > callouts); a mark that would cross the
// one it sits in is cut at that one's end, so the page is always well-formed.
#include "annotate/html_writer.hpp"

#include <algorithm>
#include <map>

#include "annotate/data_file.hpp"

namespace annotate {

namespace {

void escape_html(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
}

std::string escaped(std::string_view text) {
  std::string out;
  escape_html(out, text);
  return out;
}

// One element to wrap around text[span]: `open` is its start tag, `close` its end tag.
struct Mark {
  Span span;
  int layer = 0;
  std::string open;
  std::string close;
};

class DocumentHtml {
 public:
  DocumentHtml(const Document& doc, std::size_t index, std::string& out)
      : doc_(doc), prefix_("d" + std::to_string(index) + "-"), out_(out) {}

  void write() {
    collect_marks();
    out_ += "<section class=\"layout\" id=\"" + prefix_ + "doc\">\n";
    write_outline();
    out_ += "<article class=\"doc\" data-source=\"" + escaped(doc_.source.path) + "\">\n";
    write_charts();
    std::size_t p = 0;
    for (; p < doc_.paragraphs.size(); ++p) {
      const Paragraph& paragraph = doc_.paragraphs[p];
      if (paragraph.kind == ParagraphKind::kNote) break;
      write_paragraph(p);
    }
    write_notes();
    out_ += "</article>\n</section>\n";
  }

 private:
  std::string id(char kind, std::size_t index) const { return prefix_ + kind + std::to_string(index + 1); }

  void collect_marks() {
    for (std::size_t l = 0; l < doc_.red_lines.size(); ++l) {
      const RedLine& claim = doc_.red_lines[l];
      std::string badge;
      for (std::size_t w : claim.warners) badge += (badge.empty() ? "" : ",") + doc_.actors[w].id;
      badge += " \xE2\x86\x92 ";  // →
      std::string targets;
      for (std::size_t t : claim.targets) targets += (targets.empty() ? "" : ",") + doc_.actors[t].id;
      badge += targets.empty() ? "?" : targets;
      marks_.push_back(Mark{doc_.sentences[claim.sentence].span, 0,
                            "<span class=\"rl " + claim.status + "\" data-red-line=\"l" + std::to_string(l + 1) +
                                "\" title=\"" + claim.status + ", " + claim.modality + ", CAMEO " + claim.cameo +
                                "\"><span class=\"badge\">" + escaped(badge) + "</span>",
                            "</span>"});
      if (claim.trigger) marks_.push_back(Mark{*claim.trigger, 1, "<span class=\"trigger\" title=\"trigger\">", "</span>"});
      if (claim.consequence) {
        marks_.push_back(Mark{*claim.consequence, 1, "<span class=\"consequence\" title=\"consequence\">", "</span>"});
      }
    }
    for (const Mention& m : doc_.mentions) {
      const Actor& actor = doc_.actors[m.actor];
      marks_.push_back(Mark{m.span, 2,
                            "<span class=\"m " + std::string(to_string(actor.type)) + "\" data-actor=\"" +
                                escaped(actor.id) + "\" title=\"" + escaped(actor.id + " \xC2\xB7 " + actor.name + " \xC2\xB7 " + std::string(m.form)) + "\">",
                            "</span>"});
    }
    for (const DateMention& d : doc_.dates) {
      marks_.push_back(Mark{d.span, 2,
                            "<time class=\"d\" data-date=\"" + escaped(d.value) + "\" title=\"" +
                                escaped(d.type + " " + d.value + (d.mod.empty() ? "" : " " + d.mod)) + "\">",
                            "</time>"});
    }
    for (std::size_t c = 0; c < doc_.callouts.size(); ++c) {
      const Callout& callout = doc_.callouts[c];
      std::string href = "#";
      if (callout.target_note) href += id('n', *callout.target_note);
      if (callout.target_section) href += id('s', *callout.target_section);
      marks_.push_back(Mark{callout.span, 3,
                            "<a class=\"callout\" id=\"" + id('c', c) + "\" href=\"" + href + "\">", "</a>"});
    }
    std::sort(marks_.begin(), marks_.end(), [](const Mark& a, const Mark& b) {
      if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
      if (a.span.end != b.span.end) return a.span.end > b.span.end;
      return a.layer < b.layer;
    });
  }

  // Writes text[span] with the marks inside it, nesting them properly.
  void write_annotated(Span span) {
    auto first = std::lower_bound(marks_.begin(), marks_.end(), span.begin,
                                  [](const Mark& m, std::size_t at) { return m.span.begin < at; });
    std::vector<std::pair<std::size_t, const Mark*>> open;  // clipped end, mark
    std::size_t at = span.begin;
    auto close_until = [&](std::size_t position) {
      while (!open.empty() && open.back().first <= position) {
        escape_html(out_, doc_.text.substr(at, open.back().first - at));
        at = open.back().first;
        out_ += open.back().second->close;
        open.pop_back();
      }
    };
    for (auto it = first; it != marks_.end() && it->span.begin < span.end; ++it) {
      if (it->span.end > span.end || it->span.empty()) continue;
      close_until(it->span.begin);
      escape_html(out_, doc_.text.substr(at, it->span.begin - at));
      at = it->span.begin;
      const std::size_t end = open.empty() ? it->span.end : std::min(it->span.end, open.back().first);
      out_ += it->open;
      open.emplace_back(end, &*it);
    }
    close_until(span.end);
    escape_html(out_, doc_.text.substr(at, span.end - at));
  }

  void write_paragraph(std::size_t p) {
    const Paragraph& paragraph = doc_.paragraphs[p];
    switch (paragraph.kind) {
      case ParagraphKind::kSeries:
      case ParagraphKind::kTitle:
      case ParagraphKind::kSubtitle:
      case ParagraphKind::kByline:
        out_ += "<div class=\"docheader\"><div class=\"" + std::string(to_string(paragraph.kind)) + "\">";
        write_annotated(paragraph.span);
        out_ += "</div></div>\n";
        return;
      case ParagraphKind::kHeading: {
        const Section& section = doc_.sections[paragraph.section];
        const std::string tag = section.level > 1 ? "h3" : "h2";
        out_ += "<" + tag + " id=\"" + id('s', paragraph.section) + "\">";
        write_annotated(paragraph.span);
        out_ += "</" + tag + ">\n";
        return;
      }
      case ParagraphKind::kBody:
      case ParagraphKind::kNote:
        out_ += "<p>";
        write_annotated(paragraph.span);
        out_ += "</p>\n";
        return;
    }
  }

  void write_outline() {
    out_ += "<nav class=\"outline\" aria-label=\"Outline\"><ol>\n";
    for (std::size_t s = 0; s < doc_.sections.size(); ++s) {
      const Section& section = doc_.sections[s];
      const std::string label = section.title   ? std::string(doc_.view(*section.title))
                                : section.kind == SectionKind::kFront ? "Introduction"
                                                                      : "Notes";
      out_ += "<li class=\"level-" + std::to_string(std::min(section.level, 2)) + "\"><span class=\"kind\">" +
              std::string(to_string(section.kind)) + (section.number ? " " + std::to_string(*section.number) : "") +
              "</span><br><a href=\"#" + id('s', s) + "\">" + escaped(label) + "</a></li>\n";
    }
    out_ += "</ol></nav>\n";
  }

  void write_charts() {
    // Mentions per state, most first.
    std::vector<const Actor*> states;
    for (const Actor& actor : doc_.actors) {
      if (actor.type == ActorType::kState) states.push_back(&actor);
    }
    std::stable_sort(states.begin(), states.end(),
                     [](const Actor* a, const Actor* b) { return a->mention_count > b->mention_count; });
    if (states.size() > 10) states.resize(10);
    out_ += "<div class=\"charts\">";
    if (!states.empty()) {
      const double top = static_cast<double>(states.front()->mention_count);
      const std::size_t height = 18 * states.size() + 4;
      out_ += "<figure><figcaption>Mentions per state</figcaption><svg role=\"img\" aria-label=\"Mentions per state\" "
              "width=\"300\" height=\"" + std::to_string(height) + "\">";
      for (std::size_t i = 0; i < states.size(); ++i) {
        const int width = static_cast<int>(200.0 * static_cast<double>(states[i]->mention_count) / top);
        const std::string y = std::to_string(18 * i + 2);
        out_ += "<text x=\"0\" y=\"" + std::to_string(18 * i + 14) + "\" fill=\"#1b1f24\">" + escaped(states[i]->id) +
                "</text><rect x=\"40\" y=\"" + y + "\" width=\"" + std::to_string(width) +
                "\" height=\"14\" fill=\"#0b5cad\"></rect><text x=\"" + std::to_string(44 + width) + "\" y=\"" +
                std::to_string(18 * i + 14) + "\" fill=\"#1b1f24\">" + std::to_string(states[i]->mention_count) + "</text>";
      }
      out_ += "</svg></figure>";
    }
    // Dates and claims by year.
    std::map<int, std::pair<int, int>> years;  // year -> dates, claims
    auto year_of = [](const std::string& value) {
      if (value.size() < 4 || !std::all_of(value.begin(), value.begin() + 4, [](char c) { return c >= '0' && c <= '9'; })) return 0;
      return std::stoi(value.substr(0, 4));
    };
    for (const DateMention& d : doc_.dates) {
      if (d.type == "DATE" && year_of(d.value) > 0) ++years[year_of(d.value)].first;
    }
    for (const RedLine& claim : doc_.red_lines) {
      if (claim.date && year_of(doc_.dates[*claim.date].value) > 0) ++years[year_of(doc_.dates[*claim.date].value)].second;
    }
    if (!years.empty()) {
      int top = 1;
      for (const auto& [year, counts] : years) top = std::max(top, counts.first);
      const std::size_t width = 22 * years.size() + 10;
      out_ += "<figure><figcaption>Timeline: dates (blue) and red-line claims (red) by year</figcaption>"
              "<svg role=\"img\" aria-label=\"Timeline\" width=\"" + std::to_string(width) + "\" height=\"120\">";
      std::size_t i = 0;
      for (const auto& [year, counts] : years) {
        const int h = 80 * counts.first / top;
        const std::string x = std::to_string(22 * i + 4);
        out_ += "<rect x=\"" + x + "\" y=\"" + std::to_string(88 - h) + "\" width=\"14\" height=\"" + std::to_string(h) +
                "\" fill=\"#0b5cad\"><title>" + std::to_string(year) + ": " + std::to_string(counts.first) +
                " dates</title></rect>";
        if (counts.second > 0) {
          out_ += "<circle cx=\"" + std::to_string(22 * i + 11) + "\" cy=\"" + std::to_string(84 - h) +
                  "\" r=\"4\" fill=\"#8b1a1a\"><title>" + std::to_string(counts.second) + " claims</title></circle>";
        }
        out_ += "<text x=\"" + x + "\" y=\"116\" font-size=\"9\" transform=\"rotate(-45 " + x + " 112)\" fill=\"#1b1f24\">" +
                std::to_string(year) + "</text>";
        ++i;
      }
      out_ += "</svg></figure>";
    }
    out_ += "</div>\n";
  }

  void write_notes() {
    if (doc_.notes.empty()) return;
    out_ += "<section class=\"notes\"><h2 id=\"" + prefix_ + "notes\">Notes</h2><ol>\n";
    for (std::size_t n = 0; n < doc_.notes.size(); ++n) {
      const Note& note = doc_.notes[n];
      out_ += "<li id=\"" + id('n', n) + "\" value=\"" + std::to_string(note.n) + "\">";
      write_annotated(note.span);
      for (std::size_t c : note.cited_by) out_ += " <a class=\"back\" href=\"#" + id('c', c) + "\" title=\"back to the text\">\xE2\x86\xA9</a>";
      out_ += "<dl><dt>kind</dt><dd>" + std::string(to_string(note.kind)) + "</dd>";
      if (note.reference) {
        const Reference& r = *note.reference;
        std::string authors;
        for (const Name& name : r.authors) {
          if (!authors.empty()) authors += "; ";
          authors += name.literal ? std::string(doc_.view(*name.literal))
                                  : std::string(doc_.view(*name.given)) + " " + std::string(doc_.view(*name.family));
        }
        if (!authors.empty()) out_ += "<dt>author</dt><dd>" + escaped(authors) + "</dd>";
        for (const auto& [label, field] : {std::pair<const char*, const std::optional<Span>*>{"title", &r.title},
                                           {"container", &r.container_title}, {"volume", &r.volume},
                                           {"issue", &r.issue}, {"page", &r.page}, {"publisher", &r.publisher},
                                           {"URL", &r.url}, {"DOI", &r.doi}, {"note", &r.note}}) {
          if (*field) out_ += "<dt>" + std::string(label) + "</dt><dd>" + escaped(doc_.view(**field)) + "</dd>";
        }
        if (!r.issued.empty()) out_ += "<dt>issued</dt><dd>" + r.issued + "</dd>";
      }
      if (note.ibid_of) out_ += "<dt>ibid of</dt><dd><a href=\"#" + id('n', *note.ibid_of) + "\">note " + std::to_string(doc_.notes[*note.ibid_of].n) + "</a></dd>";
      out_ += "</dl></li>\n";
    }
    out_ += "</ol></section>\n";
  }

  const Document& doc_;
  std::string prefix_;
  std::string& out_;
  std::vector<Mark> marks_;
};

}  // namespace

void write_html_start(std::string& out) {
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>annotate reading view</title>\n<style>\n";
  out += read_data_file(std::nullopt, "html/view.css").content;
  out += "</style>\n</head>\n<body>\n<header class=\"top\"><h1>annotate reading view</h1>\n"
         "<div class=\"controls\" role=\"group\" aria-label=\"Layers\">"
         "<label><input type=\"checkbox\" data-layer=\"actors\" checked> actors</label>"
         "<label><input type=\"checkbox\" data-layer=\"dates\" checked> dates</label>"
         "<label><input type=\"checkbox\" data-layer=\"redlines\" checked> red lines</label></div>\n"
         "<div class=\"legend\"><span class=\"m state\">state</span><span class=\"m person\">person</span>"
         "<span class=\"m organization\">organisation</span><span class=\"m group\">group</span>"
         "<time class=\"d\">date</time><span class=\"rl warned\">warned</span><span class=\"rl crossed\">crossed</span>"
         "<span class=\"rl not_crossed\">not crossed</span><span class=\"rl conditional\">conditional</span>"
         "<span class=\"trigger\">trigger</span><span class=\"consequence\">consequence</span></div>\n</header>\n";
}

void write_html_document(const Document& doc, std::size_t index, std::string& out) {
  DocumentHtml(doc, index, out).write();
}

void write_html_error(const std::string& path, const InputError& error, std::string& out) {
  out += "<section class=\"layout\"><p class=\"error\" data-error=\"" + escaped(error.code) + "\">" + escaped(path) +
         ": " + escaped(error.message) + "</p></section>\n";
}

void write_html_end(std::string& out) {
  out += "<script>\n";
  out += read_data_file(std::nullopt, "html/view.js").content;
  out += "</script>\n</body>\n</html>\n";
}

}  // namespace annotate
