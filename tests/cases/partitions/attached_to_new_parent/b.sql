create table q (id int, v text, constraint q_v check (v <> '')) partition by list (id);
create table p_1 partition of q for values in (1);
