// Functions, procedures and aggregates. CREATE OR REPLACE where PostgreSQL allows it
// (same arguments and result); otherwise drop and create, with dependents.
#include "diff/common.h"
#include "diff/kinds.h"

namespace migra::diff {
namespace {

std::string noun(const model::Function& f) {
  if (f.kind == "procedure") return "procedure";
  if (f.kind == "aggregate") return "aggregate";
  return "function";
}

ObjectRef ref_of(const model::Function& f) {
  std::string sig = f.key();
  std::string n = noun(f) + " " + sig;
  // GRANT ... ON FUNCTION covers aggregates too.
  std::string grant = (f.kind == "procedure" ? "procedure " : "function ") + sig;
  return {"function", sig, grant, n, "alter " + n, 'f'};
}

std::string create_sql(const model::Function& f, bool replace) {
  std::string d = f.definition;
  // pg_get_functiondef already says OR REPLACE; the assembled aggregate doesn't.
  const std::string plain = "CREATE AGGREGATE ";
  if (replace && d.rfind(plain, 0) == 0) d = "CREATE OR REPLACE AGGREGATE " + d.substr(plain.size());
  while (!d.empty() && (d.back() == '\n' || d.back() == ' ')) d.pop_back();
  if (!d.empty() && d.back() != ';') d += "\n;";
  return d;
}

// Parameter defaults in pg_get_function_arguments text, outside string literals.
size_t default_count(const std::string& arguments) {
  size_t n = 0;
  bool quoted = false;
  for (size_t i = 0; i < arguments.size(); ++i) {
    if (arguments[i] == '\'') quoted = !quoted;
    if (!quoted && arguments.compare(i, 9, " DEFAULT ") == 0) ++n;
  }
  return n;
}

// Same key, so the same argument types: OR REPLACE may add or change defaults but not
// remove any, nor change the result or the kind. Aggregates can be replaced since 12.
bool cannot_replace(const DiffContext& ctx, const model::Function& a, const model::Function& b) {
  return a.kind != b.kind || (a.kind == "aggregate" && ctx.from.server_version_num < 120000) ||
         a.result != b.result ||
         (a.arguments != b.arguments && default_count(b.arguments) < default_count(a.arguments));
}

}  // namespace

void find_function_recreations(DiffContext& ctx) {
  ctx.each_pair(ctx.from.functions, ctx.to.functions,
                [&](const model::Function* a, const model::Function* b) {
    if (a && b && a->definition != b->definition && cannot_replace(ctx, *a, *b)) {
      ctx.mark_recreate(node_id("function", b->key()));
    }
  });
}

void diff_functions(DiffContext& ctx) {
  bool announced = false;
  auto announce = [&] {
    if (announced) return;
    announced = true;
    // Bodies may name objects created later in the plan.
    plan::Statement s;
    s.sql = "set check_function_bodies = off;";
    s.kind = "setting";
    s.phase = plan::Phase::create_schema;
    s.action = plan::Action::alter;
    ctx.emit(std::move(s));
  };
  ctx.each_pair(ctx.from.functions, ctx.to.functions,
                [&](const model::Function* a, const model::Function* b) {
    bool recreate = a && b && ctx.recreating(node_id("function", b->key()));
    if (a && (!b || recreate)) {
      auto s = make_statement(ref_of(*a), plan::Action::drop, plan::Phase::drop_dependent,
                              "drop " + noun(*a) + " if exists " + a->key() + ";");
      s.destructive = true;
      ctx.emit(std::move(s));
    }
    if (!b) return;
    auto ref = ref_of(*b);
    if (!a || recreate || a->definition != b->definition) {
      announce();
      auto action = (!a || recreate) ? plan::Action::create : plan::Action::alter;
      ctx.emit(make_statement(ref, action, plan::Phase::create_function, create_sql(*b, action == plan::Action::alter)));
    }
    bool fresh = !a || recreate;
    if (a && recreate) {
      restore_owner(ctx, ref, b->owner);
      diff_acl(ctx, ref, nullptr, b->acl, b->owner);
    } else {
      diff_owner_and_acl(ctx, ref, fresh ? nullptr : &a->owner, fresh ? nullptr : &a->acl,
                         b->owner, b->acl);
    }
    diff_comment(ctx, ref, fresh ? nullptr : &a->comment, b->comment);
  });
}

}  // namespace migra::diff
