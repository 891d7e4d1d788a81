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

bool sequence_needs_restart(const model::SequenceOptions& from, const model::SequenceOptions& to) {
  return from.start < to.min || from.start > to.max;
}

void diff_sequences(DiffContext& ctx) {
  ctx.each_pair(ctx.from.sequences, ctx.to.sequences,
                [&](const model::Sequence* a, const model::Sequence* b) {
    // A serial sequence and an identity sequence of the same name are different objects:
    // converting a column between the two drops one and creates the other.
    if (a && a->identity) a = nullptr;
    if (b && b->identity) b = nullptr;
    if (!a && !b) return;
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
                              std::string("create ") + (b->unlogged ? "unlogged " : "") +
                                  "sequence " + b->key() +
                                  sequence_option_clauses(nullptr, b->options) + ";"));
    } else {
      if (a->options != b->options) {
        bool restart = sequence_needs_restart(a->options, b->options);
        auto s = make_statement(ref, plan::Action::alter, plan::Phase::alter_sequence,
                                "alter sequence " + b->key() +
                                    sequence_option_clauses(&a->options, b->options) +
                                    (restart ? " restart" : "") + ";");
        s.destructive = restart;
        ctx.emit(std::move(s));
      }
      if (a->unlogged != b->unlogged) {
        ctx.emit(make_statement(ref, plan::Action::alter, plan::Phase::alter_sequence,
                                "alter sequence " + b->key() +
                                    (b->unlogged ? " set unlogged;" : " set logged;")));
      }
    }
    bool owner_changed = a ? (a->owned_by_table != b->owned_by_table ||
                              a->owned_by_column != b->owned_by_column)
                           : b->owned_by_table.has_value();
    auto owned_by = [&](const std::optional<std::string>& from,
                        const std::optional<std::string>& to, std::string target) {
      auto s = make_statement(ref, plan::Action::alter, plan::Phase::alter_sequence,
                              "alter sequence " + b->key() + " owned by " + target + ";");
      s.kind = "sequence ownership";
      // OWNED BY needs the owning column; the sequence's node has no statement of its own
      // so the table is what orders it.
      s.node.clear();
      s.requires_nodes = {ref.node()};
      if (to) s.requires_nodes.push_back(node_id("table", *to));
      if (from) s.releases_nodes.push_back(node_id("table", *from));
      // Before anything drops the old owning column (or its table), which would take the
      // sequence along.
      if (from && from != to) s.precedes_nodes.push_back(node_id("table", *from));
      ctx.emit(std::move(s));
    };
    if (owner_changed) {
      owned_by(a ? a->owned_by_table : std::nullopt, b->owned_by_table, owned_by_sql(*b));
    } else if (a && a->owned_by_table && ctx.relation_goes_away(*a->owned_by_table)) {
      // The owning table is recreated: dropping it would take the sequence along.
      owned_by(a->owned_by_table, std::nullopt, "none");
      owned_by(std::nullopt, b->owned_by_table, owned_by_sql(*b));
    }
    diff_owner_and_acl(ctx, ref, a ? &a->owner : nullptr, a ? &a->acl : nullptr, b->owner, b->acl);
    diff_comment(ctx, ref, a ? &a->comment : nullptr, b->comment);
  });
}

}  // namespace migra::diff
