# Generates the man pages from the programs' own --help with help2man, so they never drift from the code:
# kensa-cli(1), one kensa-cli-<command>(1) per command that `kensa-cli --help` lists, and kensa(1).
# Run by the `man_pages` target (installer/Packaging.cmake):
#   cmake -DHELP2MAN=... -DKENSA_CLI=... [-DKENSA_GUI=...] -DOUT_DIR=... -DWORK_DIR=... -DVERSION=...
#         -DSOURCE_DATE_EPOCH=... -DINCLUDE_DIR=... -P man_pages.cmake
# Writes OUT_DIR/*.1.gz (gzip -9n: no name or time stamp, as lintian wants).
cmake_minimum_required(VERSION 3.25)
foreach(var HELP2MAN KENSA_CLI OUT_DIR WORK_DIR VERSION SOURCE_DATE_EPOCH INCLUDE_DIR)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "man_pages.cmake: ${var} is not set")
    endif()
endforeach()

file(REMOVE_RECURSE ${OUT_DIR} ${WORK_DIR})
file(MAKE_DIRECTORY ${OUT_DIR} ${WORK_DIR}/bin ${WORK_DIR}/home ${WORK_DIR}/runtime)
file(CHMOD ${WORK_DIR}/runtime PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)  # as Qt wants it

# A quiet, English, display-free environment; the programs are found on PATH so that their usage lines
# read "kensa-cli ..." and "kensa ...", not the build tree's paths.
get_filename_component(cli_dir ${KENSA_CLI} DIRECTORY)
set(path "${WORK_DIR}/bin:${cli_dir}")
if(DEFINED KENSA_GUI)
    get_filename_component(gui_dir ${KENSA_GUI} DIRECTORY)
    string(APPEND path ":${gui_dir}")
endif()
set(ENV{PATH} "${path}:$ENV{PATH}")
set(ENV{LC_ALL} C.UTF-8)
set(ENV{LANGUAGE} "")
set(ENV{HOME} ${WORK_DIR}/home)
set(ENV{XDG_CONFIG_HOME} ${WORK_DIR}/home/.config)
set(ENV{XDG_DATA_HOME} ${WORK_DIR}/home/.local/share)
set(ENV{XDG_CACHE_HOME} ${WORK_DIR}/home/.cache)
set(ENV{XDG_RUNTIME_DIR} ${WORK_DIR}/runtime)
set(ENV{QT_QPA_PLATFORM} offscreen)
set(ENV{SOURCE_DATE_EPOCH} ${SOURCE_DATE_EPOCH})  # help2man dates the pages with it
set(ENV{COLUMNS} 100)

set(common_args --no-info --section=1 --version-string=${VERSION}
    "--source=Kensa ${VERSION}" "--manual=Kensa Manual" --include=${INCLUDE_DIR}/common.h2m)

# help2man on PROGRAM (a name on PATH) into OUT_DIR/PAGE.1.gz
function(make_page program page name)
    cmake_parse_arguments(arg "" "" "ARGS" ${ARGN})
    execute_process(COMMAND ${HELP2MAN} ${common_args} ${arg_ARGS} "--name=${name}"
                            --output=${OUT_DIR}/${page}.1 ${program}
                    RESULT_VARIABLE rc ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "help2man ${program} failed (${rc}): ${err}")
    endif()
    execute_process(COMMAND gzip -9nf ${OUT_DIR}/${page}.1 COMMAND_ERROR_IS_FATAL ANY)
endfunction()

# The commands and their one-line descriptions, from `kensa-cli --help` ("Subcommands:" section).
execute_process(COMMAND kensa-cli --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "kensa-cli --help failed (${rc})")
endif()
string(REGEX REPLACE ".*\nSubcommands:\n" "" listing "${help}")
string(REPLACE "\n" ";" lines "${listing}")
set(commands "")
foreach(line IN LISTS lines)
    if(line MATCHES "^  ([a-z][a-z0-9-]*)  +(.+)$")
        set(cmd ${CMAKE_MATCH_1})
        string(STRIP "${CMAKE_MATCH_2}" what)
        # "Train a model ..." -> "train a model ...", the NAME line's convention.
        string(SUBSTRING "${what}" 0 1 first)
        string(SUBSTRING "${what}" 1 -1 rest)
        string(TOLOWER "${first}" first)
        list(APPEND commands ${cmd})
        set(what_${cmd} "${first}${rest}")
    elseif(NOT line STREQUAL "")
        break()
    endif()
endforeach()
list(LENGTH commands n)
if(n EQUAL 0)
    message(FATAL_ERROR "no commands found in kensa-cli --help:\n${help}")
endif()

# SEE ALSO of every page: all the others.
set(pages kensa-cli)
foreach(cmd IN LISTS commands)
    list(APPEND pages kensa-cli-${cmd})
endforeach()
if(DEFINED KENSA_GUI)
    list(APPEND pages kensa)
endif()
function(see_also_file page out)
    set(refs "")
    foreach(other IN LISTS pages)
        if(NOT other STREQUAL page)
            list(APPEND refs "\\fB${other}\\fR(1)")
        endif()
    endforeach()
    list(JOIN refs ",\n" refs)
    file(WRITE ${out} "[SEE ALSO]\n${refs}\n")
endfunction()

foreach(cmd IN LISTS commands)
    # help2man names a page after its program: a wrapper kensa-cli-<command> runs `kensa-cli <command>`.
    # It turns CLI11's option groups ("[Option Group: ADTR]" and an indented "Options:") into lines
    # help2man makes subsections of ("ADTR options:").
    set(wrapper ${WORK_DIR}/bin/kensa-cli-${cmd})
    file(WRITE ${wrapper} "#!/bin/sh\nkensa-cli ${cmd} \"$@\" | sed -e 's/^\\[Option Group: \\(.*\\)\\]$/\\1 options:/' -e '/^  Options:$/d'\n")
    file(CHMOD ${wrapper} PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE)
    see_also_file(kensa-cli-${cmd} ${WORK_DIR}/kensa-cli-${cmd}.h2m)
    make_page(kensa-cli-${cmd} kensa-cli-${cmd} "${what_${cmd}}"
              ARGS --include=${INCLUDE_DIR}/cli.h2m --include=${WORK_DIR}/kensa-cli-${cmd}.h2m)
endforeach()

see_also_file(kensa-cli ${WORK_DIR}/kensa-cli.h2m)
make_page(kensa-cli kensa-cli "visual anomaly inspection from the command line"
          ARGS --include=${INCLUDE_DIR}/cli.h2m --include=${WORK_DIR}/kensa-cli.h2m)

if(DEFINED KENSA_GUI)
    see_also_file(kensa ${WORK_DIR}/kensa.h2m)
    make_page(kensa kensa "visual anomaly inspection for quality engineers (desktop app)"
              ARGS --include=${INCLUDE_DIR}/kensa.h2m --include=${WORK_DIR}/kensa.h2m)
endif()

list(LENGTH pages n)
message(STATUS "man pages: ${n} in ${OUT_DIR}")
