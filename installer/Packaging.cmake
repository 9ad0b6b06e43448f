# Installation layout and the Debian package (CPack DEB). Included once from the top-level CMakeLists.
#
#   scripts/build-package.sh      # configures, builds kensa, kensa-cli and the man pages, runs cpack -G DEB
#
# Layout (FHS, prefix /usr in the package): /usr/bin/{kensa,kensa-cli}; /usr/share/kensa/weights (the
# converted MobileNetV2, found through core's <exe>/../share/kensa/weights); desktop entry, hicolor icon,
# MIME type and AppStream metainfo in their XDG places; man pages (generated from --help, target
# `man_pages`); /usr/share/doc/kensa/{copyright,changelog.gz}. installer/README.md explains each part.

include(GNUInstallDirs)

set(KENSA_HOMEPAGE "https://github.com/kensa-inspection/kensa" CACHE STRING
    "Kensa's public home page: the package's Homepage field and the AppStream URLs")
set(KENSA_SCREENSHOT_URL "https://raw.githubusercontent.com/kensa-inspection/kensa/main/docs/screenshots"
    CACHE STRING "Web folder holding docs/screenshots/*.png, for the AppStream screenshots")
set(KENSA_APPSTREAM_ID "io.github.kensa_inspection.kensa" CACHE STRING "AppStream component id (reverse DNS)")
set(KENSA_PACKAGE_MAINTAINER "The Kensa developers <maintainers@users.noreply.b-seed-e2954e61.example>"
    CACHE STRING "The Debian package's Maintainer field")

set(_installer ${CMAKE_CURRENT_LIST_DIR})
set(_gen ${PROJECT_BINARY_DIR}/installer)
set(_pkg_datadir ${CMAKE_INSTALL_DATADIR}/kensa)
set(_docdir ${CMAKE_INSTALL_DATADIR}/doc/kensa)

# The release date: the last commit's time (so rebuilding one commit gives the same package), else now.
execute_process(COMMAND git -C ${PROJECT_SOURCE_DIR} log -1 --format=%ct
                OUTPUT_VARIABLE KENSA_SOURCE_DATE_EPOCH OUTPUT_STRIP_TRAILING_WHITESPACE
                RESULT_VARIABLE _git_rc ERROR_QUIET)
execute_process(COMMAND git -C ${PROJECT_SOURCE_DIR} rev-parse --short=12 HEAD
                OUTPUT_VARIABLE KENSA_GIT_COMMIT OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT _git_rc EQUAL 0 OR NOT KENSA_SOURCE_DATE_EPOCH MATCHES "^[0-9]+$")
    string(TIMESTAMP KENSA_SOURCE_DATE_EPOCH "%s" UTC)
    set(KENSA_GIT_COMMIT "unknown")
endif()
set(_saved_epoch "$ENV{SOURCE_DATE_EPOCH}")
set(ENV{SOURCE_DATE_EPOCH} ${KENSA_SOURCE_DATE_EPOCH})  # string(TIMESTAMP) formats this time
string(TIMESTAMP KENSA_RELEASE_DATE "%Y-%m-%d" UTC)
string(TIMESTAMP KENSA_RELEASE_RFC2822 "%a, %d %b %Y %H:%M:%S +0000" UTC)
set(ENV{SOURCE_DATE_EPOCH} "${_saved_epoch}")

# --- programs and data -------------------------------------------------------------------------------
install(TARGETS kensa-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(TARGET kensa)
    install(TARGETS kensa RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
# Stripped like dh_strip does (CPACK_STRIP_FILES strips the symbols; the compilers' .comment goes here):
# lintian's binary-has-unneeded-section.
if(CMAKE_OBJCOPY)
    install(CODE "
        if(CMAKE_INSTALL_DO_STRIP)
            foreach(exe kensa kensa-cli)
                set(f \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/\${exe}\")
                if(EXISTS \"\${f}\")
                    execute_process(COMMAND \"${CMAKE_OBJCOPY}\" --remove-section=.comment \"\${f}\"
                                    COMMAND_ERROR_IS_FATAL ANY)
                endif()
            endforeach()
        endif()")
endif()
# The weights the build is configured with (KENSA_WEIGHTS_DIR; scripts/setup.sh makes them). The
# installed programs find them as <exe>/../share/kensa/weights (core/kensa/base/paths.cpp).
install(FILES ${KENSA_WEIGHTS_DIR}/mobilenet_v2_nsfwjs.safetensors
        DESTINATION ${_pkg_datadir}/weights OPTIONAL)

# --- desktop integration (the translations are compiled into kensa as Qt resources) -------------------
if(TARGET kensa)
    install(FILES ${_installer}/kensa.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/kensa.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
    install(FILES ${_installer}/kensa-mime.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
            RENAME kensa.xml)
    configure_file(${_installer}/kensa.metainfo.xml.in ${_gen}/${KENSA_APPSTREAM_ID}.metainfo.xml @ONLY)
    install(FILES ${_gen}/${KENSA_APPSTREAM_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
endif()

# --- man pages, generated from the programs' --help by help2man (target man_pages, not part of `all`;
# scripts/build-package.sh builds it). Installed when present.
find_program(KENSA_HELP2MAN help2man)
set(_man_dir ${_gen}/man)
if(KENSA_HELP2MAN)
    set(_man_args -DHELP2MAN=${KENSA_HELP2MAN} -DKENSA_CLI=$<TARGET_FILE:kensa-cli>
        -DOUT_DIR=${_man_dir} -DWORK_DIR=${_gen}/man-work -DVERSION=${PROJECT_VERSION}
        -DSOURCE_DATE_EPOCH=${KENSA_SOURCE_DATE_EPOCH} -DINCLUDE_DIR=${_installer}/man)
    set(_man_deps kensa-cli)
    if(TARGET kensa)
        list(APPEND _man_args -DKENSA_GUI=$<TARGET_FILE:kensa>)
        list(APPEND _man_deps kensa)
    endif()
    add_custom_command(OUTPUT ${_gen}/man.stamp
        COMMAND ${CMAKE_COMMAND} ${_man_args} -P ${_installer}/man_pages.cmake
        COMMAND ${CMAKE_COMMAND} -E touch ${_gen}/man.stamp
        DEPENDS ${_man_deps} ${_installer}/man_pages.cmake ${_installer}/man/common.h2m
                ${_installer}/man/cli.h2m ${_installer}/man/kensa.h2m
        COMMENT "Generating man pages from --help (help2man)"
        VERBATIM)
    add_custom_target(man_pages DEPENDS ${_gen}/man.stamp)
endif()
install(DIRECTORY ${_man_dir}/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 OPTIONAL FILES_MATCHING PATTERN "*.1.gz")

# --- Debian documentation: copyright (machine-readable) and the changelog lintian asks a native package for
install(FILES ${_installer}/copyright DESTINATION ${_docdir})
configure_file(${_installer}/changelog.in ${_gen}/changelog @ONLY)
execute_process(COMMAND gzip -9nf -k ${_gen}/changelog COMMAND_ERROR_IS_FATAL ANY)  # -n: no name or time
install(FILES ${_gen}/changelog.gz DESTINATION ${_docdir})

# --- CPack: the Debian package -------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kensa)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The Kensa developers")
set(CPACK_PACKAGE_CONTACT "${KENSA_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "visual anomaly inspection for quality engineers")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)  # lintian: unstripped-binary-or-object
set(CPACK_OUTPUT_FILE_PREFIX ${PROJECT_BINARY_DIR}/package)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # kensa_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_NAME kensa)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${KENSA_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${KENSA_HOMEPAGE}")
# Dependencies come from the binaries (dpkg-shlibdeps). Named here only what the binaries load at run
# time without linking it: Qt's SVG image plugin (every icon of the app is an SVG) and OpenBLAS, which
# Debian's alternatives put behind LibTorch's libblas.so.3 (libtorch already depends on some libblas.so.3;
# the reference BLAS it may get is about 10x slower for Kensa's GEMMs, docs in ../shared/TOOLCHAIN.md),
# hence a recommendation rather than a dependency.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6")
# Qt's own strings (standard buttons, file dialogs) in the user's language come from qt6-translations-l10n
# (qtbase_<lang>.qm, loaded by ui/main/app_setup.cpp when present): also a recommendation.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libopenblas0-pthread, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
# The extended description (CPack puts the summary line before it and indents it; an empty line
# becomes " .").
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Kensa sets up visual inspection of a product without code: load a folder of
images of good parts, let Kensa learn what normal looks like, and it flags
and outlines what is not.

It implements ADTR (anomaly detection transformer with feature
reconstruction) on a pretrained MobileNetV2, beside the reference methods
PatchCore, PaDiM and SPADE. Everything runs on the CPU, offline.

The package holds the desktop app (kensa: projects, defect annotation,
synthetic defects, training, inspection with heatmaps, batch review and
reports), the command-line tool (kensa-cli: train, infer, eval, compare,
demo, ...) and the ImageNet-pretrained MobileNetV2 weights they use.")

include(CPack)
