// Sequences: every parameter, ownership, grants. Identity sequences belong to their
// column and are diffed there.
#include "diff/common.h"
#include "diff/kinds.h"
#include "diff/sequence_options.h"

namespace migra::diff {
namespace {

ObjectRef ref_of(const model::Sequence& s) {
  auto q = s.key();
  return {"sequence", q, "sequence " + q, "sequence " + q, "alter sequence " + q, 's'};
}

std::string owned_by_sql(const model::Sequence& s) {
  if (!s.owned_by_table) return "none";
  return *s.owned_by_table + "." + model::quote_ident(*s.owned_by_column);
}

}  // namespace

std::vector<std::string> sequence_option_list(const model::SequenceOptions* from,
                                              const model::SequenceOptions& to) {
  std::vector<std::string> out;
  auto num = [](std::int64_t v) { return std::to_string(v); };
  if (!from || from->data_type != to.data_type) out.push_back("as " + to.data_type);
  if (!from || from->increment != to.increment) out.push_back("increment by " + num(to.increment));
  if (!from || from->min != to.min) out.push_back("minvalue " + num(to.min));
  if (!from || from->max != to.max) out.push_back("maxvalue " + num(to.max));
  if (!from || from->start != to.start) out.push_back("start with " + num(to.start));
  if (!from || from->cache != to.cache) out.push_back("cache " + num(to.cache));
  if (!from || from->cycle != to.cycle) out.push_back(to.cycle ? "cycle" : "no cycle");
  return out;
}

std::string sequence_option_clauses(const model::SequenceOptions* from,
                                    const model::SequenceOptions& to) {
  std::string sql;
  for (const auto& c : sequence_option_list(from, to)) sql += " " + c;
  return sql;
}

void diff_sequences(DiffContext& ctx) {
  for_each_pair(ctx.from.sequences, ctx.to.sequences,
                [&](const model::Sequence* a, const model::Sequence* b) {
    if ((a && a->identity) || (b && b->identity)) return;
    if (!b) {
      auto s = make_statement(ref_of(*a), plan::Action::drop, plan::Phase::drop_sequence,
                              "drop sequence if exists " + a->key() + ";");
      s.destructive = true;
      ctx.emit(std::move(s));
      return;
    }
    auto ref = ref_of(*b);
    if (!a) {
      ctx.emit(make_statement(ref, plan::Action::create, plan::Phase::create_sequence,
                              "create sequence " + b->key() +
                                  sequence_option_clauses(nullptr, b->options) + ";"));
    } else if (a->options != b->options) {
      ctx.emit(make_statement(ref, plan::Action::alter, plan::Phase::alter_sequence,
                              "alter sequence " + b->key() +
                                  sequence_option_clauses(&a->options, b->options) + ";"));
    }
    bool owner_changed = a ? (a->owned_by_table != b->owned_by_table ||
                              a->owned_by_column != b->owned_by_column)
                           : b->owned_by_table.has_value();
    if (owner_changed) {
      auto s = make_statement(ref, plan::Action::alter, plan::Phase::alter_sequence,
                              "alter sequence " + b->key() + " owned by " + owned_by_sql(*b) + ";");
      s.kind = "sequence ownership";
      // OWNED BY needs the owning column; the sequence's node has no statement of its own
      // so the table is what orders it.
      s.node.clear();
      s.requires_nodes = {ref.node()};
      if (b->owned_by_table) s.requires_nodes.push_back(node_id("table", *b->owned_by_table));
      if (a && a->owned_by_table) s.releases_nodes.push_back(node_id("table", *a->owned_by_table));
      ctx.emit(std::move(s));
    }
    diff_owner_and_acl(ctx, ref, a ? &a->owner : nullptr, a ? &a->acl : nullptr, b->owner, b->acl);
    diff_comment(ctx, ref, a ? &a->comment : nullptr, b->comment);
  });
}

}  // namespace migra::diff
