create sequence s_int as integer;
create sequence s_small as smallint increment by 2;
create sequence s_big as bigint;
