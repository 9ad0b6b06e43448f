# Warnings and common settings applied per target (never globally).
function(kensa_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-unused-parameter -Wno-missing-field-initializers)
endfunction()
