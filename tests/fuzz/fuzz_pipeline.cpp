// SPDX-License-Identifier: MIT
// libFuzzer target over the whole pipeline: any bytes are read, annotated and written, and
// the output must always be one well-formed JSON line. Built with -DANNOTATE_FUZZ=ON and
// clang; scripts/setup.sh runs it for a minute under ASan and UBSan.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "annotate/document_writer.hpp"
#include "annotate/pipeline.hpp"
#include "annotate/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const annotate::Annotator annotator;
  annotate::ReadResult read = annotate::decode_input("fuzz.txt", std::string(reinterpret_cast<const char*>(data), size));
  std::string out;
  if (read.error) {
    annotate::write_input_error("fuzz.txt", std::nullopt, *read.error, out);
  } else {
    annotator.annotate(read.document);
    annotate::write_document(read.document, out);
  }
  if (out.empty() || out.back() != '\n' || out.find('\n') != out.size() - 1) std::abort();
  if (!nlohmann::json::accept(out)) std::abort();
  return 0;
}
