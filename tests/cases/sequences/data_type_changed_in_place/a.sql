create sequence s as bigint;
create sequence t as integer;
