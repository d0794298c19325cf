# SPDX-License-Identifier: MIT
# ctest driver for the schema test: annotates the shared corpus, the bundled sample and the
# variants, then validates every line against docs/annotate-1.schema.json and every span
# against its input with tests/check_output.py (Debian's python3-jsonschema).
# Inputs: ANNOTATE, PYTHON, SOURCE_DIR, WORK_DIR.
file(GLOB inputs ${SOURCE_DIR}/tests/data/variants/*.txt)
list(APPEND inputs ${SOURCE_DIR}/data/samples/sample-commentary.txt)
include(${CMAKE_CURRENT_LIST_DIR}/shared_corpus.cmake)
list(APPEND inputs ${corpus})

set(output ${WORK_DIR}/schema_check.jsonl)
execute_process(COMMAND ${ANNOTATE} ${inputs} OUTPUT_FILE ${output} RESULT_VARIABLE annotate_status)
if(NOT annotate_status EQUAL 0)
  message(FATAL_ERROR "annotate exited with ${annotate_status}")
endif()
execute_process(
  COMMAND ${PYTHON} ${SOURCE_DIR}/tests/check_output.py ${SOURCE_DIR}/docs/annotate-1.schema.json
          ${output} ${inputs}
  RESULT_VARIABLE check_status)
if(NOT check_status EQUAL 0)
  message(FATAL_ERROR "check_output.py failed (${check_status})")
endif()
