# find_package(Migra): the imported executable Migra::migra and the functions of
# Migra.cmake. The same file serves an install (lib/cmake/Migra) and a build tree.
include("${CMAKE_CURRENT_LIST_DIR}/MigraTargets.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Migra.cmake")
