# Turns every src/catalog/queries/*.sql file into a string constant, so catalog SQL
# lives in .sql files yet the binary needs nothing at run time.
function(migra_embed_queries)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "OUTPUT;DIRECTORY" "")
  file(GLOB sql_files CONFIGURE_DEPENDS ${arg_DIRECTORY}/*.sql)
  list(SORT sql_files)
  add_custom_command(
    OUTPUT ${arg_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${arg_OUTPUT} -DDIRECTORY=${arg_DIRECTORY}
            -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/EmbedQueriesScript.cmake
    DEPENDS ${sql_files} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/EmbedQueriesScript.cmake
    COMMENT "Embedding catalog queries"
    VERBATIM)
endfunction()
