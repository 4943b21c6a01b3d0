# Desktop integration and the Debian package. One reverse-DNS id names the
# desktop file, the AppStream metainfo and the icon. From the build folder:
#   cpack -G DEB
set(BERTBENCH_APP_ID io.github.bertbench.BertBench)
include(GNUInstallDirs)

install(FILES ${CMAKE_CURRENT_LIST_DIR}/bertbench.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications
        RENAME ${BERTBENCH_APP_ID}.desktop COMPONENT gui)
# The release entry carries the project's version and date.
configure_file(${CMAKE_CURRENT_LIST_DIR}/${BERTBENCH_APP_ID}.metainfo.xml.in
               ${CMAKE_CURRENT_BINARY_DIR}/${BERTBENCH_APP_ID}.metainfo.xml @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/${BERTBENCH_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo COMPONENT gui)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/bertbench.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME ${BERTBENCH_APP_ID}.svg COMPONENT gui)
# bertbench-cli's --preset models and bench find these next to the program.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/vocab
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bertbench COMPONENT cli)
# The bundled data also lives inside the binary; this copy is for people who want the files.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/data/cola
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bertbench/data COMPONENT gui)
# bench's masked-LM measurement reads the AG News texts.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/data/agnews
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bertbench/data COMPONENT cli)

# Licences and notices (the datasets have their own terms), the changelog and
# the guide, where Debian looks for them.
set(BERTBENCH_DOC_DIR ${CMAKE_INSTALL_DATADIR}/doc/bertbench)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/copyright ${PROJECT_SOURCE_DIR}/README.md
        DESTINATION ${BERTBENCH_DOC_DIR} COMPONENT cli)
execute_process(COMMAND date -u -R -d ${BERTBENCH_RELEASE_DATE}
                OUTPUT_VARIABLE BERTBENCH_RELEASE_DATE_RFC2822 OUTPUT_STRIP_TRAILING_WHITESPACE)
configure_file(${CMAKE_CURRENT_LIST_DIR}/changelog.in ${CMAKE_CURRENT_BINARY_DIR}/changelog.txt @ONLY)
# Manual pages: bertbench-cli's from its own --help (help2man), so it cannot
# drift from the program; the window's is short and written by hand. gzip -n:
# no timestamp, so the package builds reproducibly.
find_program(HELP2MAN help2man REQUIRED)
find_program(GZIP gzip REQUIRED)
add_custom_command(
  OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/bertbench-cli.1.gz ${CMAKE_CURRENT_BINARY_DIR}/bertbench.1.gz
         ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz
  COMMAND ${HELP2MAN} --no-info --no-discard-stderr --version-string=${PROJECT_VERSION}
          "--name=fine-tune and use BERT models from the shell"
          --include=${CMAKE_CURRENT_LIST_DIR}/bertbench-cli.h2m --output=bertbench-cli.1 $<TARGET_FILE:bertbench-cli>
  COMMAND ${GZIP} -9nf bertbench-cli.1
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_CURRENT_LIST_DIR}/bertbench.1 bertbench.1
  COMMAND ${GZIP} -9nf bertbench.1
  COMMAND ${CMAKE_COMMAND} -E copy changelog.txt changelog
  COMMAND ${GZIP} -9nf changelog
  DEPENDS bertbench-cli ${CMAKE_CURRENT_LIST_DIR}/bertbench-cli.h2m ${CMAKE_CURRENT_LIST_DIR}/bertbench.1
          ${CMAKE_CURRENT_BINARY_DIR}/changelog.txt
  WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}
  COMMENT "Writing the manual pages and the changelog"
  VERBATIM)
add_custom_target(bertbench_package_docs ALL
  DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/bertbench-cli.1.gz ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/bertbench-cli.1.gz ${CMAKE_CURRENT_BINARY_DIR}/bertbench.1.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT cli)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz DESTINATION ${BERTBENCH_DOC_DIR} COMPONENT cli)

set(CPACK_PACKAGE_NAME bertbench)
set(CPACK_PACKAGE_VENDOR "BertBench")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "BertBench maintainers <bertbench@users.noreply.github.com>")
set(CPACK_PACKAGE_INSTALL_DIRECTORY bertbench)
set(CPACK_COMPONENTS_ALL gui cli)
set(CPACK_DEB_COMPONENT_INSTALL OFF)  # one package with the app and the CLI
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# LibTorch calls whatever libblas.so.3 is installed; apt would satisfy it with
# the reference BLAS, 20x slower. OpenBLAS (OpenMP build) is what the source
# build is measured with; installing it makes it the libblas.so.3 alternative.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libopenblas0-openmp")
# CPack writes the summary as the synopsis and indents these lines itself;
# "." stands for an empty line between paragraphs.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "desktop workbench for fine-tuning BERT models")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "BertBench fine-tunes BERT, DistilBERT and RoBERTa models on your own
labelled text: import a TSV or CSV file, open a Hugging Face model folder or
create a model from a size preset, train while watching live charts,
evaluate, classify sentences as you type and inspect what every attention
head looks at. Models load from and save to the Hugging Face folder format.
.
The package holds the desktop program (bertbench) and the command line
(bertbench-cli), with the CoLA and AG News samples.")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://bertbench.github.io")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_GENERATOR DEB)
include(CPack)
