// SPDX-License-Identifier: MIT
// The contract's names for the enums of document.hpp.
#include "annotate/document.hpp"

namespace annotate {

const char* to_string(SectionKind kind) {
  switch (kind) {
    case SectionKind::kFront: return "front";
    case SectionKind::kSection: return "section";
    case SectionKind::kResponse: return "response";
    case SectionKind::kAppendix: return "appendix";
    case SectionKind::kNotes: return "notes";
  }
  return "section";
}

const char* to_string(ParagraphKind kind) {
  switch (kind) {
    case ParagraphKind::kBody: return "body";
    case ParagraphKind::kHeading: return "heading";
    case ParagraphKind::kSeries: return "series";
    case ParagraphKind::kTitle: return "title";
    case ParagraphKind::kSubtitle: return "subtitle";
    case ParagraphKind::kByline: return "byline";
    case ParagraphKind::kNote: return "note";
  }
  return "body";
}

const char* to_string(CalloutStyle style) {
  switch (style) {
    case CalloutStyle::kGlued: return "glued";
    case CalloutStyle::kBracket: return "bracket";
    case CalloutStyle::kSuperscript: return "superscript";
    case CalloutStyle::kSymbol: return "symbol";
  }
  return "glued";
}

const char* to_string(NoteKind kind) {
  switch (kind) {
    case NoteKind::kCitation: return "citation";
    case NoteKind::kIbid: return "ibid";
    case NoteKind::kComment: return "comment";
  }
  return "citation";
}

const char* to_string(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "info";
  }
  return "warning";
}

const char* to_string(ActorType type) {
  switch (type) {
    case ActorType::kState: return "state";
    case ActorType::kOrganization: return "organization";
    case ActorType::kPerson: return "person";
    case ActorType::kGroup: return "group";
    case ActorType::kPlace: return "place";
  }
  return "state";
}

}  // namespace annotate
