# landbridge_set_warnings(<target>): the project's warning set, -Werror when asked.
function(landbridge_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
    -Wno-sign-conversion -Wno-missing-field-initializers -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual)
  if(LANDBRIDGE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# landbridge_add_module(<name> SOURCES ... DEPS ...): one library of the engine.
function(landbridge_add_module name)
  cmake_parse_arguments(M "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(lb_${name} STATIC ${M_SOURCES})
  target_include_directories(lb_${name} PUBLIC ${PROJECT_SOURCE_DIR}/include)
  target_link_libraries(lb_${name} PUBLIC ${M_DEPS} PRIVATE ${M_PRIVATE_DEPS})
  if(LANDBRIDGE_HAVE_PYTHON)
    # linked into the Python extension, a shared object (python/CMakeLists.txt)
    set_target_properties(lb_${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  endif()
  if(LANDBRIDGE_FUZZ)
    target_compile_options(lb_${name} PRIVATE -fsanitize=fuzzer-no-link)  # coverage for the fuzzers
  endif()
  landbridge_set_warnings(lb_${name})
endfunction()

# landbridge_add_test(<name> SOURCES ... DEPS ... [PROPERTIES <ctest properties>]): one GoogleTest
# executable, discovered by CTest; PROPERTIES (e.g. FIXTURES_REQUIRED x) go on every test found.
function(landbridge_add_test name)
  cmake_parse_arguments(T "" "" "SOURCES;DEPS;PROPERTIES" ${ARGN})
  add_executable(test_${name} ${T_SOURCES})
  target_link_libraries(test_${name} PRIVATE ${T_DEPS} GTest::gtest GTest::gtest_main)
  target_compile_definitions(test_${name} PRIVATE
    LANDBRIDGE_DATA_DIR="${LANDBRIDGE_DATA_DIR}"
    LANDBRIDGE_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared"
    LANDBRIDGE_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
    LANDBRIDGE_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  landbridge_set_warnings(test_${name})
  if(T_PROPERTIES)
    gtest_discover_tests(test_${name} DISCOVERY_TIMEOUT 60 PROPERTIES ${T_PROPERTIES})
  else()
    gtest_discover_tests(test_${name} DISCOVERY_TIMEOUT 60)
  endif()
endfunction()
