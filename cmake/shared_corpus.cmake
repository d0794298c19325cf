# SPDX-License-Identifier: MIT
# Included by the ctest drivers: sets `corpus` to the shared commentary files beside the
# checkout ($ANNOTATE_SHARED or SOURCE_DIR/../shared). When they are missing it fails under
# CI=true and otherwise warns and leaves `corpus` empty.
if(DEFINED ENV{ANNOTATE_SHARED})
  set(shared "$ENV{ANNOTATE_SHARED}")
else()
  set(shared "${SOURCE_DIR}/../shared")
endif()
file(GLOB corpus ${shared}/corpus/*.txt)
if(NOT corpus)
  if("$ENV{CI}" STREQUAL "true")
    message(FATAL_ERROR "the shared corpus is missing under CI=true: ${shared}/corpus")
  endif()
  message(WARNING "skipping the shared corpus: not found at ${shared}/corpus")
endif()
