# Warnings and common settings applied per target (never globally).
function(kensa_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-unused-parameter -Wno-missing-field-initializers)
endfunction()

# Sanitizer builds (CMakePresets.json: "asan", "tsan"; scripts/sanitize.sh runs them): every target of the
# tree is compiled and linked with them. Release optimisation is kept (-O3 plus -g), so floating-point results
# match the normal build's and the golden tests still compare bit for bit.
set(KENSA_SANITIZE "" CACHE STRING "Sanitizers for every target, e.g. address;undefined or thread (empty: none)")
if(KENSA_SANITIZE)
    list(JOIN KENSA_SANITIZE "," kensa_sanitizers)
    add_compile_options(-fsanitize=${kensa_sanitizers} -fno-omit-frame-pointer -g)
    if("undefined" IN_LIST KENSA_SANITIZE)
        add_compile_options(-fno-sanitize-recover=undefined)  # undefined behaviour fails the test, not a log line
    endif()
    add_link_options(-fsanitize=${kensa_sanitizers})
endif()
