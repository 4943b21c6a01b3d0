# Desktop integration and the Debian package. One reverse-DNS id names the
# desktop file, the AppStream metainfo and the icon. From the build folder:
#   cpack -G DEB
set(BERTBENCH_APP_ID io.github.bertbench.BertBench)
include(GNUInstallDirs)

install(FILES ${CMAKE_CURRENT_LIST_DIR}/bertbench.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications
        RENAME ${BERTBENCH_APP_ID}.desktop COMPONENT gui)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/${BERTBENCH_APP_ID}.metainfo.xml
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

set(CPACK_PACKAGE_NAME bertbench)
set(CPACK_PACKAGE_VENDOR "BertBench")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_CONTACT "BertBench maintainers <bertbench@users.noreply.github.com>")
set(CPACK_PACKAGE_INSTALL_DIRECTORY bertbench)
set(CPACK_COMPONENTS_ALL gui cli)
set(CPACK_DEB_COMPONENT_INSTALL OFF)  # one package with the app and the CLI
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_GENERATOR DEB)
include(CPack)
