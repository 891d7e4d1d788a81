create table t (id int constraint t_pkey primary key);
comment on constraint t_pkey on t is 'the ''key''';
