# SPDX-License-Identifier: MIT
# ctest driver for the reading view: renders `annotate --format html` for the shared corpus
# and the bundled sample in headless Chromium and checks the rendered DOM against the JSON
# output with tests/check_html.py; also refreshes a screenshot in the build tree.
# Inputs: ANNOTATE, PYTHON, SOURCE_DIR, WORK_DIR.
find_program(CHROMIUM NAMES chromium chromium-browser)
if(NOT CHROMIUM)
  if("$ENV{CI}" STREQUAL "true")
    message(FATAL_ERROR "chromium is missing under CI=true (Debian package chromium)")
  endif()
  message(WARNING "skipping the browser test: chromium is not installed")
  return()
endif()
set(inputs ${SOURCE_DIR}/data/samples/sample-commentary.txt)
include(${CMAKE_CURRENT_LIST_DIR}/shared_corpus.cmake)
list(PREPEND inputs ${corpus})
set(page ${WORK_DIR}/view.html)
execute_process(COMMAND ${ANNOTATE} --format html ${inputs} OUTPUT_FILE ${page} RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "annotate --format html exited with ${status}")
endif()
execute_process(COMMAND ${ANNOTATE} ${inputs} OUTPUT_FILE ${WORK_DIR}/view.jsonl RESULT_VARIABLE status)
set(profile ${WORK_DIR}/chromium-profile)
file(REMOVE_RECURSE ${profile})
set(flags --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
          --disable-component-update --disable-sync --user-data-dir=${profile})
execute_process(COMMAND ${CHROMIUM} ${flags} --dump-dom file://${page}
                OUTPUT_FILE ${WORK_DIR}/view.dom.html ERROR_QUIET TIMEOUT 120 RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "chromium --dump-dom failed: ${status}")
endif()
execute_process(COMMAND ${CHROMIUM} ${flags} --window-size=1280,1600 --screenshot=${WORK_DIR}/view.png file://${page}
                ERROR_QUIET TIMEOUT 120 RESULT_VARIABLE status)
if(NOT EXISTS ${WORK_DIR}/view.png)
  message(FATAL_ERROR "chromium --screenshot wrote nothing")
endif()
execute_process(COMMAND ${PYTHON} ${SOURCE_DIR}/tests/check_html.py ${WORK_DIR}/view.dom.html ${WORK_DIR}/view.jsonl
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "check_html.py failed")
endif()
