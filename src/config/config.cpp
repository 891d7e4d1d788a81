#include "config/config.h"

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/error.h"

namespace fs = std::filesystem;

namespace migra::config {
namespace {

constexpr const char* kKeys =
    "models, database, scratch, schemas, exclude_schemas, with_privileges, unsafe, lock_timeout";

std::string at(const std::string& path, const YAML::Node& node) {
  return path + ":" + std::to_string(node.Mark().line + 1);
}

Error config_error(const std::string& path, const YAML::Node& node, const std::string& msg,
                   const std::string& hint) {
  return Error(msg, hint).with_location({path, node.Mark().line + 1, node.Mark().column + 1});
}

std::string scalar(const std::string& path, const std::string& key, const YAML::Node& node) {
  if (!node.IsScalar()) {
    throw config_error(path, node, "'" + key + "' must be a single value", "write it as key: value");
  }
  return expand_env(node.Scalar(), at(path, node));
}

bool boolean(const std::string& path, const std::string& key, const YAML::Node& node) {
  std::string v = scalar(path, key, node);
  if (v == "true" || v == "yes" || v == "on") return true;
  if (v == "false" || v == "no" || v == "off") return false;
  throw config_error(path, node, "'" + key + "' must be true or false, not '" + v + "'",
                     "write " + key + ": true or " + key + ": false");
}

std::vector<std::string> list(const std::string& path, const std::string& key, const YAML::Node& node) {
  std::vector<std::string> out;
  if (node.IsScalar()) {
    out.push_back(scalar(path, key, node));
  } else if (node.IsSequence()) {
    for (const auto& item : node) out.push_back(scalar(path, key, item));
  } else if (!node.IsNull()) {
    throw config_error(path, node, "'" + key + "' must be a list of strings",
                       "write it as a YAML list, e.g. " + key + ": [a, b]");
  }
  return out;
}

}  // namespace

std::string expand_env(const std::string& value, const std::string& where) {
  std::string out;
  size_t i = 0;
  while (i < value.size()) {
    if (value.compare(i, 2, "${") != 0) {
      out += value[i++];
      continue;
    }
    size_t close = value.find('}', i);
    if (close == std::string::npos) {
      throw Error(where + ": unterminated ${ in '" + value + "'", "close it with }");
    }
    std::string inner = value.substr(i + 2, close - i - 2);
    std::string name = inner, fallback;
    bool has_default = false;
    if (auto d = inner.find(":-"); d != std::string::npos) {
      name = inner.substr(0, d);
      fallback = inner.substr(d + 2);
      has_default = true;
    }
    const char* env = std::getenv(name.c_str());
    if (env && *env) {
      out += env;
    } else if (has_default) {
      out += fallback;
    } else {
      throw Error(where + ": environment variable " + name + " is not set",
                  "set it, or write ${" + name + ":-default}");
    }
    i = close + 1;
  }
  return out;
}

Config parse_config(const std::string& text, const std::string& path) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    throw Error("invalid YAML: " + e.msg, "fix the YAML syntax")
        .with_location({path, e.mark.line + 1, e.mark.column + 1});
  }
  Config c;
  c.path = path;
  if (root.IsNull()) return c;
  if (!root.IsMap()) {
    throw config_error(path, root, "the file must be a mapping of settings", std::string("keys: ") + kKeys);
  }
  fs::path base = fs::path(path).parent_path();
  auto resolve = [&](const std::string& p) {
    if (p.empty() || fs::path(p).is_absolute()) return p;
    return (base / p).lexically_normal().string();
  };
  for (const auto& entry : root) {
    const std::string key = entry.first.as<std::string>();
    const YAML::Node& v = entry.second;
    if (key == "models") {
      for (const auto& m : list(path, key, v)) c.models.push_back(resolve(m));
    } else if (key == "database") {
      try {
        c.database = scalar(path, key, v);
      } catch (const Error& e) {
        c.database_error = std::string(e.what()) + " (hint: " + e.hint() + ")";
      }
    } else if (key == "scratch") {
      c.scratch = scalar(path, key, v);
    } else if (key == "schemas") {
      c.schemas = list(path, key, v);
    } else if (key == "exclude_schemas") {
      c.exclude_schemas = list(path, key, v);
    } else if (key == "with_privileges") {
      c.with_privileges = boolean(path, key, v);
    } else if (key == "unsafe") {
      c.unsafe = boolean(path, key, v);
    } else if (key == "lock_timeout") {
      c.lock_timeout = scalar(path, key, v);
    } else {
      throw config_error(path, entry.first, "unknown key '" + key + "'",
                         std::string("known keys: ") + kKeys);
    }
  }
  return c;
}

Config load_config(const std::string& explicit_path) {
  std::string path = explicit_path.empty() ? "migra.yaml" : explicit_path;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (explicit_path.empty()) return {};
    throw Error("cannot read config file " + path, "check the --config path");
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_config(ss.str(), path);
}

}  // namespace migra::config
