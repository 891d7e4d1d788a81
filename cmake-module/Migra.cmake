#[=======================================================================[.rst:
Migra
-----

Build targets for PostgreSQL model files kept with migra: lint them whenever they
change, and fail the build when a database has drifted from them.

Loaded by ``find_package(Migra)``. It also works on its own, with this directory on
:variable:`CMAKE_MODULE_PATH`::

  list(APPEND CMAKE_MODULE_PATH /path/to/migra/cmake-module)
  include(Migra)

Requires CMake 3.17 or newer.

Imported target
^^^^^^^^^^^^^^^

``Migra::migra``
  The migra executable every command below runs. ``find_package(Migra)`` defines it;
  ``include(Migra)`` on its own creates it from ``MIGRA_EXECUTABLE`` when it is not
  defined yet. Test ``if(TARGET Migra::migra)`` to make the targets optional.

Cache variables
^^^^^^^^^^^^^^^

``MIGRA_EXECUTABLE``
  Path of the migra executable, used only when ``Migra::migra`` is not defined (that
  is, with ``include(Migra)`` and no ``find_package(Migra)``). Found on ``PATH`` with
  :command:`find_program`; set it to choose another one.

Commands
^^^^^^^^

.. command:: migra_add_schema_lint

  Lints model files at build time, with no database::

    migra_add_schema_lint(<name>
                          MODELS <path>...
                          [ALL])

  Adds a custom target ``<name>`` that runs ``migra lint`` on the model files and fails
  the build on a problem, printed as ``path:line:col: error: ...``. A stamp file in the
  current binary directory records a clean lint, so the target runs again only when a
  model file (or the migra executable) changes; a failing lint leaves no stamp.

  ``MODELS <path>...``
    Required. Model files, directories (every ``*.sql`` below them) or globs, relative
    to the current source directory. They are expanded when CMake configures, with
    ``CONFIGURE_DEPENDS``: a ``.sql`` file added to a listed directory or glob is picked
    up by the next build.

  ``ALL``
    Add the target to the default build target.

.. command:: migra_add_schema_check

  Fails the build when a database does not match the model files::

    migra_add_schema_check(<name>
                           MODELS <path>...
                           [DATABASE <url>]
                           [CONFIG <file>]
                           [SCHEMAS <schema>...]
                           [EXCLUDE_SCHEMAS <schema>...]
                           [WITH_PRIVILEGES]
                           [SCRATCH <auto|ephemeral|url>]
                           [ALL]
                           [COMMENT <text>])

  Adds a custom target ``<name>`` that runs ``migra check`` each time it is built: it
  loads the models into a scratch database, compares them with the database, and on
  drift prints one line per object and the SQL that would bring the database in sync,
  then fails. It also fails when migra cannot run the check (no connection, a broken
  model file). It runs from the current source directory, so a ``migra.yaml`` there
  supplies whatever is not given here.

  ``MODELS <path>...``
    Required. Model files, directories or globs (``--models``), relative to the current
    source directory. migra expands them when the target runs.

  ``DATABASE <url>``
    The database to check (``--database``), a ``postgresql://`` URL or a conninfo
    string. Without it, ``database`` from the ``migra.yaml`` is used. The value appears
    in the build's command line: keep passwords in ``~/.pgpass``, ``PGPASSWORD`` or a
    ``migra.yaml`` with ``${VAR}`` expansion instead.

  ``CONFIG <file>``
    The ``migra.yaml`` to read (``--config``), relative to the current source
    directory; default: ``migra.yaml`` in the current source directory, if any.

  ``SCHEMAS <schema>...``
    Compare only these schemas (``--schema``).

  ``EXCLUDE_SCHEMAS <schema>...``
    Leave these schemas out (``--exclude-schema``).

  ``WITH_PRIVILEGES``
    Compare grants and owners too (``--with-privileges``).

  ``SCRATCH <auto|ephemeral|url>``
    Where the models are loaded (``--scratch``); default ``auto``.

  ``ALL``
    Add the target to the default build target, so every build checks the database.

  ``COMMENT <text>``
    The message printed before the check runs.

Example
^^^^^^^

.. code-block:: cmake

  find_package(Migra 0.1 REQUIRED)
  migra_add_schema_lint(lint_schema MODELS db/schema ALL)
  migra_add_schema_check(check_schema MODELS db/schema
                         DATABASE postgresql:///app_dev SCHEMAS public)
#]=======================================================================]

if(CMAKE_VERSION VERSION_LESS 3.17)
  message(FATAL_ERROR "Migra needs CMake 3.17 or newer; this is ${CMAKE_VERSION}.")
endif()

# The functions keep the policies set here, whatever the including project asks for.
cmake_policy(PUSH)
cmake_policy(VERSION 3.17)

if(NOT TARGET Migra::migra)
  find_program(MIGRA_EXECUTABLE NAMES migra
    DOC "The migra executable, used when Migra::migra is not defined")
  if(MIGRA_EXECUTABLE)
    if(NOT EXISTS "${MIGRA_EXECUTABLE}" OR IS_DIRECTORY "${MIGRA_EXECUTABLE}")
      message(FATAL_ERROR "Migra: MIGRA_EXECUTABLE is '${MIGRA_EXECUTABLE}', which is not a "
        "file. Set it to the path of the migra executable, or clear it to search PATH.")
    endif()
    # GLOBAL: the functions may be called in any directory after this include.
    add_executable(Migra::migra IMPORTED GLOBAL)
    set_target_properties(Migra::migra PROPERTIES IMPORTED_LOCATION "${MIGRA_EXECUTABLE}")
  endif()
endif()

# Checks a call of one of the functions below from the arg_* variables it parsed (seen
# here through the caller's scope); `caller` names it in the messages.
function(_migra_check_call caller name keywords)
  if(name STREQUAL "" OR name IN_LIST keywords)
    message(FATAL_ERROR "${caller}: the first argument must be the name of the target to "
      "add, e.g. ${caller}(schema_target MODELS db/schema).")
  endif()
  if(DEFINED arg_UNPARSED_ARGUMENTS)
    string(REPLACE ";" " " known "${keywords}")
    string(REPLACE ";" " " unknown "${arg_UNPARSED_ARGUMENTS}")
    message(FATAL_ERROR "${caller}(${name}): unknown argument(s): ${unknown}. "
      "Known keywords: ${known}.")
  endif()
  if(DEFINED arg_KEYWORDS_MISSING_VALUES)
    string(REPLACE ";" ", " missing "${arg_KEYWORDS_MISSING_VALUES}")
    message(FATAL_ERROR "${caller}(${name}): ${missing} given without a value.")
  endif()
  if(NOT DEFINED arg_MODELS)
    message(FATAL_ERROR "${caller}(${name}): MODELS is required: the model files, "
      "directories or globs, e.g. ${caller}(${name} MODELS db/schema).")
  endif()
  if(TARGET "${name}")
    message(FATAL_ERROR "${caller}(${name}): a target named '${name}' already exists; "
      "choose another name.")
  endif()
  if(NOT TARGET Migra::migra)
    message(FATAL_ERROR "${caller}(${name}): the migra executable was not found. Set "
      "MIGRA_EXECUTABLE to its path, or use find_package(Migra) with CMAKE_PREFIX_PATH or "
      "Migra_DIR pointing at a migra install or build directory.")
  endif()
endfunction()

# MODELS as absolute paths, each an existing file or directory or a glob; `keywords` helps
# the message when a misspelt keyword after MODELS was taken for a path.
function(_migra_model_paths out caller name keywords)
  set(paths "")
  foreach(given IN LISTS ARGN)
    get_filename_component(path "${given}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    if(NOT EXISTS "${path}" AND NOT path MATCHES "[*?[]")
      set(hint "")
      if(given MATCHES "^[A-Z_]+$")
        string(REPLACE ";" " " known "${keywords}")
        set(hint " If '${given}' is a misspelt keyword: the keywords are ${known}.")
      endif()
      message(FATAL_ERROR "${caller}(${name}): model path '${path}' is neither an existing "
        "file or directory nor a glob.${hint}")
    endif()
    list(APPEND paths "${path}")
  endforeach()
  set(${out} "${paths}" PARENT_SCOPE)
endfunction()

# Expands model paths the way migra does: a directory means every *.sql below it, a glob
# its matches (directories among them expanded too), a file itself.
function(_migra_model_files out caller name)
  set(files "")
  foreach(path IN LISTS ARGN)
    if(IS_DIRECTORY "${path}")
      file(GLOB_RECURSE found CONFIGURE_DEPENDS "${path}/*.sql")
      list(APPEND files ${found})
    elseif(EXISTS "${path}")
      list(APPEND files "${path}")
    else()
      file(GLOB matches CONFIGURE_DEPENDS LIST_DIRECTORIES true "${path}")
      foreach(match IN LISTS matches)
        if(IS_DIRECTORY "${match}")
          file(GLOB_RECURSE found CONFIGURE_DEPENDS "${match}/*.sql")
          list(APPEND files ${found})
        elseif(match MATCHES "\\.sql$")
          list(APPEND files "${match}")
        endif()
      endforeach()
    endif()
  endforeach()
  list(REMOVE_DUPLICATES files)
  list(SORT files)
  if(files STREQUAL "")
    string(REPLACE ";" " " paths "${ARGN}")
    message(FATAL_ERROR "${caller}(${name}): no .sql model files found in MODELS (${paths}).")
  endif()
  set(${out} "${files}" PARENT_SCOPE)
endfunction()

function(migra_add_schema_lint)
  set(keywords MODELS ALL)
  cmake_parse_arguments(PARSE_ARGV 1 arg "ALL" "" "MODELS")
  # ARGV0 is read only when given: otherwise an enclosing function's would show through.
  set(name "")
  if(ARGC GREATER 0)
    set(name "${ARGV0}")
  endif()
  _migra_check_call(migra_add_schema_lint "${name}" "${keywords}")
  _migra_model_paths(paths migra_add_schema_lint "${name}" "${keywords}" ${arg_MODELS})
  _migra_model_files(files migra_add_schema_lint "${name}" ${paths})
  list(LENGTH files count)
  set(all "")
  if(arg_ALL)
    set(all ALL)
  endif()
  set(stamp "${CMAKE_CURRENT_BINARY_DIR}/${name}.migra-lint.stamp")
  # The stamp goes first, so a failing lint cannot leave an old one behind.
  add_custom_command(OUTPUT "${stamp}"
    COMMAND "${CMAKE_COMMAND}" -E rm -f "${stamp}"
    COMMAND Migra::migra lint ${files}
    COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
    DEPENDS ${files} Migra::migra
    COMMENT "Linting ${count} model file(s) for ${name}"
    VERBATIM)
  add_custom_target("${name}" ${all} DEPENDS "${stamp}" SOURCES ${files})
endfunction()

function(migra_add_schema_check)
  set(options ALL WITH_PRIVILEGES)
  set(one_value DATABASE CONFIG SCRATCH COMMENT)
  set(multi_value MODELS SCHEMAS EXCLUDE_SCHEMAS)
  cmake_parse_arguments(PARSE_ARGV 1 arg "${options}" "${one_value}" "${multi_value}")
  # ARGV0 is read only when given: otherwise an enclosing function's would show through.
  set(name "")
  if(ARGC GREATER 0)
    set(name "${ARGV0}")
  endif()
  # A quoted empty value ("${UNSET_VARIABLE}") parses as if the keyword were not there.
  foreach(keyword IN LISTS one_value)
    if(NOT DEFINED arg_${keyword} AND keyword IN_LIST ARGN
        AND NOT keyword IN_LIST arg_KEYWORDS_MISSING_VALUES)
      list(APPEND arg_KEYWORDS_MISSING_VALUES ${keyword})
    endif()
  endforeach()
  set(keywords ${options} ${one_value} ${multi_value})
  _migra_check_call(migra_add_schema_check "${name}" "${keywords}")
  _migra_model_paths(paths migra_add_schema_check "${name}" "${keywords}" ${arg_MODELS})

  set(command Migra::migra check)
  if(DEFINED arg_CONFIG)
    get_filename_component(config "${arg_CONFIG}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND command --config "${config}")
  endif()
  foreach(path IN LISTS paths)
    list(APPEND command --models "${path}")
  endforeach()
  if(DEFINED arg_DATABASE)
    list(APPEND command --database "${arg_DATABASE}")
  endif()
  foreach(schema IN LISTS arg_SCHEMAS)
    list(APPEND command --schema "${schema}")
  endforeach()
  foreach(schema IN LISTS arg_EXCLUDE_SCHEMAS)
    list(APPEND command --exclude-schema "${schema}")
  endforeach()
  if(arg_WITH_PRIVILEGES)
    list(APPEND command --with-privileges)
  endif()
  if(DEFINED arg_SCRATCH)
    list(APPEND command --scratch "${arg_SCRATCH}")
  endif()

  set(all "")
  if(arg_ALL)
    set(all ALL)
  endif()
  set(comment "Checking the database against the model files for ${name}")
  if(DEFINED arg_COMMENT)
    set(comment "${arg_COMMENT}")
  endif()
  # USES_TERMINAL: the check talks to a database and may take a while; its output (the
  # drift) should reach the terminal as it comes, not buffered behind other jobs.
  add_custom_target("${name}" ${all}
    COMMAND ${command}
    WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
    COMMENT "${comment}"
    VERBATIM
    USES_TERMINAL)
endfunction()

cmake_policy(POP)
